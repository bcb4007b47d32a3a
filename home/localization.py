from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource


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


def translate(instance, language_code, strings, *, publish=True):
    """Translate a page or snippet through wagtail-localize, the way a translator's PO file
    would: each source string found in `strings` gets its translation; the others stay German.
    Returns the translated instance."""
    locale = Locale.objects.get(language_code=language_code)
    translation = translation_for(instance, locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
    translation.import_po(po)
    translation.save_target(publish=publish)
    return instance.get_translation(locale)


def translation_for(instance, locale):
    """The wagtail-localize Translation of `instance` into `locale`, brought up to date with
    the current source content."""
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return translation
