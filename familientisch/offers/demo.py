"""Demo offers of the Familien-Navigator: a Welcome Point and an early-help offer in every
district, and everyday offers of every category spread over the city. Names, addresses and
phone numbers are made up; the providers are demo partners (reused by slug when the partners
app has created them)."""

from django.utils.text import slugify

from familientisch.core.demo_helpers import child_page
from familientisch.partners.models import PartnerIndexPage, PartnerPage
from familientisch.taxonomy.gazetteer import Place, locate, quarter_postcodes
from familientisch.taxonomy.models import Category, District, Language, TargetGroup

from .demo_data import EARLY_HELP, EVERYDAY_OFFERS, PROVIDERS, WEEKDAY_MORNINGS, WELCOME_HOURS
from .models import OfferIndexPage, OfferPage, OfferPlace

CONTACT_PEOPLE = ["Frau Yılmaz", "Herr Nowak", "Frau Schmidt", "Frau Haddad", "Herr Becker"]


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
    # In the quarter (its centre in the gazetteer), spread a little, deterministically.
    shift = (position % 5 - 2) * 0.002
    centre = locate(quarter.name) or Place(quarter.name, district.latitude, district.longitude)
    postcodes = quarter_postcodes().get(quarter.name) or ["40210"]
    return OfferPlace(
        locale=district.locale,
        place_name=f"Familienzentrum {quarter.name}",
        street=street,
        postcode=postcodes[position % len(postcodes)],
        district=district,
        quarter=quarter,
        latitude=round(centre.latitude + shift, 5),
        longitude=round(centre.longitude - shift, 5),
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
    specs = enumerate(offer_specs(districts, quarters_of))
    for number, (slug, spec, (district, quarter, street, position, entries)) in specs:
        if slug in existing:
            continue
        first, last = spec.pop("ages")
        # Every offer can be called: families ask before they go (made-up numbers).
        spec.setdefault("phone", f"0211 899-{3000 + number}")
        spec.setdefault("contact_person", CONTACT_PEOPLE[number % len(CONTACT_PEOPLE)])
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
