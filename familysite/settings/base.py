"""Settings shared by every environment; each value that differs per deployment comes from
the environment, so moving from a laptop to a cluster never needs a code edit."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .environment import env_bool, env_list, machine_translator, networks, origin

BASE_DIR = Path(__file__).resolve().parents[2]


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "familientisch",
    "familientisch.core",
    "familientisch.taxonomy",
    "familientisch.partners",
    "familientisch.links",
    "familientisch.offers",
    "familientisch.events",
    "familientisch.protocols",
    "operations",
    "accounts",
    "familientisch.i18n",
    "familientisch.search",
    "familientisch.shortlist",
    "familientisch.inbox",
    "familientisch.statistics",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "corsheaders",
]

MIDDLEWARE = [
    "operations.middleware.RequestIdMiddleware",
    # Above the page cache, so that pages it answers are counted too.
    "familientisch.statistics.middleware.CountingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "operations.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "familientisch.i18n.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.sessions.IdleStaffSessionMiddleware",
    # The second factor (django-otp): asked in the admin of every user whose groups are in
    # TWO_FACTOR_GROUPS, of administrators, and of everyone who has set one up.
    "accounts.second_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "operations.middleware.CacheControlMiddleware",
]

ROOT_URLCONF = "familysite.urls"
WSGI_APPLICATION = "familysite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer fails the request (and /healthz) instead of hanging it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")


RESILIENT_REDIS = "operations.cache.ResilientRedisCache"


def redis_cache(location, prefix, backend="django.core.cache.backends.redis.RedisCache"):
    # Short socket timeouts: a Redis that hangs fails the request quickly (and /healthz says so).
    timeout = float(os.environ.get("REDIS_TIMEOUT", "1"))
    return {
        "BACKEND": backend,
        "LOCATION": location,
        "KEY_PREFIX": prefix,
        "OPTIONS": {"socket_connect_timeout": timeout, "socket_timeout": timeout},
    }


def redis_caches(location, renditions_location):
    """Pages keep serving, uncached, when Redis is down (ResilientRedisCache); the rate limits
    of the public forms count in a plain Redis cache that fails, so they refuse instead."""
    return {
        "default": redis_cache(location, "familientisch", RESILIENT_REDIS),
        "renditions": redis_cache(renditions_location, "familientisch-renditions", RESILIENT_REDIS),
        "rate-limits": redis_cache(location, "familientisch-rate-limits"),
    }


if REDIS_URL:
    # Wagtail keeps image renditions in the "renditions" cache when there is one: a separate
    # prefix (or database, REDIS_RENDITIONS_URL) so a page-cache flush never drops them.
    CACHES = redis_caches(REDIS_URL, os.environ.get("REDIS_RENDITIONS_URL", REDIS_URL))
else:
    # One process (make run): memory will do. Production without Redis counts the rate limits
    # in the database instead, shared by its workers (production.py).
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
        },
        "rate-limits": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "rate-limits",
        },
    }

# Cache-Control of anonymous responses: browsers keep them briefly (nobody can purge them), the
# proxy longer (Wagtail purges it on publication). The server-side page cache needs a cache
# shared by all app servers, so it is on by default only with Redis.
CACHE_MAX_AGE = int(os.environ.get("CACHE_MAX_AGE", "60"))
CACHE_S_MAXAGE = int(os.environ.get("CACHE_S_MAXAGE", "300"))
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300" if REDIS_URL else "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# German is the source language; the order is the order of the language switcher.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
    ("uk", "Українська"),
    ("ru", "Русский"),
    ("pl", "Polski"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # Media on S3-compatible storage, shared by every app server. Credentials are read by
    # django-storages from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, never kept in settings.
    custom_domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            "custom_domain": custom_domain,
            # A public custom domain serves plain URLs; a private bucket needs signed ones.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", default=not custom_domain),
            "file_overwrite": False,
        },
    }

# Mails go through the task queue (operations/mail.py): sending only enqueues them, the task
# delivers them with MAIL_DELIVERY_BACKEND (the EMAIL_BACKEND variable) and tries again after
# each of MAIL_RETRY_DELAYS seconds, so a mail server that is down loses no mail and never
# fails a visitor's request. EMAIL_TIMEOUT keeps a hanging server from blocking a worker.
EMAIL_BACKEND = "operations.mail.QueuedEmailBackend"
MAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
MAIL_RETRY_DELAYS = [int(s) for s in env_list("MAIL_RETRY_DELAYS", "60,600,3600,21600,86400")]
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "familientisch@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (mails, machine translation, search index updates, cache purges) runs
# in-process unless TASKS_BACKEND=database, where `manage.py db_worker` runs it.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}.")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND]}}

# The admin, its mails and the staff accounts (second factor, passkeys, sessions).
from .staff import *  # noqa: E402, F403

# Search in the database by default; a search cluster when SEARCH_URL names one.
SEARCH_ENGINES = {f"elasticsearch{v}" for v in (7, 8, 9)} | {"opensearch2", "opensearch3"}
SEARCH_BACKEND = os.environ.get(
    "SEARCH_BACKEND", "opensearch3" if os.environ.get("SEARCH_URL") else "database"
)
if SEARCH_BACKEND == "database":
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "familientisch.i18n.search_backend", "SEARCH_CONFIG": "german"}
    }
elif SEARCH_BACKEND in SEARCH_ENGINES and env_list("SEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{SEARCH_BACKEND}",
            "URLS": env_list("SEARCH_URL"),
            "INDEX": os.environ.get("SEARCH_INDEX", "familientisch"),
            "TIMEOUT": int(os.environ.get("SEARCH_TIMEOUT", "5")),
        }
    }
else:
    raise ImproperlyConfigured(
        f"SEARCH_BACKEND must be database or one of {', '.join(sorted(SEARCH_ENGINES))} "
        "with SEARCH_URL set."
    )

# Purge the proxy (Varnish, nginx) or the CDN on publication: Wagtail's frontend cache app.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", ""),
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents are always streamed through /documents/<id>/<name>, never redirected to their file
# URL: there the privacy of the pages that use them is checked (core/restrictions.py). The
# proxy must not serve MEDIA_ROOT/documents itself (docs/production.md).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "bmp": "png", "webp": "webp"}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Other sites and apps may read the API from the browser: only the origins listed here.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOWED_ORIGINS = env_list("API_CORS_ALLOWED_ORIGINS")

# Machine translation gives translators a first draft. The default is the offline translator
# (it reverses words: obviously not a translation, but it needs no network); a deployment picks
# DeepL, Google or a self-hosted LibreTranslate with MACHINE_TRANSLATOR and its credentials.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(
    os.environ.get("MACHINE_TRANSLATOR", "offline")
)
# Engine re-translation of changed German text (familientisch/i18n/auto_translation.py).
MACHINE_TRANSLATION_LANGUAGES = env_list("MACHINE_TRANSLATION_LANGUAGES")
MACHINE_TRANSLATION_PUBLISHED_LANGUAGES = env_list("MACHINE_TRANSLATION_PUBLISHED_LANGUAGES")
MACHINE_TRANSLATION_MONTHLY_CHARACTERS = int(os.environ.get("MACHINE_TRANSLATION_BUDGET", "500000"))

# Members log in on the public site (for members-only pages such as internal minutes).
LOGIN_URL = "login"
WAGTAIL_FRONTEND_LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"

# The plugin's settings for this site: its sections, groups, retention periods, maps.
from .plugin import *  # noqa: E402, F403
from .plugin import NAVIGATOR_MAP_TILES_URL  # noqa: E402 (the content security policy names it)

# Content-Security-Policy (django-csp) on every public page and the API docs: scripts and
# styles only from this site, nothing loaded from elsewhere but the map tiles and the media
# storage when they are configured, no framing by other sites. Inline styles stay allowed
# (Leaflet and Wagtail's user bar set them); inline scripts never. The admin sets its own
# headers: Wagtail's editor still needs inline scripts.
INSTALLED_APPS += ["csp", "ninja"]  # ninja: the API docs' Swagger files are served locally
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "csp.middleware.CSPMiddleware",
)

_s3 = STORAGES["default"].get("OPTIONS", {})
_media_origins = [
    origin(MEDIA_URL),
    origin(_s3.get("endpoint_url") or ""),
    _s3.get("custom_domain") and f"https://{_s3['custom_domain']}",
    "bucket_name" in _s3 and not _s3.get("endpoint_url") and "https://*.amazonaws.com",
]
_image_origins = [o for o in [origin(NAVIGATOR_MAP_TILES_URL), *_media_origins] if o]
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", *_image_origins],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

# Abuse protection: public forms count sends per sender (core.abuse) in the "rate-limits" cache
# that every worker shares; X-Forwarded-For is believed only from TRUSTED_PROXIES. Logins lock
# for LOGIN_LOCKOUT_MINUTES after LOGIN_FAILURE_LIMIT wrong passwords per user name and address
# (django-axes; each further try starts the wait again).
PUBLIC_FORM_RATE_LIMIT_CACHE = "rate-limits"
TRUSTED_PROXIES = networks(env_list("TRUSTED_PROXIES"), "TRUSTED_PROXIES")
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]  # last, as axes asks
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "familientisch.core.abuse.sender_address"
AXES_LOCKOUT_CALLABLE = "operations.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
# Failed attempts are kept until their lockout has passed; successful logins are not logged.
AXES_DISABLE_ACCESS_LOG = True
