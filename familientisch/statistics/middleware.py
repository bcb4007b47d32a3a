"""Counts what visitors look at and look for, on this server, without cookies and without
keeping anything of the visitor: no address, no user agent, no identifier.

Sits above the page cache in MIDDLEWARE (right after the request id), so that pages the cache
answers are counted too: such requests never reach the views, the session or the
authentication middleware (so `request.user` may be missing), and the language comes from the
response's Content-Language, which the cache keeps with the page."""

import re

from django.conf import settings

from . import counting
from .annotations import take_annotation
from .models import Kind

# Read to leave machines out, never stored.
BOTS = re.compile(r"bot|crawl|spider|slurp|preview", re.IGNORECASE)
NOT_COUNTED_PATHS = ("/admin/", "/api/")
COUNTED_TYPES = {"text/html": Kind.PAGE_VIEW, "text/calendar": Kind.FEED_FETCH}


class CountingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Taken off every response, counted or not: it is for this site only.
        query, found, filters = take_annotation(response)
        kind = self.kind(request, response)
        if kind is None:
            return response
        counted = [(kind, request.path)]
        if kind == Kind.PAGE_VIEW and is_first_page(request):
            counted += searched(query, found, filters)
        counting.add(counted, response.get("Content-Language", ""))
        return response

    def kind(self, request, response):
        """What this response counts as, or None: only visitors' GETs of pages and feeds."""
        if request.method != "GET" or response.status_code != 200:
            return None
        kind = COUNTED_TYPES.get(response.get("Content-Type", "").split(";")[0].strip())
        if kind is None or request.path.startswith(not_counted_paths()):
            return None
        if BOTS.search(request.headers.get("User-Agent", "")):
            return None
        return None if is_staff(getattr(request, "user", None)) else kind


def not_counted_paths():
    return NOT_COUNTED_PATHS + tuple(
        prefix for prefix in (settings.STATIC_URL, settings.MEDIA_URL) if prefix
    )


def is_staff(user):
    """The office and partners at work are not visitors; members reading minutes are."""
    if user is None or not user.is_authenticated:
        return False
    return user.is_staff or user.has_perm("wagtailadmin.access_admin")


def is_first_page(request):
    # The second page of results is the same search, not a new one.
    return request.GET.get("page", "1") in ("", "1")


def searched(query, found, filters):
    counted = [(Kind.FILTER, item) for item in filters]
    if query:
        counted.append((Kind.SEARCH, query))
        if found == 0:
            counted.append((Kind.SEARCH_WITHOUT_RESULTS, query))
    return counted
