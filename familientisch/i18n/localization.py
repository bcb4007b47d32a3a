from django.conf import settings
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource

from .bulk_alias import alias_subtrees, prefetch_parental_m2m


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
    """Every synchronised locale gets what its source locale has and it lacks, as aliases."""
    for synchronisation in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        source, locale = synchronisation.sync_from, synchronisation.locale
        alias_missing_trees(source, locale)
        in_locale = Page.objects.filter(locale=locale).values("translation_key")
        if (
            Page.objects.filter(locale=source, depth__gt=1)
            .exclude(translation_key__in=in_locale)
            .exists()
        ):
            synchronisation.sync_trees()


def alias_missing_trees(source, locale):
    """Each subtree of the source locale of which the locale has no page at all is aliased
    under its parent's counterpart, all of them written together (i18n.bulk_alias: the rows of
    Wagtail's recursive create_alias, a table at a time), many times faster than Wagtail's
    page-by-page saves or wagtail-localize's sync, which then finds little left to do. A subtree
    with some pages in the locale already is left to that sync."""
    counterparts = dict(Page.objects.filter(locale=locale).values_list("translation_key", "pk"))
    pages = list(Page.objects.filter(locale=source, depth__gt=1).order_by("path").specific())
    prefetch_parental_m2m(pages)
    keys = {page.path: page.translation_key for page in pages}
    present = [path for path, key in keys.items() if key in counterparts]
    root = Page.get_first_root_node()
    subtrees = []  # (its pages, the parent of its alias, the slug of its alias)
    for page in pages:
        if subtrees and page.path.startswith(subtrees[-1][0][0].path):
            subtrees[-1][0].append(page)
            continue
        if page.translation_key in counterparts:
            continue
        if any(path.startswith(page.path) for path in present):
            continue  # some of it is in the locale already
        if page.depth == 2:
            parent, slug = root, f"{page.slug}-{locale.language_code}"
        elif keys.get(page.path[: -Page.steplen]) in counterparts:
            parent = Page.objects.get(pk=counterparts[keys[page.path[: -Page.steplen]]])
            slug = page.slug
        else:
            continue
        subtrees.append(([page], parent, find_available_slug(parent, slug)))
    alias_subtrees(subtrees, locale)


def translate(instance, language_code, strings, *, publish=True, source=None):
    """Translate a page or snippet through wagtail-localize, the way a translator's PO file
    would: each source string found in `strings` gets its translation; the others stay German.
    `source`: its TranslationSource, when the caller has just brought it up to date. Returns
    the translated instance."""
    locale = Locale.objects.get(language_code=language_code)
    translation = translation_for(instance, locale, source)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
    translation.import_po(po)
    translation.save_target(publish=publish)
    return instance.get_translation(locale)


def translation_for(instance, locale, source=None):
    """The wagtail-localize Translation of `instance` into `locale`, brought up to date with
    the current source content."""
    source = source or TranslationSource.update_or_create_from_instance(instance)[0]
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return translation
