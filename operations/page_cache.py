"""A server-side cache of whole anonymous responses, shared by every app server through the
default cache (Redis in production).

Every entry remembers the *generation* it was rendered in; publishing, unpublishing, moving or
deleting any page starts a new generation, so no visitor gets a page older than the last
publication. Flushing everything on each publication is deliberately coarse: menus, listings and
the language switcher of other pages change too, and editors publish far less often than
visitors read.
"""

import logging
import uuid

from django.core.cache import cache
from django.utils.cache import cc_delim_re

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"


class Unavailable(Exception):
    """The cache server does not answer: the site keeps serving, uncached."""


def new_generation():
    # A random token rather than a counter: an evicted counter would restart at a number that
    # old entries may still carry.
    try:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    except Exception:
        logger.exception("could not invalidate the page cache: entries may live out their time")


def entry_key(request):
    # The language is part of the path (/de/, /ar/), so each language has its own entries.
    return f"page-cache:{request.scheme}://{request.get_host()}{request.get_full_path()}"


def lookup(request):
    """The cached response for this request, or None; and the generation to store a new one in."""
    key = entry_key(request)
    try:
        found = cache.get_many([GENERATION_KEY, key])
    except Exception as error:
        raise Unavailable from error
    generation = found.get(GENERATION_KEY)
    entry = found.get(key)
    if entry is not None and entry[0] == generation:
        return entry[1], generation
    return None, generation


def storable(response):
    """Only what the Cache-Control middleware declared public, and nothing that varies on a
    request header we do not key by."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if "public" not in response.get("Cache-Control", ""):
        return False
    varies = {header.lower() for header in cc_delim_re.split(response.get("Vary", "")) if header}
    # Requests with a session never reach the cache, so Vary: Cookie is already honoured.
    return varies <= {"cookie"}


def store(request, response, generation, seconds):
    try:
        cache.set(entry_key(request), (generation, response), seconds)
    except Exception:
        logger.warning("page cache unavailable", exc_info=True)
