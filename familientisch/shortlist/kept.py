"""The pages a visitor keeps, stored in their own browser: a cookie of page ids (no account, no
row in our database, nothing to delete on our side), or the ids in a shared link.

The cookie is only read by the list page and its keep/remove form, never by the pages
themselves, so every public page stays the same for everybody and cacheable."""

import re
from collections import defaultdict

from django.conf import settings
from wagtail.models import Page

COOKIE = "kept"
MAX_KEPT = 40
KEPT_FOR_SECONDS = 365 * 24 * 3600
IDS = re.compile(r"\d{1,10}")


def parse(text):
    """Page ids in the order kept, each once, at most MAX_KEPT: "12.34" or "12,34"."""
    ids = []
    for match in IDS.findall(text or ""):
        if int(match) not in ids:
            ids.append(int(match))
    return ids[:MAX_KEPT]


def encode(ids):
    return ".".join(str(pk) for pk in ids)


def kept_ids(request):
    return parse(request.COOKIES.get(COOKIE, ""))


def remember(response, ids):
    """Store the list in the visitor's browser (a strictly necessary cookie: the visitor asked
    for it; it names pages, not people)."""
    if ids:
        response.set_cookie(
            COOKIE,
            encode(ids),
            max_age=KEPT_FOR_SECONDS,
            secure=not settings.DEBUG and getattr(settings, "SESSION_COOKIE_SECURE", False),
            httponly=True,
            samesite="Lax",
        )
    else:
        response.delete_cookie(COOKIE, samesite="Lax")
    return response


def kept_pages(ids, language):
    """The live public pages of `ids`, each in `language` where it is translated, in the
    order kept; a few queries per page type, however many pages."""
    live = Page.objects.live().public()
    chosen = {page.pk: page for page in live.filter(pk__in=ids)}
    keys = {page.translation_key for page in chosen.values()}
    translated = live.filter(translation_key__in=keys, locale__language_code=language)
    by_key = {page.translation_key: page for page in translated}
    pages = [by_key.get(chosen[pk].translation_key, chosen[pk]) for pk in ids if pk in chosen]
    return for_listing(pages)


def for_listing(pages):
    """The pages as their own types, each type read with what its lists show (a queryset's
    `for_listing()`, as offers have) in one go instead of a query per page."""
    by_type = defaultdict(list)
    for page in pages:
        by_type[page.specific_class].append(page.pk)
    found = {}
    for model, pks in by_type.items():
        rows = model.objects.filter(pk__in=pks)
        found.update((row.pk, row) for row in getattr(rows, "for_listing", rows.all)())
    return [found[page.pk] for page in pages if page.pk in found]
