"""Honest machine translation with a real engine (a local server speaking LibreTranslate's
API): changed German text is re-translated for the languages that opt in, only the changed
texts, published where the editors chose so and then marked as machine translated, and never
beyond the monthly budget."""

import json
from urllib.parse import parse_qs

import pytest
from django.test import override_settings
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from familientisch.i18n.localization import synchronise_locales, translate
from familientisch.i18n.models import MachineTranslationUsage
from tests.factories.home import OfferIndexPageFactory
from tests.local_services import JSONService, running


class Engines(JSONService):
    """The two engines' APIs as they answer: LibreTranslate's POST /translate (JSON in and
    out) and DeepL's POST /v2/translate (a form with `text` repeated, an Authorization header).
    Each request is recorded as {"q": texts, "source": ..., "target": ...}."""

    def do_POST(self):
        raw = self.rfile.read(int(self.headers["Content-Length"])).decode()
        if self.path == "/v2/translate":
            assert self.headers["Authorization"] == "DeepL-Auth-Key k"
            form = parse_qs(raw)
            body = {
                "q": form["text"],
                "source": form["source_lang"][0].lower(),
                "target": form["target_lang"][0].lower(),
            }
            answer = {"translations": [{"text": f"[{body['target']}] {t}"} for t in body["q"]]}
        else:
            body = json.loads(raw)
            answer = {"translatedText": [f"[{body['target']}] {text}" for text in body["q"]]}
        type(self).requests.append(body)
        self.answer(answer)


def translator(name, address):
    if name == "deepl":
        options = {"AUTH_KEY": "k", "API_URL": f"{address}/v2/translate"}
        return {
            "CLASS": "familientisch.i18n.machine_translation.DeepLTranslator",
            "OPTIONS": options,
        }
    options = {"LIBRETRANSLATE_URL": address, "API_KEY": "k"}
    return {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": options,
    }


@pytest.fixture(params=["libretranslate", "deepl"])
def engine(request):
    with running(Engines) as address:
        engine = translator(request.param, address)
        with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=engine):
            yield Engines.requests


@pytest.fixture
def ukrainian(home):
    navigator = OfferIndexPageFactory(
        parent=home, title="Familien-Navigator", introduction="<p>Hilfe für Familien</p>"
    )
    synchronise_locales()
    translate(
        navigator,
        "uk",
        {
            "Familien-Navigator": "Сімейний навігатор",
            "navigator": "navigator",
            "Hilfe für Familien": "Допомога родинам",
        },
    )
    return navigator


def change_german_text(navigator, django_capture_on_commit_callbacks):
    german = Page.objects.get(pk=navigator.pk).specific
    german.introduction = "<p>Hilfe und Rat für Familien</p>"
    with django_capture_on_commit_callbacks(execute=True):
        german.save_revision().publish()


def ukrainian_page(navigator):
    return Page.objects.get(translation_key=navigator.translation_key, locale__language_code="uk")


@override_settings(
    MACHINE_TRANSLATION_LANGUAGES=["uk"], MACHINE_TRANSLATION_PUBLISHED_LANGUAGES=["uk"]
)
def test_changed_german_text_is_machine_translated_and_published_where_chosen(
    client, engine, ukrainian, django_capture_on_commit_callbacks
):
    change_german_text(ukrainian, django_capture_on_commit_callbacks)
    assert [request["q"] for request in engine] == [["Hilfe und Rat für Familien"]]
    assert engine[0]["source"] == "de" and engine[0]["target"] == "uk"
    page = ukrainian_page(ukrainian)
    html = client.get(page.url).content.decode()
    assert "[uk] Hilfe und Rat für Familien" in html
    assert "Сімейний навігатор" in html  # what a person translated stays
    assert "This page was translated by a machine and may contain errors." in html


@override_settings(MACHINE_TRANSLATION_LANGUAGES=["uk"])
def test_elsewhere_the_machine_translation_waits_as_a_draft_for_review(
    client, engine, ukrainian, django_capture_on_commit_callbacks
):
    change_german_text(ukrainian, django_capture_on_commit_callbacks)
    page = ukrainian_page(ukrainian)
    assert "[uk]" not in client.get(page.url).content.decode()
    waiting = StringTranslation.objects.get(locale=page.locale, data__startswith="[uk]")
    assert waiting.translation_type == "machine"  # filled in, in the translation editor


@override_settings(
    MACHINE_TRANSLATION_LANGUAGES=["uk"],
    MACHINE_TRANSLATION_PUBLISHED_LANGUAGES=["uk"],
    MACHINE_TRANSLATION_MONTHLY_CHARACTERS=10,
)
def test_nothing_goes_to_the_engine_beyond_the_monthly_budget(
    engine, ukrainian, django_capture_on_commit_callbacks
):
    change_german_text(ukrainian, django_capture_on_commit_callbacks)
    assert engine == []
    assert not MachineTranslationUsage.objects.filter(characters__gt=0).exists()


def test_without_languages_that_opt_in_the_engine_is_never_asked(
    engine, ukrainian, django_capture_on_commit_callbacks
):
    change_german_text(ukrainian, django_capture_on_commit_callbacks)
    assert engine == []
