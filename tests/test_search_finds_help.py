"""A family searches in its own words and its own language and still finds the German offers:
by the names of their categories and target groups in every language, by the synonyms the
editors keep, with a typo, and never by a part of another word."""

import pytest
from django.db import connection

from familientisch.i18n.localization import synchronise_locales
from familientisch.search.documents import rebuild
from familientisch.search.models import SynonymGroup
from tests.test_api_offers import offer

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL's full-text search"
)


def found(client, language, words, path="navigator/"):
    response = client.get(f"/{language}/{path}", {"q": words})
    assert response.status_code == 200
    return response


def titles(response):
    return [o.title for o in response.context["navigator"].page.object_list]


def test_a_german_only_offer_is_found_by_the_arabic_name_of_its_category(client, navigator):
    offer(navigator, title="Welcome Point Bilk", categories=["welcome-point"])
    offer(navigator, title="Hausaufgabenhilfe", categories=["bildung"])
    synchronise_locales()
    rebuild()
    assert titles(found(client, "ar", "نقطة الترحيب")) == ["Welcome Point Bilk"]


def test_an_offer_is_found_by_the_language_spoken_there_named_in_any_language(client, navigator):
    offer(navigator, title="Sprachcafé", languages=["ar"])
    offer(navigator, title="Kindertheater", languages=["de"])
    synchronise_locales()
    rebuild()
    assert titles(found(client, "de", "Arabisch")) == ["Sprachcafé"]
    assert titles(found(client, "uk", "арабська")) == ["Sprachcafé"]


def test_an_everyday_word_finds_its_synonyms_from_the_starter_list(client, navigator):
    offer(navigator, title="Krabbelgruppe", summary="Spielen und Austausch.")
    offer(navigator, title="Seniorentreff", summary="Kaffee und Gespräche.")
    rebuild()
    assert titles(found(client, "de", "Spielgruppe")) == ["Krabbelgruppe"]


def test_a_word_of_another_language_finds_the_german_words_of_its_concept(client, navigator):
    offer(navigator, title="Beratung für Geflüchtete", summary="Hilfe bei Anträgen.")
    offer(navigator, title="Babytreff", summary="Austausch und Spiel.")
    synchronise_locales()
    rebuild()
    assert titles(found(client, "uk", "біженці")) == ["Beratung für Geflüchtete"]
    assert titles(found(client, "ar", "لجوء")) == ["Beratung für Geflüchtete"]


def test_a_synonym_group_an_editor_adds_is_used_at_once(client, navigator):
    offer(navigator, title="Zwergentreff", summary="Für die Kleinsten.")
    rebuild()
    assert titles(found(client, "de", "Minis")) == []
    SynonymGroup.objects.create(concept="little-ones", language="de", words="Minis\nZwerge")
    assert titles(found(client, "de", "Minis")) == ["Zwergentreff"]


def test_a_typo_finds_the_nearest_word_and_says_so(client, navigator):
    offer(navigator, title="Krabbelgruppe", summary="Spielen und Austausch.")
    rebuild()
    response = found(client, "de", "Krabelgruppe")
    assert titles(response) == ["Krabbelgruppe"]
    assert response.context["navigator"].text_search.did_you_mean == "krabbelgruppe"
    assert "krabbelgruppe" in response.text


def test_the_beginning_of_a_word_finds_it_but_not_the_inside_of_another(client, navigator):
    offer(navigator, title="Familienzentrum Eller", places=[{"district": "bezirk-8"}])
    offer(navigator, title="Familienzentrum Hellerhof", places=[{"district": "bezirk-10"}])
    offer(navigator, title="Krabbelgruppe Garath", places=[{"district": "bezirk-10"}])
    rebuild()
    assert titles(found(client, "de", "Eller")) == ["Familienzentrum Eller"]
    assert titles(found(client, "de", "Krabbel")) == ["Krabbelgruppe Garath"]


def test_a_quarter_finds_the_offers_of_its_district(client, navigator):
    offer(navigator, title="Welcome Point Oberbilk", places=[{"district": "bezirk-3"}])
    offer(navigator, title="Welcome Point Garath", places=[{"district": "bezirk-10"}])
    rebuild()
    assert titles(found(client, "de", "Welcome Point Bilk")) == ["Welcome Point Oberbilk"]


@postgres_only
def test_each_language_version_is_found_by_its_own_words_in_every_language(client, navigator):
    from familientisch.i18n.localization import translate

    page = offer(navigator, title="Elterncafé", summary="Austausch für Eltern.")
    synchronise_locales()
    translate(page, "en", {"Elterncafé": "Parents' café", "Austausch für Eltern.": "Meet."})
    rebuild()
    assert titles(found(client, "de", "parents")) == ["Elterncafé"]
    assert titles(found(client, "en", "Elterncafé")) == ["Parents' café"]


def test_the_marked_words_are_shown_in_the_summary(client, navigator):
    offer(navigator, title="Hebammensprechstunde", summary="Rat rund um die Geburt & danach.")
    rebuild()
    html = found(client, "de", "Geburt").text
    assert "Rat rund um die <mark>Geburt</mark> &amp; danach." in html


@pytest.mark.usefixtures("indexes")
def test_a_renamed_category_finds_its_offers_by_the_new_name(
    client, navigator, django_capture_on_commit_callbacks
):
    from familientisch.taxonomy.models import Category

    offer(navigator, title="Sprachcafé", categories=["bildung"])
    rebuild()
    education = Category.objects.get(slug="bildung", locale__language_code="de")
    education.name = "Lernen und Bildung"
    with django_capture_on_commit_callbacks(execute=True):
        education.save()
    assert titles(found(client, "de", "Lernen")) == ["Sprachcafé"]
