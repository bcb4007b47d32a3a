"""Partners in the JSON API: the member organisations with their logo and link."""

from django.utils import translation
from ninja import Query, Router, Schema

from familientisch.api import schemas
from familientisch.taxonomy.models import District

from .models import PartnerKind, PartnerPage, sort_key

router = Router(tags=["partners"])


class PartnerRef(Schema):
    id: int
    title: str
    url: str


class Logo(Schema):
    url: str
    width: int
    height: int
    alt: str


class PartnerSummary(Schema):
    id: int
    title: str
    url: str
    kind: str
    kind_label: str
    summary: str
    website: str
    logo: Logo | None
    districts: list[str]


class PartnerList(schemas.PageOf):
    results: list[PartnerSummary]


class Partner(PartnerSummary):
    description_html: str
    contact_email: str
    contact_phone: str
    translations: list[schemas.TranslationLink]


def _summary(partner, request):
    rendition = partner.logo_rendition()
    return {
        "id": partner.pk,
        "title": partner.title,
        "url": partner.get_full_url(request),
        "kind": partner.kind,
        "kind_label": str(PartnerKind(partner.kind).label),
        "summary": partner.summary,
        "website": partner.website,
        "logo": {
            "url": request.build_absolute_uri(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": partner.title,
        }
        if rendition
        else None,
        "districts": [district.slug for district in partner.districts.all()],
    }


def _partners(locale):
    return (
        PartnerPage.objects.live()
        .public()
        .filter(locale__language_code=locale)
        .with_logo_renditions()
        .prefetch_related("districts")
    )


@schemas.list_operation(
    router, "partners/", PartnerList, "Member organisations", "get_partner", "partner_id"
)
def list_partners(
    request,
    locale: schemas.LanguageCode = schemas.DEFAULT_LOCALE,
    kind: PartnerKind | None = None,
    district: str = Query("", max_length=100),
    page: int = Query(1, ge=1),
    page_size: int = Query(50, ge=1, le=100),
):
    """In alphabetical order. Logos only where the partner consented to their publication."""
    partners = _partners(locale)
    if kind:
        partners = partners.filter(kind=kind)
    if district:
        partners = partners.filter(districts__in=District.objects.filter(slug=district)).distinct()
    items, facts = schemas.paginate(
        sorted(partners, key=lambda p: sort_key(p.title)), page, page_size
    )
    with translation.override(locale):
        return {**facts, "results": [_summary(partner, request) for partner in items]}


@router.get("partners/{partner_id}/", response=Partner, summary="One partner")
def get_partner(request, partner_id: schemas.PageId, locale: schemas.LanguageCode | None = None):
    partner, language = schemas.in_language_or_404(PartnerPage, partner_id, locale, _partners)
    with translation.override(language):
        return {
            **_summary(partner, request),
            "description_html": schemas.absolute_rich_text(partner.description, request),
            "contact_email": partner.contact_email,
            "contact_phone": partner.contact_phone,
            "translations": schemas.page_translations(partner, request),
        }


def partners_in_language(partners, language):
    """{source partner id: that partner's version in `language`, German where it is not
    translated}: content links point at the German pages. One query for all."""
    partners = {p.pk: p for p in partners if p is not None}
    keys = {p.translation_key for p in partners.values()}
    translated = {
        p.translation_key: p
        for p in PartnerPage.objects.live().filter(
            translation_key__in=keys, locale__language_code=language
        )
    }
    return {pk: translated.get(p.translation_key, p) for pk, p in partners.items()}


def partner_refs(partners, language, request):
    return {
        pk: {"id": shown.pk, "title": shown.title, "url": shown.get_full_url(request)}
        for pk, shown in partners_in_language(partners, language).items()
    }
