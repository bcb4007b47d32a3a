import logging
import sys
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.http import JsonResponse
from django.views import defaults
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def check_database():
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # LOCAL: the limit ends with this transaction and never reaches a page request
            # that reuses the persistent connection.
            timeout_ms = int(getattr(settings, "HEALTHZ_TIMEOUT", 1) * 1000)
            cursor.execute(f"SET LOCAL statement_timeout = {timeout_ms}")
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    # Pages treat a Redis that is down as an empty cache (operations/cache.py); this check asks
    # Redis itself, so the proxy hears of the outage and the log names its cause.
    store = getattr(cache, "strict", cache)
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    store.set(key, value, 10)
    if store.get(key) != value:
        raise RuntimeError("the cache did not return what was stored")
    store.delete(key)


CHECKS = {"database": check_database, "cache": check_cache}


@never_cache
def healthz(request):
    """For the proxy's health check: 200 when every dependency answers, else 503 naming it."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("health check failed: %s", name)
            results[name] = "unavailable"
        else:
            results[name] = "ok"
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse(results, status=200 if healthy else 503)


def server_error(request):
    """The 500 page; when the database is what failed, the same text as 503 with Retry-After,
    so that the proxy and crawlers come back later rather than take the page for broken."""
    response = defaults.server_error(request)
    if isinstance(sys.exception(), DatabaseError):
        response.status_code = 503
        response["Retry-After"] = str(getattr(settings, "DATABASE_RETRY_AFTER", 30))
    return response
