"""The pieces every part of the JSON API shares: the API object with its HTTP behaviour
(JSON errors, Cache-Control, ETag and 304), the `locale` parameter, bearer tokens, paging,
rich text and translations; plus the taxonomies endpoint."""

import enum
import hashlib
import re
from typing import Annotated

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponseNotModified, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from ninja import NinjaAPI, Path, Router, Schema
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer
from wagtail.models import APIToken
from wagtail.rich_text import expand_db_html

from home.models import Category, District, Language, Quarter, TargetGroup
from home.models.audience import LifeStage

LanguageCode = enum.StrEnum("LanguageCode", {code: code for code, _name in settings.LANGUAGES})

DEFAULT_LOCALE = LanguageCode(settings.LANGUAGE_CODE)
# A page id in a path: anything outside a database integer is simply not found.
PageId = Annotated[int, Path(ge=1, le=2**31 - 1)]
PUBLIC_MAX_AGE = 60


class FamilyAPI(NinjaAPI):
    """Public GET answers carry Cache-Control and an ETag, and a matching If-None-Match gets
    304; answers for a token's user are private."""

    def create_response(self, request, data, *, status=200, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        if request.method != "GET" or response.status_code != 200:
            return response
        if request.headers.get("Authorization"):
            response["Cache-Control"] = "private, no-store"
            return response
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        if etag in request.headers.get("If-None-Match", ""):
            not_modified = HttpResponseNotModified()
            not_modified["ETag"] = etag
            return not_modified
        response["ETag"] = etag
        response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
        response["Vary"] = "Accept-Language, Origin"
        return response

    def get_openapi_schema(self, **kwargs):
        """Document what every operation may answer besides success: a token is optional
        (an empty security entry), a bad token is 401, bad parameters 422, an unknown id 404,
        a refusal for a while 429 or 503 with Retry-After; all errors are JSON with a `detail`."""
        schema = super().get_openapi_schema(**kwargs)
        schema["components"].setdefault("schemas", {})["Error"] = {
            "type": "object",
            "properties": {"detail": {"description": "A message, or one per invalid field."}},
            "required": ["detail"],
        }
        error = {
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        }
        retry_after = {
            "description": "Seconds until the sender may try again.",
            "required": True,
            "schema": {"type": "integer", "minimum": 1},
        }
        for path, operations in schema["paths"].items():
            for operation in operations.values():
                if operation.get("security"):
                    operation["security"].append({})
                    operation["responses"].setdefault("401", {"description": "Bad token", **error})
                operation["responses"].setdefault("422", {"description": "Invalid input", **error})
                # From gunicorn or the proxy, before the app: plain text, not JSON.
                operation["responses"].setdefault("414", {"description": "Address too long"})
                if "{" in path:
                    operation["responses"].setdefault("404", {"description": "Not found", **error})
                for status in ("429", "503"):  # a rate-limited operation refuses for a while
                    if status in operation["responses"]:
                        operation["responses"][status]["headers"] = {"Retry-After": retry_after}
        return schema


class TokenAuth(HttpBearer):
    """Wagtail's API tokens (`wagtail.models.APIToken`): a partner account's bearer token."""

    def authenticate(self, request, token):
        api_token = (
            APIToken.objects.select_related("user")
            .filter(key_hash__in=APIToken.candidate_key_hashes(token), revoked_at__isnull=True)
            .first()
        )
        if api_token is None or not api_token.user.is_active:
            raise AuthenticationError(message="This token is unknown or revoked.")
        request.user = api_token.user
        return api_token.user


def anonymous(request):
    return AnonymousUser()


# Public endpoints answer anyone; a valid token makes `request.auth` its user.
OPTIONAL_TOKEN = [TokenAuth(), anonymous]


class PageOf(Schema):
    count: int
    page: int
    page_size: int
    pages: int


def paginate(items, page, page_size):
    """A slice of `items` and its paging facts; `items` may be a queryset or a list."""
    count = items.count() if hasattr(items, "count") and not isinstance(items, list) else len(items)
    pages = max(1, -(-count // page_size))
    page = min(max(page, 1), pages)
    start = (page - 1) * page_size
    facts = {"count": count, "page": page, "page_size": page_size, "pages": pages}
    return items[start : start + page_size], facts


def absolute_rich_text(value, request):
    """Rich text as HTML, its internal links and documents resolved to absolute public URLs."""
    root = request.build_absolute_uri("/").rstrip("/")
    return re.sub(r'(href|src)="/', rf'\1="{root}/', expand_db_html(value or ""))


class AgeRange(Schema):
    min_months: int
    max_months: int
    label: str


class CostOut(Schema):
    value: str
    label: str
    note: str


class TranslationLink(Schema):
    locale: str
    url: str


def page_translations(page, request):
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return [
        {"locale": item.locale.language_code, "url": item.get_full_url(request)}
        for item in translations
    ]


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


def unknown_endpoint(request, rest):
    """Anything under /api/ that no endpoint answers: JSON, never the site's HTML 404 page."""
    return JsonResponse({"detail": f"No API endpoint at /api/{rest}"}, status=404)


def in_language_or_404(model, page_id, locale, pages_in):
    """The page `page_id` (the id of any of its language versions, as apps keep them) in
    `locale`, or in its own language without one; `pages_in(language)` says which pages the
    caller may see. Returns (page, language)."""
    requested = get_object_or_404(model.objects.live().select_related("locale"), pk=page_id)
    language = locale or requested.locale.language_code
    page = get_object_or_404(pages_in(language), translation_key=requested.translation_key)
    return page, language


def term(row):
    """A taxonomy row (linked in German) by its slug and its name in the active language."""
    return {"slug": row.slug, "name": row.localized_name} if row else None


def choice(choices, value):
    return {"slug": value, "name": str(choices(value).label)}


def links_to(operation_id, parameter, pointer="/results/0/id"):
    """`openapi_extra` for a list operation: an OpenAPI link from its answer to one of the items
    it lists, so that clients (and the stateful contract test) can follow list -> item."""
    link = {"operationId": operation_id, "parameters": {parameter: f"$response.body#{pointer}"}}
    return {"responses": {200: {"links": {operation_id: link}}}}
