import logging
import sys

from .base import *  # noqa: F403
from .base import env_bool

if not SECRET_KEY:  # noqa: F405
    # A one-line reason instead of a traceback: the operator knows at once what to set.
    sys.exit("SECRET_KEY is not set: production settings need a long random SECRET_KEY.")

DEBUG = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

if not REDIS_URL:  # noqa: F405
    # The workers share no memory: without Redis the rate limits of the public forms count in
    # the database, or each worker would count on its own (`manage.py createcachetable`,
    # run by `make migrate-production`, makes the table).
    CACHES = {
        **CACHES,  # noqa: F405
        "rate-limits": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "familientisch_rate_limits",
        },
    }

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", default=True)
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's page preview shows the page in a frame of the admin, which needs SAMEORIGIN.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
# The proxy asks for /healthz over plain HTTP on the internal network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# One JSON object a line on stderr, each with the request id, for the log collector.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "operations.logs.RequestIdFilter"}},
    "formatters": {"json": {"()": "operations.logs.JsonFormatter"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["stderr"], "level": os.environ.get("LOG_LEVEL", "INFO")},  # noqa: F405
}
# Python warnings (deprecations, a missing static folder) become JSON lines too.
logging.captureWarnings(True)
