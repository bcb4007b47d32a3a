from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", default=True)
# A throw-away key: it signs only this machine's development sessions.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-used-in-production"  # noqa: F405
# Queued mails are delivered to the console (base.py: every mail goes through the task queue).
MAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
