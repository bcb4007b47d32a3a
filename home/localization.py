from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization


def ensure_locales():
    """Create a locale for every content language, each kept in sync with the source language.

    Synchronised trees mean a new German page shows up in every other locale (as an alias
    until it is translated), so no language ever has a hole in its navigation.
    """
    source, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code != source.language_code:
            locale, _ = Locale.objects.get_or_create(language_code=code)
            LocaleSynchronization.objects.get_or_create(
                locale=locale, defaults={"sync_from": source}
            )
    return source


def synchronise_locales():
    for synchronisation in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronisation.sync_trees()
