"""A visitor's words in German, by the machine translation engine of the translation work
(WAGTAILLOCALIZE_MACHINE_TRANSLATOR: DeepL, Google, LibreTranslate), for words that neither the
synonyms nor any page know. Asked only when the words find nothing by themselves, cached for a
month and counted against the monthly budget (MACHINE_TRANSLATION_MONTHLY_CHARACTERS); without
an engine (the offline test translator is none) nothing is asked and the vocabulary's names
and the synonyms still work."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.strings import StringValue

from familientisch.i18n.auto_translation import spend
from familientisch.i18n.machine_translation import OfflineTestTranslator

logger = logging.getLogger(__name__)
CACHE_SECONDS = 30 * 24 * 3600


def in_source_language(text, language):
    """`text` translated from `language` into German, or None."""
    source = settings.LANGUAGE_CODE
    if not text or not language or language == source:
        return None
    key = "search-query-translation:" + hashlib.sha256(f"{language}:{text}".encode()).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return cached or None
    engine = get_machine_translator()
    if engine is None or isinstance(engine, OfflineTestTranslator):
        return None
    visitor, german = Locale(language_code=language), Locale(language_code=source)
    if not engine.can_translate(visitor, german) or not spend(len(text)):
        return None
    try:
        results = engine.translate(visitor, german, [StringValue.from_plaintext(text)])
        translated = next(iter(results.values())).render_text()
    except Exception:  # an engine out of reach must not take the search down with it
        logger.warning("The search could not have %r translated", text, exc_info=True)
        return None
    cache.set(key, translated or "", CACHE_SECONDS)
    return translated or None
