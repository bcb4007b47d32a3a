"""Per locale: how much of the German content is translated, out of date or missing.

A page counts as translated once it is no longer an alias of the German page, as machine
translated when texts of its translation were made by a machine, and as out of date when the
German text changed after it was last translated (its facts follow by themselves). A snippet
counts as out of date when its German source was re-extracted after the translation was last
saved."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationLog

from .models import ProseChange


def snippet_models():
    """The translatable snippets the overview counts: each app names its own with the Wagtail
    hook `translation_overview_models` (a function returning a list of models)."""
    return [model for hook in hooks.get_hooks("translation_overview_models") for model in hook()]


@dataclass
class Item:
    object: object
    url: str
    since: object = None  # out of date: when the German text changed


@dataclass
class Tally:
    key: str
    label: str
    translated: int = 0
    out_of_date: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    machine: list = field(default_factory=list)  # translated, with machine-made texts

    @property
    def total(self):
        return self.translated + len(self.missing)


@dataclass
class LocaleOverview:
    locale: Locale
    tallies: list


def build_overview(user):
    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    targets = list(Locale.objects.exclude(pk=source.pk).order_by("language_code"))
    url_finder = AdminURLFinder(user)
    stale_snippets = _stale_snippet_translations()
    overviews = []
    for locale in targets:
        tallies = _page_tallies(source, locale, url_finder)
        for model in snippet_models():
            tallies.append(_snippet_tally(model, source, locale, url_finder, stale_snippets))
        overviews.append(LocaleOverview(locale, tallies))
    return overviews


def _page_tallies(source, locale, url_finder):
    """The pages in all, then one row per page type (navigator offers, events, ...)."""
    everything = Tally("pages", _("Pages"))
    by_type = {}
    originals = Page.objects.filter(locale=source, depth__gt=1).live().specific(defer=True)
    in_locale = {
        row["translation_key"]: row
        for row in Page.objects.filter(locale=locale, depth__gt=1).values(
            "pk", "translation_key", "alias_of_id"
        )
    }
    # When each translation was last made from its German source (the translation editor, PO
    # files, machine drafts), and when the German prose last changed (i18n.facts): a
    # translation's own revisions do not count, as publishing German adds one with its facts.
    translated = dict(
        TranslationLog.objects.filter(locale=locale)
        .values("source__object_id")
        .annotate(at=Max("created_at"))
        .values_list("source__object_id", "at")
    )
    prose_changed = dict(ProseChange.objects.values_list("translation_key", "changed_at"))
    machine_made = set(
        StringTranslation.objects.filter(
            locale=locale, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
        ).values_list("translation_of__segments__source__object_id", flat=True)
    )
    for original in originals:
        model = type(original)
        kind = by_type.setdefault(
            model, Tally(model._meta.model_name, model._meta.verbose_name_plural.capitalize())
        )
        key = original.translation_key
        row = in_locale.get(key)
        if row is None or row["alias_of_id"] is not None:
            item = Item(original, url_finder.get_edit_url(original))
            for tally in (everything, kind):
                tally.missing.append(item)
            continue
        item = Item(original, reverse("wagtailadmin_pages:edit", args=[row["pk"]]))
        changed_at, translated_at = prose_changed.get(key), translated.get(key)
        for tally in (everything, kind):
            tally.translated += 1
            if key in machine_made:
                tally.machine.append(item)
        if changed_at and translated_at and changed_at > translated_at:
            item = Item(item.object, item.url, since=changed_at)
            for tally in (everything, kind):
                tally.out_of_date.append(item)
    return [everything, *sorted(by_type.values(), key=lambda tally: str(tally.label))]


def _snippet_tally(model, source, locale, url_finder, stale_snippets):
    tally = Tally(model._meta.model_name, model._meta.verbose_name_plural.capitalize())
    translated_keys = set(
        model.objects.filter(locale=locale).values_list("translation_key", flat=True)
    )
    for original in model.objects.filter(locale=source):
        if original.translation_key not in translated_keys:
            tally.missing.append(Item(original, url_finder.get_edit_url(original)))
            continue
        tally.translated += 1
        if (model._meta.label_lower, str(original.translation_key), locale.pk) in stale_snippets:
            tally.out_of_date.append(Item(original, url_finder.get_edit_url(original)))
    return tally


def _stale_snippet_translations():
    stale = set()
    translations = Translation.objects.select_related("source__specific_content_type")
    for translation in translations:
        source = translation.source
        synced = translation.destination_last_updated_at
        if synced and source.last_updated_at > synced:
            content_type = source.specific_content_type
            label = f"{content_type.app_label}.{content_type.model}"
            # A source's object_id is the translation key of the German object.
            stale.add((label, str(source.object_id), translation.target_locale_id))
    return stale
