"""Open data: every current offer as an Open Referral HSDS 3.0 service, so that other service
directories can import this one. Paths and page shapes follow the HSDS API (`/`, `/services`,
`/services/{id}`, `/organizations`, `/service_at_locations`).

HSDS wants UUIDs: an offer is its translation key (the same in every language, so `locale`
only changes the text), a provider and a place likewise; the objects we derive (schedules,
languages, addresses) get a uuid5 of their parent's id, so they stay the same between exports.
Opening hours are local to the city: `timezone` and the times' offset are Berlin's offset from
UTC today.
"""

import uuid
from collections import defaultdict

from django.conf import settings
from django.http import Http404
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router

from familientisch.api.schemas import DEFAULT_LOCALE, LanguageCode, links_to, paginate
from familientisch.conf import setting
from familientisch.partners.api import partners_in_language
from familientisch.partners.models import PartnerPage
from familientisch.taxonomy.audience import Cost, WheelchairAccess

from .hours import CITY_TIME_ZONE
from .hsds_schemas import ApiInfo, OrganizationPage, Service, ServiceAtLocationPage, ServicePage
from .models import OfferPage, OfferPlace

router = Router(tags=["open data (HSDS 3.0)"])

HSDS_VERSION = "3.0"
HSDS_PROFILE = "https://docs.openreferral.org/en/v3.0/"
# Fixed for this site: derived ids must not change between exports.
NAMESPACE = uuid.UUID("6f1d0c52-3c1e-4d43-9a55-1b3f0e8f6a21")
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
COUNTRY = "DE"


def derived_id(parent_id, *parts):
    return uuid.uuid5(NAMESPACE, "/".join([str(parent_id), *map(str, parts)]))


def _offset_hours():
    offset = timezone.localtime(timezone.now(), CITY_TIME_ZONE).utcoffset()
    return offset.total_seconds() / 3600


def _time(value, offset):
    sign = "+" if offset >= 0 else "-"
    minutes = int(abs(offset) * 60)
    return f"{value:%H:%M}{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def schedules(place, sal_id, offset):
    """Opening hours as weekly schedules; days with the same hours share one schedule."""
    slots = defaultdict(list)  # (opens, closes) or None for "by appointment": weekdays
    for child in place.opening_hours:
        if child.block_type == "closure":  # HSDS schedules are weekly; closures stay out
            continue
        key = (child.value["opens"], child.value["closes"]) if child.block_type == "slot" else None
        slots[key].append(int(child.value["weekday"]))
    result = []
    for key, days in slots.items():
        byday = ",".join(BYDAY[day] for day in sorted(set(days)))
        entry = {
            "id": derived_id(sal_id, byday, key),
            "service_at_location_id": sal_id,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": byday,
            "timezone": offset,
        }
        if key is None:
            entry["description"] = str(_("By appointment only"))
        else:
            entry.update(opens_at=_time(key[0], offset), closes_at=_time(key[1], offset))
        result.append(entry)
    return result


def location(place, organization_id):
    location_id = place.translation_key
    data = {
        "id": location_id,
        "location_type": "physical",
        "organization_id": organization_id,
        "name": place.place_name or place.street or place.page.title,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "addresses": [],
        "accessibility": [],
    }
    if place.street or place.postcode:
        data["addresses"].append(
            {
                "id": derived_id(location_id, "address"),
                "location_id": location_id,
                "address_1": place.street,
                "city": place.city,
                "state_province": setting("HSDS_STATE_PROVINCE"),
                "postal_code": place.postcode,
                "country": COUNTRY,
                "address_type": "physical",
            }
        )
    if place.wheelchair_access != WheelchairAccess.UNKNOWN:
        data["accessibility"].append(
            {
                "id": derived_id(location_id, "accessibility"),
                "location_id": location_id,
                "description": str(WheelchairAccess(place.wheelchair_access).label),
            }
        )
    return data


def service_at_location(place, service_id, organization_id, offset):
    sal_id = derived_id(service_id, place.translation_key)
    return {
        "id": sal_id,
        "service_id": service_id,
        "location_id": place.translation_key,
        "location": location(place, organization_id),
        "schedules": schedules(place, sal_id, offset),
    }


def organization(partner, request):
    org_id = partner.translation_key
    phone = partner.contact_phone
    return {
        "id": org_id,
        "name": partner.title,
        "description": partner.summary or partner.title,
        "email": partner.contact_email or None,
        "website": partner.website or None,
        "uri": partner.get_full_url(request),
        "phones": [{"id": derived_id(org_id, "phone"), "organization_id": org_id, "number": phone}]
        if phone
        else [],
    }


def assurer_email():
    """Who vouches for the checked details: the office (the network answers for its data),
    never the editor who clicked nor the provider's contact."""
    return setting("HSDS_ASSURER_EMAIL") or settings.DEFAULT_FROM_EMAIL


def service(offer, request, providers, offset):
    service_id = offer.translation_key
    provider = providers.get(offer.provider_id)
    organization_id = provider.translation_key if provider else None
    fees = str(Cost(offer.cost).label)
    return {
        "id": service_id,
        "organization_id": organization_id,
        "name": offer.title,
        "description": offer.summary or strip_tags(offer.description),
        "url": offer.get_full_url(request),
        "email": offer.email or None,
        "status": "active",
        "fees_description": f"{fees}: {offer.cost_note}" if offer.cost_note else fees,
        # In whole years, as the navigator's age filter reads them: 35 months is "2".
        "minimum_age": offer.age_min_months // 12,
        "maximum_age": offer.age_max_months // 12,
        "assured_date": offer.last_checked.isoformat() if offer.last_checked else None,
        "assurer_email": assurer_email() if offer.last_checked else None,
        "last_modified": offer.last_published_at.isoformat() if offer.last_published_at else None,
        "organization": organization(provider, request) if provider else None,
        "phones": [{"id": derived_id(service_id, "phone"), "service_id": service_id, "number": p}]
        if (p := offer.phone)
        else [],
        "languages": [
            {
                "id": derived_id(service_id, "language", row.code),
                "service_id": service_id,
                "name": row.name(),
                "code": row.code,
            }
            for row in offer.languages.all()
        ],
        "service_at_locations": [
            service_at_location(place, service_id, organization_id, offset)
            for place in offer.places.all()
        ],
    }


def _offers(language):
    return (
        OfferPage.objects.live()
        .public()
        .current()
        .filter(locale__language_code=language)
        .select_related("provider")
        .prefetch_related("places", "languages")
        .order_by("title", "pk")
    )


def _page(items, page, per_page):
    items, facts = paginate(items, page, per_page)
    items = list(items)
    return items, {
        "total_items": facts["count"],
        "total_pages": facts["pages"],
        "page_number": facts["page"],
        "size": len(items),
        "first_page": facts["page"] == 1,
        "last_page": facts["page"] == facts["pages"],
        "empty": not items,
    }


def _services(offers, language, request):
    providers = partners_in_language((o.provider for o in offers), language)
    offset = _offset_hours()
    return [service(offer, request, providers, offset) for offer in offers]


PAGE = Query(1, ge=1, le=10_000)
PER_PAGE = Query(50, ge=1, le=100)


def _hsds_get(path, response, summary, **options):
    # HSDS leaves out a field it has no value for rather than sending null.
    return router.get(path, response=response, exclude_none=True, summary=summary, **options)


@router.get("hsds/", response=ApiInfo, summary="About this HSDS API")
def hsds_info(request):
    return {
        "version": HSDS_VERSION,
        "profile": HSDS_PROFILE,
        "openapi_url": request.build_absolute_uri("/api/v1/openapi.json"),
    }


@_hsds_get(
    "hsds/services",
    ServicePage,
    "HSDS services",
    openapi_extra=links_to("offers_hsds_hsds_service", "service_id", "/contents/0/id"),
)
def hsds_services(
    request, locale: LanguageCode = DEFAULT_LOCALE, page: int = PAGE, per_page: int = PER_PAGE
):
    """Every current offer as a fully nested service, by name."""
    with translation.override(locale):
        offers, facts = _page(_offers(locale), page, per_page)
        return {**facts, "contents": _services(offers, locale, request)}


@_hsds_get("hsds/services/{service_id}", Service, "One HSDS service")
def hsds_service(request, service_id: uuid.UUID, locale: LanguageCode = DEFAULT_LOCALE):
    """A service by its id, in `locale` (German where the offer is not translated)."""
    offer = (
        _offers(locale).filter(translation_key=service_id).first()
        or _offers(settings.LANGUAGE_CODE).filter(translation_key=service_id).first()
    )
    if offer is None:
        raise Http404("No service with this id.")
    with translation.override(locale):
        return _services([offer], locale, request)[0]


@_hsds_get("hsds/organizations", OrganizationPage, "HSDS organizations")
def hsds_organizations(
    request, locale: LanguageCode = DEFAULT_LOCALE, page: int = PAGE, per_page: int = PER_PAGE
):
    """The partner organisations, by name."""
    partners = (
        PartnerPage.objects.live().public().filter(locale__language_code=locale).order_by("title")
    )
    items, facts = _page(partners, page, per_page)
    return {**facts, "contents": [organization(partner, request) for partner in items]}


@_hsds_get("hsds/service_at_locations", ServiceAtLocationPage, "HSDS services at locations")
def hsds_service_at_locations(
    request, locale: LanguageCode = DEFAULT_LOCALE, page: int = PAGE, per_page: int = PER_PAGE
):
    """Each place of each current offer, with its opening hours."""
    places = (
        OfferPlace.objects.filter(page__in=_offers(locale).values("pk"))
        .select_related("page__provider")
        .order_by("page__title", "page_id", "sort_order")
    )
    items, facts = _page(places, page, per_page)
    offset = _offset_hours()
    with translation.override(locale):
        contents = [
            service_at_location(
                place,
                place.page.translation_key,
                place.page.provider.translation_key if place.page.provider else None,
                offset,
            )
            for place in items
        ]
    return {**facts, "contents": contents}
