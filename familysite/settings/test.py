import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="familientisch-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="familientisch-static-")
WHITENOISE_USE_FINDERS = True
# pytest-django delivers mail to mail.outbox; a test that turns the queue on
# (EMAIL_BACKEND = operations.mail.QueuedEmailBackend) has it delivered there too.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The rate limits count in the default cache, which tests/conftest.py empties before each test.
PUBLIC_FORM_RATE_LIMIT_CACHE = "default"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Tests assert the interface's source strings (English): the app that carries the catalogues
# (familientisch/locale) is left out; tests/test_catalogues.py checks them and switches them on
# (LOCALE_PATHS) where it needs them.
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "familientisch"]  # noqa: F405
