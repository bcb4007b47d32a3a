"""The Familien-Navigator in the JSON API: the same filters, facet counts and notes as the
HTML page (`offers.search`), and each offer with its places, opening hours and translations.

Bad parameters: a value of the wrong type or out of range (an age of 99, a page of 0, an
unknown life stage or sort order) is refused with 422 and a message per field; a value of the
right type that names nothing we know (an unknown district slug, a point that is not a point)
is ignored, as on the website, with a note in `notes`.
"""

import datetime
import enum

from django.shortcuts import get_object_or_404
from django.utils import translation
from ninja import Query, Router, Schema
from wagtail.models import Locale

from familientisch.api import schemas
from familientisch.partners.api import PartnerRef, partner_refs
from familientisch.taxonomy.api import AgeRange, CostOut, LanguageOut, Place, Term, term
from familientisch.taxonomy.api import place as place_out
from familientisch.taxonomy.audience import MAX_AGE_MONTHS, Cost, LifeStage

from .hours import WEEKDAYS, week_table
from .models import OfferPage, OfferPlace
from .opening import DAYTIME_CHOICES, WHEN_CHOICES
from .search import OfferSearch, SortOrder

router = Router(tags=["offers"])

Sort = enum.StrEnum("Sort", {value: value for value, _label in SortOrder.CHOICES if value})
When = enum.StrEnum("When", {value: value for value, _label in WHEN_CHOICES if value})
Daytime = enum.StrEnum("Daytime", {value: value for value, _label in DAYTIME_CHOICES if value})


class OfferSummary(Schema):
    id: int
    title: str
    url: str
    summary: str
    provider: PartnerRef | None
    districts: list[Term]
    age: AgeRange
    life_stages: list[Term]
    cost: CostOut
    languages: list[LanguageOut]
    distance_km: float | None = None


class FacetOptionOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    name: str
    label: str
    widget: str
    options: list[FacetOptionOut]


class OfferList(schemas.PageOf):
    results: list[OfferSummary]
    facets: list[FacetOut]
    notes: list[str]


class TimeSlot(Schema):
    opens: str
    closes: str


class DayHours(Schema):
    weekday: int
    day: str
    slots: list[TimeSlot]
    by_appointment: bool


class PlaceOut(Place):
    opening_hours: list[DayHours]


class ContactOut(Schema):
    phone: str
    contact_person: str
    email: str
    website: str


class Offer(OfferSummary):
    description_html: str
    categories: list[Term]
    target_groups: list[Term]
    registration_required: bool
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    last_checked: datetime.date | None
    places: list[PlaceOut]
    contact: ContactOut
    translations: list[schemas.TranslationLink]


def _summary(offer, request, providers):
    places = offer.places.all()
    districts = {place.district.pk: place.district for place in places if place.district}
    return {
        "id": offer.pk,
        "title": offer.title,
        "url": offer.get_full_url(request),
        "summary": offer.summary,
        "provider": providers.get(offer.provider_id),
        "districts": [term(district) for district in districts.values()],
        "age": {
            "min_months": offer.age_min_months,
            "max_months": offer.age_max_months,
            "label": str(offer.age_range_label),
        },
        "life_stages": [schemas.choice(LifeStage, stage) for stage in offer.life_stages],
        "cost": {
            "value": offer.cost,
            "label": str(Cost(offer.cost).label),
            "note": offer.cost_note,
        },
        "languages": [{"code": lang.code, "name": lang.name()} for lang in offer.languages.all()],
        "distance_km": _rounded(getattr(offer, "distance_km", None)),
    }


def _rounded(distance):
    return None if distance is None else round(distance, 2)


def _locale_or_404(language):
    return get_object_or_404(Locale, language_code=language)


SORT = Query(None, description="Default: by distance with `near`, else by name.")


@schemas.list_operation(
    router, "offers/", OfferList, "Search the Familien-Navigator", "get_offer", "offer_id"
)
def list_offers(
    request,
    locale: schemas.LanguageCode = schemas.DEFAULT_LOCALE,
    q: str = Query("", max_length=200, description="Words, in any language (as the site search)."),
    age: int | None = Query(None, ge=0, le=MAX_AGE_MONTHS // 12, description="In years."),
    district: str = Query("", max_length=100, description="A district slug."),
    quarter: str = Query("", max_length=100, description="A quarter slug (with its district)."),
    category: str = Query("", max_length=100),
    target_group: str = Query("", max_length=100),
    language: str = Query("", max_length=8, description="An ISO 639-1 code, e.g. `ar`."),
    stage: LifeStage | None = None,
    free: bool = False,
    wheelchair: bool = False,
    near: str = Query(
        "",
        max_length=200,
        description="Where: `latitude,longitude`, a quarter (any script), a postcode or an "
        "address; adds distances.",
    ),
    radius: int | None = Query(None, ge=1, le=50, description="At most this many km from `near`."),
    when: When | None = None,
    daytime: Daytime | None = None,
    sort: Sort | None = SORT,
    page: int = Query(1, ge=1, le=10_000),
    page_size: int = Query(20, ge=1, le=100),
):
    """Current offers with the facet counts of every filter (how many offers each value would
    leave, the other filters staying as they are). Filters take the slugs of `taxonomies/`."""
    params = {
        "q": q,
        "age": "" if age is None else str(age),
        "district": district,
        "quarter": quarter,
        "category": category,
        "target_group": target_group,
        "language": language,
        "stage": stage or "",
        "free": "1" if free else "",
        "wheelchair": "1" if wheelchair else "",
        "near": near,
        "radius": "" if radius is None else str(radius),
        "when": when or "",
        "daytime": daytime or "",
        "sort": sort or "",
    }
    with translation.override(locale):
        result = OfferSearch(OfferPage.objects, params, _locale_or_404(locale)).run(page, page_size)
        offers = result.page.object_list
        providers = partner_refs((o.provider for o in offers), locale, request)
        return {
            "count": result.total,
            "page": result.page.number,
            "page_size": page_size,
            "pages": result.page.paginator.num_pages,
            "results": [_summary(offer, request, providers) for offer in offers],
            "facets": [
                {
                    "name": facet.name,
                    "label": str(facet.label),
                    "widget": facet.widget,
                    "options": [{**vars(o), "label": str(o.label)} for o in facet.options],
                }
                for facet in result.facets
            ],
            "notes": [str(note) for note in result.notes],
        }


def _offers_in(language):
    return OfferPage.objects.live().public().filter(locale__language_code=language)


def _place(place):
    hours = [
        {
            "weekday": number,
            "day": str(label),
            "slots": [{"opens": f"{o:%H:%M}", "closes": f"{c:%H:%M}"} for o, c in slots],
            "by_appointment": appointment,
        }
        for (number, _day), (label, slots, appointment) in zip(
            WEEKDAYS, week_table(place.opening_hours), strict=True
        )
    ]
    return {**place_out(place), "opening_hours": hours}


@router.get("offers/{offer_id}/", response=Offer, summary="One offer")
def get_offer(request, offer_id: schemas.PageId, locale: schemas.LanguageCode | None = None):
    """With `locale`, the offer's version in that language; German where there is none."""
    offer, language = schemas.in_language_or_404(
        OfferPage, offer_id, locale, _offers_in, fallback=schemas.DEFAULT_LOCALE
    )
    places = OfferPlace.objects.filter(page=offer).select_related("district", "quarter")
    with translation.override(language):
        providers = partner_refs([offer.provider], language, request)
        return {
            **_summary(offer, request, providers),
            "description_html": schemas.absolute_rich_text(offer.description, request),
            "categories": [term(row) for row in offer.categories.all()],
            "target_groups": [term(row) for row in offer.target_groups.all()],
            "registration_required": offer.registration_required,
            "valid_from": offer.valid_from,
            "valid_until": offer.valid_until,
            "last_checked": offer.last_checked,
            "places": [_place(place) for place in places],
            "contact": {
                "phone": offer.phone,
                "contact_person": offer.contact_person,
                "email": offer.email,
                "website": offer.website,
            },
            "translations": schemas.page_translations(offer, request),
        }
