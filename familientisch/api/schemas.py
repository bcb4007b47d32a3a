"""Parameters, schemas and helpers that every app's API shares: the `locale` parameter, page
ids, paging, rich text, translations, choices and OpenAPI links."""

import enum
import re
from typing import Annotated

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Path, Schema
from wagtail.rich_text import expand_db_html

LanguageCode = enum.StrEnum("LanguageCode", {code: code for code, _name in settings.LANGUAGES})

DEFAULT_LOCALE = LanguageCode(settings.LANGUAGE_CODE)
# A page id in a path: anything outside a database integer is simply not found.
PageId = Annotated[int, Path(ge=1, le=2**31 - 1)]


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


class TranslationLink(Schema):
    locale: str
    url: str


def page_translations(page, request):
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return [
        {"locale": item.locale.language_code, "url": item.get_full_url(request)}
        for item in translations
    ]


def in_language_or_404(model, page_id, locale, pages_in, fallback=None):
    """The page `page_id` (the id of any of its language versions, as apps keep them) in
    `locale`, or in its own language without one; `pages_in(language)` says which pages the
    caller may see. With `fallback`, a page that has no version in `locale` comes in that
    language instead. Returns (page, language)."""
    requested = get_object_or_404(model.objects.live().select_related("locale"), pk=page_id)
    language = locale or requested.locale.language_code
    try:
        page = get_object_or_404(pages_in(language), translation_key=requested.translation_key)
    except Http404:
        if not (locale and fallback):
            raise
        language = fallback
        page = get_object_or_404(pages_in(language), translation_key=requested.translation_key)
    return page, language


def choice(choices, value):
    return {"slug": value, "name": str(choices(value).label)}


def links_to(operation_id, parameter, pointer="/results/0/id"):
    """`openapi_extra` for a list operation: an OpenAPI link from its answer to one of the items
    it lists, so that clients (and the stateful contract test) can follow list -> item."""
    link = {"operationId": operation_id, "parameters": {parameter: f"$response.body#{pointer}"}}
    return {"responses": {200: {"links": {operation_id: link}}}}


def operation_id(module, function):
    """An operation's id in the OpenAPI document: its module (without the package name, so
    that clients keep their ids wherever the plugin is installed) and its function."""
    return f"{module.removeprefix('familientisch.')}_{function}".replace(".", "_")


def list_operation(router, path, response, summary, item, parameter, pointer="/results/0/id"):
    """`router.get` for a list whose answer links (`links_to`) to `item`: the function of the
    same module that answers one of the items by `parameter`. Ninja names an operation after
    its module and function, so the link's operation id follows from the two."""

    def register(view):
        extra = links_to(operation_id(view.__module__, item), parameter, pointer)
        return router.get(path, response=response, summary=summary, openapi_extra=extra)(view)

    return register
