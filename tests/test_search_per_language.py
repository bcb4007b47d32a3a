"""A visitor searches the site in their own language, and words are matched by the rules of
that language: "counsel" finds "counselling" in English, "أطفال" finds "الأطفال" in Arabic. A page
not yet translated is still found by its German words, with German rules; a page is listed once,
in the visitor's language, whichever of its versions the words were found in."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection

from familientisch.i18n.localization import synchronise_locales, translate
from tests.factories.home import ProtocolIndexPageFactory, StandardPageFactory
from tests.factories.protocols import ProtocolPageFactory, agenda_item

pytestmark = [
    pytest.mark.usefixtures("indexes"),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="stemming needs PostgreSQL's full-text search"
    ),
]

COUNSELLING = {
    "en": {"Beratung": "Counselling", "Beratung für Eltern.": "Counselling for parents."},
    "ar": {"Beratung": "استشارة", "Beratung für Eltern.": "استشارة لجميع الأطفال."},
    "tr": {"Beratung": "Danışmanlık", "Beratung für Eltern.": "Çocuklar için danışmanlık."},
    "ru": {"Beratung": "Консультация", "Beratung für Eltern.": "Консультация для семей."},
}


@pytest.fixture
def counselling(home):
    page = StandardPageFactory(
        parent=home, title="Beratung", introduction="Beratung für Eltern.", slug="beratung"
    )
    synchronise_locales()
    for language, strings in COUNSELLING.items():
        translate(page, language, strings)
    return page


def found(client, language, query):
    response = client.get(f"/{language}/suche/", {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["results"]]


@pytest.mark.parametrize(
    ("language", "query", "title"),
    [
        ("de", "Beratungen", "Beratung"),
        ("en", "counsel", "Counselling"),
        ("ar", "أطفال", "استشارة"),
        ("tr", "çocuk", "Danışmanlık"),
        ("ru", "семья", "Консультация"),
    ],
)
def test_each_language_finds_other_forms_of_a_word_by_its_own_rules(
    client, counselling, language, query, title
):
    assert title in found(client, language, query)


def test_a_page_is_listed_once_in_the_visitors_language_whichever_language_found_it(
    client, counselling
):
    english = found(client, "en", "Beratung")
    assert "Counselling" in english and "Beratung" not in english
    german = found(client, "de", "Counselling")
    assert german.count("Beratung") == 1 and "Counselling" not in german


def test_a_page_not_yet_translated_is_found_by_its_german_words(client, home):
    StandardPageFactory(parent=home, title="Spielgruppe", introduction="Spielen mit Kindern.")
    synchronise_locales()
    # "Kinder" and "Kindern" meet only under German rules, both in the index and in the query.
    assert found(client, "fa", "Kinder") == ["Spielgruppe"]
    assert found(client, "uk", "Spielgruppe") == ["Spielgruppe"]


def test_the_protocols_api_searches_in_the_requested_language(client, home):
    index = ProtocolIndexPageFactory(parent=home)
    protocol = ProtocolPageFactory(
        parent=index,
        title="Sitzung im Juni",
        meeting_date=datetime.date(2018, 6, 6),
        agenda=[agenda_item(1, "Begrüßung", "Bericht.")],
    )
    synchronise_locales()
    translate(protocol, "ar", {"Sitzung im Juni": "اجتماع يونيو"})
    data = client.get("/api/v1/protocols/", {"locale": "ar", "q": "الاجتماع"}).json()
    assert [item["title"] for item in data["results"]] == ["اجتماع يونيو"]


def test_rebuilding_the_index_keeps_each_language_to_its_rules(client, counselling):
    call_command("update_index", verbosity=0)
    assert found(client, "ar", "أطفال") == ["استشارة"]
    assert found(client, "fa", "Beratungen") == ["Beratung"]
