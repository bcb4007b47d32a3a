"""The vocabularies in the API: terms by slug and name in the requested language, the
taxonomies endpoint, and the schemas of what offers and events share (age, cost, place)."""

from django.utils import translation
from ninja import Router, Schema

from familientisch.api.schemas import DEFAULT_LOCALE, LanguageCode, choice

from .audience import LifeStage, WheelchairAccess
from .models import Category, District, Language, Quarter, TargetGroup


class AgeRange(Schema):
    min_months: int
    max_months: int
    label: str


class CostOut(Schema):
    value: str
    label: str
    note: str


class Term(Schema):
    slug: str
    name: str


class CategoryOut(Term):
    description: str


class DistrictOut(Term):
    number: int
    latitude: float
    longitude: float
    quarters: list[Term]


class LanguageOut(Schema):
    code: str
    name: str


class Taxonomies(Schema):
    categories: list[CategoryOut]
    districts: list[DistrictOut]
    target_groups: list[Term]
    languages: list[LanguageOut]
    life_stages: list[Term]


router = Router(tags=["taxonomies"])


@router.get("taxonomies/", response=Taxonomies, summary="Vocabularies of the filters")
def taxonomies(request, locale: LanguageCode = DEFAULT_LOCALE):
    """Categories, districts with their quarters, target groups, languages and life stages,
    named in `locale`. Filters take the slugs, which are the same in every language."""
    quarters = Quarter.in_language(locale)
    with translation.override(locale):
        return {
            "categories": Category.in_language(locale),
            "districts": [
                {
                    "slug": district.slug,
                    "name": district.name,
                    "number": district.number,
                    "latitude": district.latitude,
                    "longitude": district.longitude,
                    "quarters": [q for q in quarters if q.district_id == district.source_pk],
                }
                for district in District.in_language(locale)
            ],
            "target_groups": TargetGroup.in_language(locale),
            "languages": [
                {"code": lang.code, "name": lang.name()} for lang in Language.objects.all()
            ],
            "life_stages": [{"slug": stage.value, "name": str(stage.label)} for stage in LifeStage],
        }


def term(row):
    """A taxonomy row (linked in German) by its slug and its name in the active language."""
    return {"slug": row.slug, "name": row.localized_name} if row else None


class Place(Schema):
    name: str
    street: str
    postcode: str
    city: str
    district: Term | None
    quarter: Term | None
    latitude: float | None
    longitude: float | None
    wheelchair_access: Term


def place(row):
    """A place (`PlaceMixin`: an offer's place, an event) as the `Place` schema."""
    return {
        "name": row.place_name,
        "street": row.street,
        "postcode": row.postcode,
        "city": row.city,
        "district": term(row.district),
        "quarter": term(row.quarter),
        "latitude": row.latitude,
        "longitude": row.longitude,
        "wheelchair_access": choice(WheelchairAccess, row.wheelchair_access),
    }
