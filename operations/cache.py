"""The Redis cache behind the pages: when Redis does not answer, the site keeps serving, uncached.

Wagtail and the apps call the cache from deep inside a page (a page's URL, the navigator's
index, taxonomy names), so the cache itself degrades rather than every caller: a read is a miss,
a write is dropped. After a failure Redis is left alone for a few seconds, so a Redis that hangs
costs a process one timeout now and then, not one per cache call of every page, and the log gets
one warning per outage rather than one per call.

Two things must not be forgiving: `/healthz` reports the outage (it asks `strict`), and the
rate limits of the public forms use a plain RedisCache, since they must refuse what they cannot
count (`core.abuse`).
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

PAUSE_SECONDS = 5


def _key_missing(*args, **kwargs):
    raise ValueError("Key not found: the cache is unavailable")


def _forgiving(name, fallback):
    def method(self, *args, **kwargs):
        if time.monotonic() < self._paused_until:
            return fallback(*args, **kwargs)
        try:
            return getattr(RedisCache, name)(self, *args, **kwargs)
        except RedisError:
            self._paused_until = time.monotonic() + PAUSE_SECONDS
            logger.warning("cache unavailable, pages go uncached for a while", exc_info=True)
            return fallback(*args, **kwargs)

    method.__name__ = name
    return method


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self.strict = RedisCache(server, params)
        self._paused_until = 0.0

    # What an empty cache that keeps nothing would answer.
    get = _forgiving("get", lambda key, default=None, version=None: default)
    get_many = _forgiving("get_many", lambda *args, **kwargs: {})
    has_key = _forgiving("has_key", lambda *args, **kwargs: False)
    add = _forgiving("add", lambda *args, **kwargs: False)
    set = _forgiving("set", lambda *args, **kwargs: None)
    set_many = _forgiving("set_many", lambda data, *args, **kwargs: list(data))
    touch = _forgiving("touch", lambda *args, **kwargs: False)
    delete = _forgiving("delete", lambda *args, **kwargs: False)
    delete_many = _forgiving("delete_many", lambda *args, **kwargs: None)
    incr = _forgiving("incr", _key_missing)
    clear = _forgiving("clear", lambda: False)
