"""Demo offers of the Familien-Navigator: a Welcome Point and an early-help offer in every
district, and everyday offers of every category spread over the city. Names, addresses and
phone numbers are made up; the providers are demo partners (reused by slug when the partners
app has created them)."""

from django.utils.text import slugify

from home.demo import child_page
from home.models import Category, District, Language, TargetGroup
from partners.models import PartnerIndexPage, PartnerPage

from .models import OfferIndexPage, OfferPage, OfferPlace

PROVIDERS = {
    "jugendamt": ("Jugendamt Düsseldorf", "city-office"),
    "gesundheitsamt": ("Gesundheitsamt Düsseldorf", "city-office"),
    "stadtbuechereien": ("Stadtbüchereien Düsseldorf", "city-office"),
    "awo": ("AWO Familienglobus", "charity"),
    "caritas": ("Caritasverband Düsseldorf", "charity"),
    "diakonie": ("Diakonie Düsseldorf", "charity"),
    "drk": ("DRK-Kreisverband Düsseldorf", "charity"),
    "skf": ("Sozialdienst katholischer Frauen", "church"),
    "sportbund": ("Stadtsportbund Düsseldorf", "chamber"),
    "kulturverein": ("Kinderkultur e. V.", "initiative"),
}

WEEKDAY_MORNINGS = [("slot", day, "09:00", "12:30") for day in range(5)]
# (title, provider, categories, target groups, ages in months, cost, languages, hours, summary)
EVERYDAY_OFFERS = [
    (
        "Erziehungsberatung",
        "caritas",
        ["beratung"],
        ["eltern"],
        (0, 252),
        "free",
        ["de", "tr", "ar"],
        [("slot", 1, "14:00", "18:00"), ("appointment", 3)],
        "Vertrauliche Beratung bei Fragen zu Erziehung, Trennung und Familienkonflikten.",
    ),
    (
        "Schuldner- und Budgetberatung für Familien",
        "diakonie",
        ["beratung"],
        ["eltern"],
        (0, 252),
        "free",
        ["de", "ru"],
        [("appointment", 0), ("appointment", 2)],
        "Hilfe, wenn das Geld nicht reicht: Haushaltsplan, Anträge, Gespräche mit Gläubigern.",
    ),
    (
        "Kindertagespflege-Vermittlung",
        "jugendamt",
        ["betreuung"],
        ["eltern", "babys"],
        (4, 35),
        "reduced",
        ["de", "en"],
        WEEKDAY_MORNINGS,
        "Wir vermitteln Tagesmütter und Tagesväter in Ihrer Nähe.",
    ),
    (
        "Ferienbetreuung im Stadtteil",
        "awo",
        ["betreuung", "freizeit"],
        ["kinder"],
        (72, 143),
        "reduced",
        ["de", "tr"],
        [("slot", d, "08:00", "16:00") for d in range(5)],
        "Spiel, Ausflüge und Mittagessen in den Schulferien für Grundschulkinder.",
    ),
    (
        "Hausaufgabenhilfe",
        "skf",
        ["bildung"],
        ["kinder", "jugendliche"],
        (72, 191),
        "free",
        ["de", "ar", "uk"],
        [("slot", d, "14:00", "16:30") for d in range(4)],
        "Ehrenamtliche helfen bei Hausaufgaben und beim Lernen für Arbeiten.",
    ),
    (
        "Deutschkurs mit Kinderbetreuung",
        "caritas",
        ["bildung"],
        ["eltern", "gefluechtete-neuzugewanderte"],
        (0, 252),
        "free",
        ["de", "ar", "fa", "uk"],
        [("slot", 1, "09:00", "11:30"), ("slot", 3, "09:00", "11:30")],
        "Deutsch lernen am Vormittag, während die Kleinen nebenan spielen.",
    ),
    (
        "Vorlesestunde in der Stadtteilbibliothek",
        "stadtbuechereien",
        ["kultur", "bildung"],
        ["kinder"],
        (36, 95),
        "free",
        ["de", "tr", "pl"],
        [("slot", 2, "15:00", "16:00")],
        "Geschichten, Bilderbücher und Basteln für Kinder ab drei Jahren.",
    ),
    (
        "Offener Jugendtreff",
        "awo",
        ["freizeit"],
        ["jugendliche"],
        (144, 215),
        "free",
        ["de", "tr", "ar"],
        [("slot", d, "15:00", "20:00") for d in range(1, 6)],
        "Kicker, Musik, Kochen und ein offenes Ohr für Jugendliche von 12 bis 17.",
    ),
    (
        "Eltern-Kind-Turnen",
        "sportbund",
        ["sport"],
        ["kinder", "eltern"],
        (18, 71),
        "fee",
        ["de"],
        [("slot", 5, "10:00", "11:00")],
        "Klettern, Rollen, Balancieren: Bewegung für die Kleinen mit Mama oder Papa.",
    ),
    (
        "Schwimmkurs für Kinder",
        "sportbund",
        ["sport"],
        ["kinder"],
        (60, 143),
        "reduced",
        ["de", "en"],
        [("slot", 4, "16:00", "17:00")],
        "Seepferdchen und mehr: Schwimmen lernen in kleinen Gruppen, mit Düsselpass ermäßigt.",
    ),
    (
        "Inklusiver Sportnachmittag",
        "sportbund",
        ["sport", "freizeit"],
        ["kinder", "jugendliche", "menschen-mit-behinderung"],
        (72, 252),
        "free",
        ["de"],
        [("slot", 2, "16:00", "18:00")],
        "Sport für alle: mit und ohne Behinderung, mit Assistenz vor Ort.",
    ),
    (
        "Kindertheater am Sonntag",
        "kulturverein",
        ["kultur"],
        ["kinder", "eltern"],
        (36, 119),
        "reduced",
        ["de"],
        [("slot", 6, "11:00", "12:30")],
        "Theater zum Mitmachen für Familien, mit Familienpass günstiger.",
    ),
    (
        "Kinderärztliche Sprechstunde ohne Versicherung",
        "gesundheitsamt",
        ["gesundheit"],
        ["kinder", "gefluechtete-neuzugewanderte"],
        (0, 215),
        "free",
        ["de", "ar", "ru", "uk"],
        [("slot", 0, "13:00", "16:00"), ("slot", 3, "09:00", "12:00")],
        "Untersuchung, Impfungen und Beratung für Kinder ohne Krankenversicherung.",
    ),
    (
        "Sprachförderung in der Kita",
        "jugendamt",
        ["bildung", "betreuung"],
        ["kinder"],
        (36, 71),
        "free",
        ["de", "tr", "ar"],
        WEEKDAY_MORNINGS,
        "Spielerisch Deutsch lernen im Kita-Alltag, in enger Absprache mit den Eltern.",
    ),
    (
        "Familienberatung für Neuzugewanderte",
        "drk",
        ["beratung"],
        ["gefluechtete-neuzugewanderte", "eltern"],
        (0, 252),
        "free",
        ["de", "ar", "fa", "uk", "ru"],
        [("slot", 1, "10:00", "13:00"), ("appointment", 4)],
        "Hilfe bei Behörden, Schule, Kita und Gesundheit, auf Wunsch mit Sprachmittlung.",
    ),
]
EARLY_HELP = [
    (
        "Babytreff",
        "awo",
        ["eltern", "babys"],
        (0, 11),
        False,
        "Austausch, Spiel und Tipps rund ums erste Lebensjahr, mit Familienhebamme.",
    ),
    (
        "Familienhebammen-Sprechstunde",
        "gesundheitsamt",
        ["eltern", "babys"],
        (0, 11),
        True,
        "Beratung in der Schwangerschaft und im ersten Lebensjahr, auf Wunsch auch zu Hause.",
    ),
    (
        "Krabbelgruppe",
        "diakonie",
        ["babys", "kinder"],
        (6, 35),
        False,
        "Spielen, Singen und Bewegen für Kinder bis drei Jahre mit ihren Eltern.",
    ),
    (
        "Elterncafé Frühe Hilfen",
        "skf",
        ["eltern"],
        (0, 35),
        True,
        "Offener Treff für werdende Eltern und Familien mit Kindern von 0 bis 3 Jahren.",
    ),
    (
        "Willkommensbesuch für Neugeborene",
        "jugendamt",
        ["eltern", "babys"],
        (0, 2),
        False,
        "Wir besuchen Sie nach der Geburt und bringen Informationen und ein Begrüßungspaket.",
    ),
]
WELCOME_HOURS = [
    ("slot", 0, "09:00", "13:00"),
    ("slot", 1, "14:00", "17:00"),
    ("slot", 3, "09:00", "13:00"),
    ("appointment", 4),
]


def hours(entries):
    return [
        {"type": "slot", "value": {"weekday": str(e[1]), "opens": e[2], "closes": e[3]}}
        if e[0] == "slot"
        else {"type": "appointment", "value": {"weekday": str(e[1])}}
        for e in entries
    ]


def ensure_providers(home):
    """The demo partners, reused by slug wherever the partners app already made them."""
    index = PartnerIndexPage.objects.child_of(home).first() or child_page(
        home, PartnerIndexPage, "partner", title="Partner", show_in_menus=True
    )
    providers = {}
    for key, (title, kind) in PROVIDERS.items():
        slug = slugify(title)
        existing = PartnerPage.objects.filter(slug=slug, locale=home.locale).first()
        providers[key] = existing or child_page(
            index,
            PartnerPage,
            slug,
            title=title,
            kind=kind,
            contact_email=f"familien@{slug}.example.org",
            contact_phone="0211 899-0000",
        )
    return providers


def place(district, quarter, street, position, entries):
    # Spread the places a little around the district's centre, deterministically.
    shift = (position % 5 - 2) * 0.004
    return OfferPlace(
        locale=district.locale,
        place_name=f"Familienzentrum {quarter.name}",
        street=street,
        postcode=f"40{200 + district.number * 20 + position % 10}",
        district=district,
        quarter=quarter,
        latitude=round(district.latitude + shift, 5),
        longitude=round(district.longitude - shift, 5),
        wheelchair_access=["yes", "no", "unknown"][position % 3],
        opening_hours=hours(entries),
    )


def offer_specs(districts, quarters_of):
    """(slug, fields, place arguments) of every demo offer."""
    for district in districts:
        quarter = quarters_of[district.pk][0]
        yield (
            f"welcome-point-{district.slug}",
            {
                "title": f"Welcome Point {quarter.name}",
                "summary": "Erste Anlaufstelle für neu zugewanderte Familien: wir beraten, "
                "übersetzen und begleiten zu Ämtern, Kita und Schule.",
                "provider": "drk",
                "categories": ["welcome-point", "beratung"],
                "target_groups": ["gefluechtete-neuzugewanderte", "eltern"],
                "ages": (0, 252),
                "cost": "free",
                "languages": ["de", "en", "ar", "fa", "uk", "ru", "tr"],
                "phone": f"0211 899-{1000 + district.number}",
            },
            (
                district,
                quarter,
                f"Willkommensplatz {district.number}",
                district.number,
                WELCOME_HOURS,
            ),
        )
    for position, district in enumerate(districts):
        title, provider, groups, ages, pregnancy, summary = EARLY_HELP[position % len(EARLY_HELP)]
        quarter = quarters_of[district.pk][-1]
        yield (
            slugify(f"{title} {quarter.name}"),
            {
                "title": f"{title} {quarter.name}",
                "summary": summary,
                "provider": provider,
                "categories": ["fruehe-hilfen"] + (["gesundheit"] if pregnancy else []),
                "target_groups": groups,
                "ages": ages,
                "for_expectant_parents": pregnancy,
                "cost": "free",
                "languages": ["de", "tr", "ar"],
            },
            (district, quarter, "Familienweg 3", position, WEEKDAY_MORNINGS[:3]),
        )
    position = 0
    for (
        title,
        provider,
        categories,
        groups,
        ages,
        cost,
        languages,
        entries,
        summary,
    ) in EVERYDAY_OFFERS:
        for repeat in range(3):
            position += 1
            district = districts[(position * 3 + repeat) % len(districts)]
            quarters = quarters_of[district.pk]
            quarter = quarters[position % len(quarters)]
            yield (
                slugify(f"{title} {quarter.name}"),
                {
                    "title": f"{title} {quarter.name}",
                    "summary": summary,
                    "provider": provider,
                    "categories": categories,
                    "target_groups": groups,
                    "ages": ages,
                    "cost": cost,
                    "languages": languages,
                },
                (district, quarter, f"{quarter.name}er Straße {position}", position, entries),
            )


def load(home):
    navigator = child_page(
        home,
        OfferIndexPage,
        "navigator",
        title="Familien-Navigator",
        show_in_menus=True,
        introduction="<p>Finden Sie Hilfe und Angebote, die zum Alter Ihres Kindes, zu Ihrem "
        "Stadtteil, Ihrer Sprache und Ihrem Geldbeutel passen.</p>",
        help_phone="0211 899-2000",
    )
    existing = set(navigator.get_children().values_list("slug", flat=True))
    providers = ensure_providers(home)
    source = {"locale": home.locale}
    districts = list(District.objects.filter(**source).order_by("number"))
    quarters_of = {d.pk: list(d.quarters.order_by("sort_order")) for d in districts}
    categories = {c.slug: c for c in Category.objects.filter(**source)}
    groups = {g.slug: g for g in TargetGroup.objects.filter(**source)}
    languages = {lang.code: lang for lang in Language.objects.all()}
    for slug, spec, (district, quarter, street, position, entries) in offer_specs(
        districts, quarters_of
    ):
        if slug in existing:
            continue
        first, last = spec.pop("ages")
        child_page(
            navigator,
            OfferPage,
            slug,
            locale=home.locale,
            provider=providers[spec.pop("provider")],
            categories=[categories[s] for s in spec.pop("categories")],
            target_groups=[groups[s] for s in spec.pop("target_groups")],
            languages=[languages[c] for c in spec.pop("languages")],
            age_min_months=first,
            age_max_months=last,
            email="info@familientisch.example.org",
            description=f"<p>{spec['summary']} Kommen Sie einfach vorbei oder rufen Sie an.</p>",
            places=[place(district, quarter, street, position, entries)],
            **spec,
        )


# The offers with written demo translations: Welcome Points, early help and everyday offers.
TRANSLATED_OFFERS = [
    "welcome-point-bezirk-1",
    "welcome-point-bezirk-3",
    "familienhebammen-sprechstunde-dusseltal",
    "elterncafe-fruhe-hilfen-niederkassel",
    "erziehungsberatung-heerdt",
    "hausaufgabenhilfe-lorick",
    "deutschkurs-mit-kinderbetreuung-unterbilk",
    "vorlesestunde-in-der-stadtteilbibliothek-dusseltal",
    "offener-jugendtreff-golzheim",
    "kinderarztliche-sprechstunde-ohne-versicherung-rath",
]


def translated_objects(home):
    """The German demo offers that `load_demo` translates, in a fixed order."""
    navigator = OfferIndexPage.objects.child_of(home).first()
    if navigator is None:
        return []
    offers = {
        page.slug: page
        for page in OfferPage.objects.child_of(navigator).filter(slug__in=TRANSLATED_OFFERS)
    }
    return [offers[slug] for slug in TRANSLATED_OFFERS if slug in offers]
