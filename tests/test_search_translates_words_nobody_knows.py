"""Where a translation engine is configured, words that neither the synonyms nor any page know
are translated into German (once: the answer is cached), so a Farsi word still finds the German
offer; without an engine nothing leaves the site. The engine is a local server speaking
LibreTranslate's API."""

import json

import pytest
from django.test import override_settings

from familientisch.i18n.localization import synchronise_locales
from familientisch.search.documents import rebuild
from tests.local_services import JSONService, running
from tests.test_api_offers import offer
from tests.test_machine_translation_follows_german_changes import translator

BEEKEEPING = "پرورش زنبور"


class Dictionary(JSONService):
    """POST /translate as LibreTranslate answers it, from a small dictionary."""

    known = {BEEKEEPING: "Imkerei"}

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append(body)
        self.answer({"translatedText": [self.known.get(text, text) for text in body["q"]]})


@pytest.fixture
def engine():
    with (
        running(Dictionary) as address,
        override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=translator("libre", address)),
    ):
        yield Dictionary.requests


@pytest.fixture
def beekeeping(navigator):
    offer(navigator, title="Imkerei für Kinder", summary="Bienen kennenlernen.")
    offer(navigator, title="Babytreff", summary="Austausch.")
    synchronise_locales()
    rebuild()


def titles(client, words):
    response = client.get("/fa/navigator/", {"q": words})
    return [o.title for o in response.context["navigator"].page.object_list]


def test_an_unknown_word_is_translated_into_german_once(client, beekeeping, engine):
    assert titles(client, BEEKEEPING) == ["Imkerei für Kinder"]
    assert titles(client, BEEKEEPING) == ["Imkerei für Kinder"]
    assert [(r["q"], r["source"], r["target"]) for r in engine] == [([BEEKEEPING], "fa", "de")]


def test_words_the_site_knows_need_no_engine(client, beekeeping, engine):
    assert titles(client, "Imkerei") == ["Imkerei für Kinder"]
    assert engine == []


def test_without_an_engine_nothing_leaves_the_site(client, beekeeping):
    assert titles(client, BEEKEEPING) == []
