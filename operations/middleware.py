import logging
import re
import time
import uuid

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.utils.cache import add_never_cache_headers, patch_cache_control

from . import page_cache
from .logs import request_id

access_log = logging.getLogger("familientisch.access")
logger = logging.getLogger(__name__)

# An id from the proxy is trusted only if it cannot forge log lines or headers.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


class RequestIdMiddleware:
    """Takes the proxy's X-Request-ID (or makes one), puts it on every log line of the request
    and on the response, and writes one access-log line."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request.request_id = given if VALID_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        token = request_id.set(request.request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.request_id
            access_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.get_full_path(),
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id.reset(token)


def is_personal(request):
    """Whether the response may depend on who asks: a session (logged in, a page password, a
    flash message), credentials, or a CSRF token in the page."""
    user = getattr(request, "user", None)
    return bool(
        request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        or "HTTP_AUTHORIZATION" in request.META
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or (user is not None and user.is_authenticated)
    )


class CacheControlMiddleware:
    """Declares anonymous GET responses public for a short time (browsers) and longer for the
    proxy, which Wagtail purges on publication; everything else is never cached. Responses that
    already say how to cache them (admin, previews, restricted pages, static files) are kept as
    they are.

    Sits after the CSRF and authentication middleware so that it sees the CSRF flag before the
    CSRF middleware clears it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or response.has_header("Cache-Control"):
            return response
        if response.status_code == 200 and not response.cookies and not is_personal(request):
            patch_cache_control(
                response,
                public=True,
                max_age=getattr(settings, "CACHE_MAX_AGE", 60),
                s_maxage=getattr(settings, "CACHE_S_MAXAGE", 300),
            )
        else:
            add_never_cache_headers(response)
        return response


class PageCacheMiddleware:
    """Answers anonymous GET requests from the shared page cache (see `page_cache`). Off unless
    PAGE_CACHE_SECONDS is set: with a per-process cache the app servers could not invalidate
    each other's copies."""

    def __init__(self, get_response):
        self.seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if not self.seconds:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "GET" or is_personal(request):
            return self.get_response(request)
        try:
            cached, generation = page_cache.lookup(request)
        except page_cache.Unavailable:
            logger.warning("page cache unavailable", exc_info=True)
            return self.get_response(request)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if page_cache.storable(response):
            page_cache.store(request, response, generation, self.seconds)
            response["X-Page-Cache"] = "miss"
        return response
