"""Families search the demo site in their own words and languages, as the search issue played
them (PostgreSQL: each language stemmed by its own rules): the Arabic word for asylum finds the
Welcome Points and the counselling for newcomers, the Ukrainian word for refugees the offers for
refugees, an everyday word and a typo find the playgroups, and a quarter never finds another
one whose name contains it. `tests/data/search_queries.csv` holds 40 more queries in four
languages with the result a family expects first."""

import csv
from pathlib import Path

import pytest
from django.db import connection

from familientisch.offers.models import OfferIndexPage, OfferPage

pytestmark = pytest.mark.usefixtures("db")
QUERIES = Path(__file__).parents[1] / "data" / "search_queries.csv"
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the expected ranking is PostgreSQL's"
)


def site_search(client, language, words):
    response = client.get(f"/{language}/suche/", {"q": words})
    assert response.status_code == 200
    return response.context["results"]


def all_titles(client, language, words):
    titles, page = [], 1
    while True:
        response = client.get(f"/{language}/suche/", {"q": words, "page": page})
        results = response.context["results"]
        titles += [result.title for result in results]
        if not results.has_next():
            return titles
        page += 1


def navigator_titles(client, language, words):
    navigator = OfferIndexPage.objects.get(locale__language_code=language)
    response = client.get(navigator.url, {"q": words})
    return [offer.title for offer in response.context["navigator"].page.object_list]


def german_titles(**filters):
    return set(
        OfferPage.objects.live()
        .filter(locale__language_code="de", **filters)
        .values_list("title", flat=True)
    )


@postgres_only
@pytest.mark.parametrize(
    ("language", "words", "first"),
    [tuple(row.values()) for row in csv.DictReader(QUERIES.open(encoding="utf-8"))],
)
def test_each_query_of_the_table_brings_the_expected_result_first(client, language, words, first):
    results = site_search(client, language, words)
    assert results, f"{words!r} found nothing"
    assert results[0].title.startswith(first), [r.title for r in results][:3]


@postgres_only
def test_the_arabic_word_for_asylum_finds_the_welcome_points_and_the_counselling(client):
    found = set(all_titles(client, "ar", "لجوء"))
    welcome_points = german_titles(categories__slug="welcome-point")
    assert len(welcome_points) == 10 and welcome_points <= found
    assert {t for t in found if t.startswith("Familienberatung für Neuzugewanderte")}


@postgres_only
def test_the_sites_arabic_name_of_the_welcome_points_finds_them_all(client):
    found = set(all_titles(client, "ar", "نقطة الترحيب"))
    assert german_titles(categories__slug="welcome-point") <= found


@postgres_only
def test_the_ukrainian_word_for_refugees_finds_the_offers_for_refugees(client):
    found = all_titles(client, "uk", "біженці")
    for_refugees = german_titles(target_groups__slug="gefluechtete-neuzugewanderte")
    ukrainian = set(
        OfferPage.objects.filter(
            locale__language_code="uk",
            translation_key__in=OfferPage.objects.filter(title__in=for_refugees).values(
                "translation_key"
            ),
        ).values_list("title", flat=True)
    )
    assert ukrainian and ukrainian <= set(found)


@postgres_only
def test_the_arabic_words_for_german_course_find_all_three_courses_with_childcare(client):
    found = navigator_titles(client, "ar", "دورة اللغة الألمانية")
    courses = [title for title in found if "Kinderbetreuung" in title or "رعاية الأطفال" in title]
    assert len(courses) == 3


@pytest.mark.parametrize("words", ["Spielgruppe", "Krabelgruppe"])
def test_an_everyday_word_and_a_typo_find_the_playgroups(client, words):
    found = navigator_titles(client, "de", words)
    assert found and all(title.startswith("Krabbelgruppe") for title in found)
    assert len(found) == len({t for t in german_titles() if t.startswith("Krabbelgruppe")})


def test_eller_does_not_find_hellerhof(client):
    found = navigator_titles(client, "de", "Eller")
    assert any("Eller" in title for title in found)
    assert not [title for title in found if "Hellerhof" in title]


def test_a_search_on_the_demo_needs_a_few_queries_however_many_it_finds(
    client, django_assert_max_num_queries
):
    # The frame (on a cold cache the footer's help line and the address of "my list") and the
    # search; the number of results does not count.
    with django_assert_max_num_queries(32):
        assert site_search(client, "de", "Familie")
