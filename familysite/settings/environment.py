"""Helpers that read the environment for the settings: flags, lists, networks, origins, and
the machine translator a deployment picks."""

import ipaddress
import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def networks(entries, setting):
    """Addresses or networks as normalised networks; a typo stops the start with its setting."""
    try:
        return [str(ipaddress.ip_network(entry, strict=False)) for entry in entries]
    except ValueError as error:
        raise ImproperlyConfigured(f"{setting}: {error}") from error


def origin(url):
    """scheme://host of a URL, or None; Leaflet's {s} (the tile server's subdomains) is *."""
    parts = urlsplit(url.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


# Machine translation gives translators a first draft. The default is the offline translator
# (it reverses words: obviously not a translation, but it needs no network); a deployment picks
# DeepL, Google or a self-hosted LibreTranslate with MACHINE_TRANSLATOR and its credentials.
MACHINE_TRANSLATORS = {
    "offline": ("familientisch.i18n.machine_translation.OfflineTestTranslator", {}),
    "deepl": (
        "familientisch.i18n.machine_translation.DeepLTranslator",
        {
            "AUTH_KEY": os.environ.get("DEEPL_AUTH_KEY", ""),
            "API_URL": os.environ.get("DEEPL_API_URL", ""),
            "FORMALITY": "prefer_less",
        },
    ),
    "google": (
        "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
        {
            "PROJECT_ID": os.environ.get("GOOGLE_TRANSLATE_PROJECT_ID", ""),
            "CREDENTIALS_PATH": os.environ.get("GOOGLE_APPLICATION_CREDENTIALS", ""),
        },
    ),
    "libretranslate": (
        "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        {
            "LIBRETRANSLATE_URL": os.environ.get("LIBRETRANSLATE_URL", ""),
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    ),
}


def machine_translator(name):
    """wagtail-localize's WAGTAILLOCALIZE_MACHINE_TRANSLATOR for the translator `name`."""
    translator_class, options = MACHINE_TRANSLATORS[name]
    return {"CLASS": translator_class, "OPTIONS": options}
