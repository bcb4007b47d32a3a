"""Demo events over the next three months, relative to the day the demo is loaded, and two
event hints waiting for review. Pages are found again by slug, so a second run changes nothing."""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from familientisch.core.demo_helpers import child_page
from familientisch.partners.models import PartnerPage
from familientisch.taxonomy.models import Category, District, Language, TargetGroup

from .hints import store_hint
from .models import EventCancelledDate, EventHintContact, EventIndexPage, EventPage
from .moderation import ensure_hint_workflow
from .occurrences import BERLIN

# (slug, title, days from today, start hour, hours, district, categories, target groups,
#  extra fields)
# fmt: off
EVENTS = [
    ("krabbelgruppe-bilk", "Krabbelgruppe im Stadtteiltreff", 1, 9, 2, 3,
     ["fruehe-hilfen"], ["babys", "eltern"],
     {"recurrence": "weekly", "weeks": 12, "cancel_week": 3, "age_max_months": 23,
      # at the Welcome Point of the district (offers/demo.py), so each page shows the other
      "place_name": "Welcome Point Oberbilk", "street": "Willkommensplatz 3", "postcode": "40229"}),
    ("elterncafe-eller", "Elterncafé mit Sprachmittlung", 2, 15, 2, 8,
     ["beratung"], ["eltern", "gefluechtete-neuzugewanderte"],
     {"recurrence": "weekly", "weeks": 12, "languages": ["de", "ar", "uk"]}),
    ("babymassage-gerresheim", "Babymassage für Eltern mit Babys", 4, 10, 1, 7,
     ["fruehe-hilfen", "gesundheit"], ["babys"], {"age_max_months": 11, "cost": "reduced",
     "cost_note": "15 € für vier Termine, ermäßigt 5 €", "registration_required": True}),
    ("vorlesestunde-altstadt", "Vorlesestunde in der Zentralbibliothek", 5, 16, 1, 1,
     ["bildung", "kultur"], ["kinder"],
     {"recurrence": "monthly", "weeks": 13, "age_min_months": 36, "age_max_months": 95}),
    ("fahrradkurs-garath", "Fahrradkurs für Kinder", 6, 14, 2, 10,
     ["sport"], ["kinder"], {"age_min_months": 60, "age_max_months": 119}),
    ("familienfruehstueck-flingern", "Familienfrühstück im Familienzentrum", 7, 9, 2, 2,
     ["freizeit"], ["eltern", "kinder"], {"recurrence": "monthly", "weeks": 13}),
    ("info-kita-anmeldung", "Infoabend: So finden Sie einen Kita-Platz", 8, 18, 2, 4,
     ["betreuung", "beratung"], ["eltern"], {"languages": ["de", "tr"]}),
    ("online-elternabend-medien", "Online-Elternabend: Kinder und Medien", 9, 19, 2, None,
     ["bildung"], ["eltern"], {"online_url": "https://meet.example.org/medien-elternabend"}),
    ("welcome-point-sprechstunde", "Offene Sprechstunde im Welcome Point", 10, 13, 3, 6,
     ["welcome-point", "beratung"], ["gefluechtete-neuzugewanderte"],
     {"recurrence": "weekly", "weeks": 12, "languages": ["de", "ar", "fa", "uk", "ru"]}),
    ("laternenbasteln-wersten", "Laternenbasteln für Groß und Klein", 12, 15, 2, 9,
     ["kultur", "freizeit"], ["kinder", "eltern"], {"status": "cancelled"}),
    ("schwimmkurs-seepferdchen", "Schwimmkurs Seepferdchen", 14, 16, 1, 5,
     ["sport"], ["kinder"], {"cost": "fee", "cost_note": "60 € für zehn Termine",
     "registration_required": True, "age_min_months": 48, "age_max_months": 95}),
    ("erste-hilfe-kind", "Erste Hilfe am Kind", 17, 9, 6, 3,
     ["gesundheit"], ["eltern"], {"cost": "reduced", "cost_note": "20 €, mit Familienpass frei"}),
    ("jugendtreff-turnier", "Tischtennisturnier im Jugendtreff", 20, 17, 3, 8,
     ["sport", "freizeit"], ["jugendliche"], {"age_min_months": 144, "age_max_months": 215}),
    ("weihnachtsmarkt-familien", "Familien-Weihnachtsmarkt im Stadtteil", 24, 0, 0, 7,
     ["kultur", "freizeit"], ["kinder", "eltern"], {"all_day": True}),
    ("stillcafe-oberkassel", "Stillcafé mit Hebamme", 26, 10, 2, 4,
     ["fruehe-hilfen", "gesundheit"], ["babys", "eltern"], {"for_expectant_parents": True,
     "age_max_months": 11}),
    ("inklusives-spielfest", "Inklusives Spielfest im Park", 35, 11, 5, 9,
     ["freizeit"], ["kinder", "menschen-mit-behinderung"], {"postponed": True}),
    ("bewerbungstraining-jugend", "Bewerbungstraining für Jugendliche", 41, 14, 3, 1,
     ["bildung", "beratung"], ["jugendliche"], {"age_min_months": 168}),
    ("sprachcafe-familien", "Sprachcafé für Familien", 52, 16, 2, 2,
     ["bildung"], ["gefluechtete-neuzugewanderte", "eltern"], {"languages": ["de", "tr", "ru"]}),
    ("fasching-kita", "Kinderkarneval im Familienzentrum", 68, 15, 3, 5,
     ["kultur", "freizeit"], ["kinder"], {"age_max_months": 119}),
    ("elternkurs-pubertaet", "Elternkurs: Gelassen durch die Pubertät", 80, 19, 2, 8,
     ["beratung"], ["eltern"], {"cost": "reduced", "cost_note": "Spende erbeten"}),
]
# fmt: on

HINTS = [
    ("VH-DEMO-0001", "Flohmarkt rund ums Kind", 21, "Kita Regenbogen e. V.", 3),
    ("VH-DEMO-0002", "Kinderyoga im Stadtteilzentrum", 33, "Yoga für Kinder Düsseldorf", 7),
]


def _local(days, hour):
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, 0), tzinfo=BERLIN)


def _source(model, slugs):
    return list(model.objects.filter(locale__language_code=settings.LANGUAGE_CODE, slug__in=slugs))


def _organisers():
    return list(PartnerPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE))


def load(home):
    index = child_page(
        home, EventIndexPage, "veranstaltungen", title="Veranstaltungen", show_in_menus=True
    )
    ensure_hint_workflow(index)
    organisers = _organisers()
    for position, row in enumerate(EVENTS):
        _demo_event(index, row, organisers[position % len(organisers)] if organisers else None)
    for reference, title, days, organiser, district in HINTS:
        _demo_hint(index, reference, title, days, organiser, district)


def _demo_event(index, row, organiser):
    slug, title, days, hour, hours, district, categories, groups, extra = row
    if index.get_children().filter(slug=slug).exists():
        return
    extra = dict(extra)
    weeks, cancel_week = extra.pop("weeks", None), extra.pop("cancel_week", None)
    languages = extra.pop("languages", ["de"])
    if extra.pop("postponed", False):
        extra["status"] = "postponed"
    start = _local(days, hour)
    fields = {
        "title": title,
        "summary": f"{title}: offen für alle Familien aus der Stadt.",
        "description": f"<p>{title}. Kommen Sie vorbei, wir freuen uns auf Sie!</p>",
        "start": start,
        "end": start + dt.timedelta(hours=hours) if hours else None,
        "district": District.objects.filter(slug=f"bezirk-{district}").first()
        if district
        else None,
        "place_name": "" if district is None else f"Familienzentrum Stadtbezirk {district}",
        "street": "" if district is None else f"Beispielstraße {district * 7}",
        "postcode": "" if district is None else f"402{10 + district}",
        "online": district is None,
        "organiser": organiser,
        **extra,
    }
    if weeks:
        fields["recurrence_until"] = (start + dt.timedelta(weeks=weeks)).date()
    if cancel_week:
        cancelled = (start + dt.timedelta(weeks=cancel_week)).date()
        fields["cancelled_dates"] = [EventCancelledDate(date=cancelled)]
    child_page(
        index,
        EventPage,
        slug,
        categories=_source(Category, categories),
        target_groups=_source(TargetGroup, groups),
        languages=list(Language.objects.filter(code__in=languages)),
        **fields,
    )


def _demo_hint(index, reference, title, days, organiser, district):
    if EventHintContact.objects.filter(reference=reference).exists():
        return
    start = _local(days, 15)
    data = {
        "title": title,
        "start_date": start.date(),
        "start_time": start.time(),
        "end_date": None,
        "end_time": dt.time(18, 0),
        "place_name": f"Stadtteilzentrum Stadtbezirk {district}",
        "street": "Musterweg 3",
        "postcode": f"402{10 + district}",
        "district": District.objects.filter(slug=f"bezirk-{district}").first(),
        "online_url": "",
        "description": f"{title} für Familien mit Kindern. Eintritt frei, Kuchen gegen Spende.",
        "organiser_name": organiser,
        "contact_email": "veranstaltungen@example.org",
    }
    store_hint(index, data, reference=reference)


# The events with written demo translations, the online one among them.
TRANSLATED_EVENTS = [
    "krabbelgruppe-bilk",
    "babymassage-gerresheim",
    "online-elternabend-medien",
    "welcome-point-sprechstunde",
    "erste-hilfe-kind",
]


def translated_objects(home):
    """The German demo events that `load_demo` translates, in a fixed order."""
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        return []
    events = {
        page.slug: page
        for page in EventPage.objects.child_of(index).filter(slug__in=TRANSLATED_EVENTS)
    }
    return [events[slug] for slug in TRANSLATED_EVENTS if slug in events]
