"""Honest machine translation. A site without a translation engine gets the offline test
translator: it reverses the German word order, so that the workflow can be tried without an
engine, and says so in its name. What it writes is never a translation: a page with such
strings cannot be published (i18n.wagtail_hooks refuses the translation editor's "Publish")."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators import deepl
from wagtail_localize.machine_translators.dummy import DummyTranslator
from wagtail_localize.models import StringTranslation


class OfflineTestTranslator(DummyTranslator):
    display_name = _("Test translator (reverses the words, cannot be published)")


class DeepLTranslator(deepl.DeepLTranslator):
    """DeepL, at the address in the option API_URL when one is given (DeepL's regional or Pro
    endpoints, or a proxy of the city's network); otherwise DeepL's own, by the key."""

    def get_api_endpoint(self):
        return self.options.get("API_URL") or super().get_api_endpoint()


def _test_translator_names():
    """wagtail-localize stores a machine translator's display name as the strings' tool name,
    in the admin language of the person who pressed the button: any language counts."""
    names = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names |= {str(OfflineTestTranslator.display_name), str(DummyTranslator.display_name)}
    return names


def has_test_strings(localize_translation):
    """Whether the target language's strings of this translation include test translations."""
    return StringTranslation.objects.filter(
        locale=localize_translation.target_locale,
        translation_of__segments__source=localize_translation.source,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        tool_name__in=_test_translator_names(),
    ).exists()
