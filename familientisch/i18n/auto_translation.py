"""Changed German text re-translated by the engine, for the languages that opt in.

When the German text of a translated page changes (i18n.facts notices it on publication), a
task asks the configured engine (DeepL, Google, LibreTranslate) for the changed texts only, the
ones without a translation yet, into each language of MACHINE_TRANSLATION_LANGUAGES. The result
waits in the translation editor for a person to review, or, for the languages of
MACHINE_TRANSLATION_PUBLISHED_LANGUAGES, is published at once (the page then says it was machine
translated). The engine's characters are counted per month against
MACHINE_TRANSLATION_MONTHLY_CHARACTERS; the offline test translator never takes part."""

import logging
from collections import defaultdict

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task
from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation, Translation

from familientisch.conf import setting

from .machine_translation import OfflineTestTranslator
from .models import MachineTranslationUsage

logger = logging.getLogger(__name__)


def _untranslated_strings(translation):
    """{String: [(string id, context id)]} of the source texts this language lacks."""
    done = set(
        StringTranslation.objects.filter(locale=translation.target_locale).values_list(
            "translation_of_id", "context_id"
        )
    )
    missing = defaultdict(list)
    for segment in translation.source.stringsegment_set.select_related("string"):
        if (segment.string_id, segment.context_id) not in done:
            missing[segment.string].append((segment.string_id, segment.context_id))
    return missing


def spend(characters):
    """Count `characters` against this month's budget; False (nothing counted) if over it."""
    month = timezone.localdate().replace(day=1)
    with transaction.atomic():
        usage, _created = MachineTranslationUsage.objects.select_for_update().get_or_create(
            month=month
        )
        if usage.characters + characters > setting("MACHINE_TRANSLATION_MONTHLY_CHARACTERS"):
            return False
        MachineTranslationUsage.objects.filter(pk=usage.pk).update(
            characters=F("characters") + characters
        )
    return True


def retranslate(translation, engine):
    missing = _untranslated_strings(translation)
    if not missing:
        return
    if not spend(sum(len(string.data) for string in missing)):
        logger.warning("Monthly machine translation budget spent: %s waits", translation)
        return
    source = [string.as_value() for string in missing]
    results = engine.translate(translation.source.locale, translation.target_locale, source)
    by_text = {value.data: result for value, result in results.items()}
    with transaction.atomic():
        for string, places in missing.items():
            result = by_text.get(string.data)
            if result is None or result.data is None:
                continue
            for string_id, context_id in places:
                StringTranslation.objects.get_or_create(
                    translation_of_id=string_id,
                    locale=translation.target_locale,
                    context_id=context_id,
                    defaults={
                        "data": result.data,
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                        "tool_name": engine.display_name,
                    },
                )
    # Elsewhere the texts wait in the translation editor, filled in for a person to review
    # (wagtail-localize would write even a draft into the live page).
    if translation.target_locale.language_code in setting(
        "MACHINE_TRANSLATION_PUBLISHED_LANGUAGES"
    ):
        translation.save_target(publish=True)


@task()
def retranslate_changed_text(page_id):
    engine = get_machine_translator()
    if engine is None or isinstance(engine, OfflineTestTranslator):
        return
    page = Page.objects.get(pk=page_id).specific
    languages = setting("MACHINE_TRANSLATION_LANGUAGES")
    translations = Translation.objects.filter(
        source__object_id=page.translation_key,
        target_locale__language_code__in=languages,
        enabled=True,
    ).select_related("source", "target_locale")
    for translation in translations:
        translation.source.update_from_db()
        if engine.can_translate(translation.source.locale, translation.target_locale):
            retranslate(translation, engine)


def after_prose_change(page):
    """From i18n.facts, once the publication is committed."""
    if setting("MACHINE_TRANSLATION_LANGUAGES"):
        transaction.on_commit(lambda: retranslate_changed_text.enqueue(page.pk))
