"""A family filters the Familien-Navigator by what matters to them, and every filter says how
many offers it would leave."""

import datetime

import pytest
from django.db import connection
from wagtail.models import Locale

from familientisch.i18n.localization import synchronise_locales
from familientisch.taxonomy.models import District
from tests.factories.offers import OfferPageFactory, build_navigator
from tests.factories.partners import PartnerPageFactory

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL's full-text search"
)


@pytest.fixture
def navigator(home):
    return build_navigator(home, help_phone="0211 8998899")


def offer(navigator, **fields):
    fields.setdefault("places", [{"district": "bezirk-1"}])
    return OfferPageFactory(parent=navigator, **fields)


def search(client, navigator, **params):
    response = client.get(navigator.url, params)
    assert response.status_code == 200
    return response


def titles(response):
    return [o.title for o in response.context["navigator"].page.object_list]


def facet(response, name):
    facets = {f.name: f for f in response.context["navigator"].facets}
    return {o.value: o.count for o in facets[name].options}


def test_the_navigator_lists_current_offers_by_name(client, navigator):
    offer(navigator, title="Zwergentreff")
    offer(navigator, title="Babymassage")
    assert titles(search(client, navigator)) == ["Babymassage", "Zwergentreff"]


@pytest.mark.usefixtures("indexes")
def test_free_text_finds_words_in_title_summary_and_description(client, navigator):
    offer(navigator, title="Hebammensprechstunde", summary="Rat rund um die Geburt.")
    offer(navigator, title="Sprachcafé", summary="Deutsch üben beim Kaffee.")
    assert titles(search(client, navigator, q="Geburt")) == ["Hebammensprechstunde"]
    assert titles(search(client, navigator, q="Sprachcafé")) == ["Sprachcafé"]


@postgres_only
@pytest.mark.usefixtures("indexes")
def test_german_stemming_lets_kinder_find_kind(client, navigator):
    offer(navigator, title="Spielgruppe", summary="Für jedes Kind ein Platz.")
    offer(navigator, title="Seniorentreff", summary="Kaffee und Gespräche.")
    assert titles(search(client, navigator, q="Kinder")) == ["Spielgruppe"]


@postgres_only
@pytest.mark.usefixtures("indexes")
def test_an_offer_not_yet_translated_is_found_by_its_german_words(client, navigator):
    offer(navigator, title="Spielgruppe", summary="Spielen mit Kindern.")
    synchronise_locales()
    # "Kinder" meets "Kindern" only under German rules, in the stored text and in the query.
    response = client.get("/fa/navigator/", {"q": "Kinder"})
    assert titles(response) == ["Spielgruppe"]


def test_age_in_years_matches_offers_whose_range_contains_it(client, navigator):
    offer(navigator, title="Frühe Hilfen", age_min_months=0, age_max_months=35)
    offer(navigator, title="Jugendtreff", age_min_months=144, age_max_months=215)
    assert titles(search(client, navigator, age="2")) == ["Frühe Hilfen"]
    assert titles(search(client, navigator, age="3")) == []
    assert titles(search(client, navigator, age="14")) == ["Jugendtreff"]


def test_district_and_quarter_filter_by_the_places(client, navigator):
    offer(navigator, title="Bilk", places=[{"district": "bezirk-3", "quarter": "bilk"}])
    offer(navigator, title="Hamm", places=[{"district": "bezirk-3", "quarter": "hamm"}])
    offer(navigator, title="Garath", places=[{"district": "bezirk-10"}])
    assert titles(search(client, navigator, district="bezirk-3")) == ["Bilk", "Hamm"]
    assert titles(search(client, navigator, district="bezirk-3", quarter="hamm")) == ["Hamm"]


def test_an_offer_with_two_places_in_one_district_is_listed_once(client, navigator):
    offer(navigator, title="Zweimal", places=[{"district": "bezirk-2"}, {"district": "bezirk-2"}])
    response = search(client, navigator, district="bezirk-2")
    assert titles(response) == ["Zweimal"]
    assert facet(response, "district")["bezirk-2"] == 1


def test_category_target_group_and_language_filters(client, navigator):
    offer(
        navigator,
        title="Beratung",
        categories=["beratung"],
        target_groups=["eltern"],
        languages=["de", "tr"],
    )
    offer(
        navigator, title="Sport", categories=["sport"], target_groups=["kinder"], languages=["de"]
    )
    assert titles(search(client, navigator, category="beratung")) == ["Beratung"]
    assert titles(search(client, navigator, target_group="kinder")) == ["Sport"]
    assert titles(search(client, navigator, language="tr")) == ["Beratung"]


def test_free_and_wheelchair_filters(client, navigator):
    offer(
        navigator,
        title="Kostenlos barrierefrei",
        cost="free",
        places=[{"district": "bezirk-1", "wheelchair_access": "yes"}],
    )
    offer(
        navigator,
        title="Mit Gebühr",
        cost="fee",
        places=[{"district": "bezirk-1", "wheelchair_access": "yes"}],
    )
    offer(
        navigator,
        title="Kostenlos mit Stufen",
        cost="free",
        places=[{"district": "bezirk-1", "wheelchair_access": "no"}],
    )
    assert titles(search(client, navigator, free="1", wheelchair="1")) == ["Kostenlos barrierefrei"]


def test_life_stage_is_derived_from_the_age_range(client, navigator):
    offer(
        navigator,
        title="Geburtsvorbereitung",
        for_expectant_parents=True,
        age_min_months=0,
        age_max_months=0,
    )
    offer(navigator, title="Krabbelgruppe", age_min_months=6, age_max_months=24)
    offer(navigator, title="Schülerhilfe", age_min_months=72, age_max_months=143)
    assert titles(search(client, navigator, stage="pregnancy")) == ["Geburtsvorbereitung"]
    assert titles(search(client, navigator, stage="toddler")) == ["Krabbelgruppe"]
    assert titles(search(client, navigator, stage="school-child")) == ["Schülerhilfe"]


def test_filters_combine_and_facets_count_each_option_against_the_other_filters(client, navigator):
    offer(navigator, title="A", categories=["beratung"], places=[{"district": "bezirk-1"}])
    offer(navigator, title="B", categories=["beratung"], places=[{"district": "bezirk-2"}])
    offer(navigator, title="C", categories=["sport"], places=[{"district": "bezirk-1"}])
    response = search(client, navigator, category="beratung", district="bezirk-1")
    assert titles(response) == ["A"]
    # Another district would leave B; another category in this district would leave C.
    assert facet(response, "district")["bezirk-2"] == 1
    assert facet(response, "district")["bezirk-1"] == 1
    assert facet(response, "category")["sport"] == 1
    assert facet(response, "category")["beratung"] == 1
    assert facet(response, "free") == {"1": 1}


def test_expired_and_future_offers_disappear_by_themselves(client, navigator):
    today = datetime.date.today()
    offer(navigator, title="Abgelaufen", valid_until=today - datetime.timedelta(days=1))
    offer(navigator, title="Später", valid_from=today + datetime.timedelta(days=3))
    offer(navigator, title="Läuft bis heute", valid_until=today)
    assert titles(search(client, navigator)) == ["Läuft bis heute"]


def test_near_sorts_by_distance_and_shows_it(client, navigator):
    offer(navigator, title="Weit", places=[{"latitude": 51.14, "longitude": 6.90}])
    offer(navigator, title="Nah", places=[{"latitude": 51.226, "longitude": 6.776}])
    offer(navigator, title="Ohne Ort", places=[])
    response = search(client, navigator, near="51.2277,6.7735")
    assert titles(response) == ["Nah", "Weit", "Ohne Ort"]
    assert "0,3 km" in response.content.decode()  # German decimal comma
    assert titles(search(client, navigator, near="51.2277,6.7735", sort="name")) == [
        "Nah",
        "Ohne Ort",
        "Weit",
    ]


@pytest.mark.parametrize(
    "params",
    [
        {"age": "abc"},
        {"near": "999,999"},
        {"near": "Atlantis"},
        {"district": "atlantis"},
        {"category": "zauberei"},
        {"stage": "rentner"},
        {"sort": "distance"},
        {"page": "elf"},
    ],
)
def test_malformed_filters_are_ignored_with_a_visible_note(client, navigator, params):
    offer(navigator, title="Bleibt sichtbar")
    response = search(client, navigator, **params)
    assert titles(response) == ["Bleibt sichtbar"]
    if "page" not in params:
        assert response.context["navigator"].notes
        assert 'class="navigator-notes"' in response.content.decode()


def test_a_quarter_from_another_district_is_ignored_with_a_note(client, navigator):
    offer(navigator, title="Bilk", places=[{"district": "bezirk-3", "quarter": "bilk"}])
    response = search(client, navigator, district="bezirk-3", quarter="garath")
    assert titles(response) == ["Bilk"]
    assert response.context["navigator"].notes


def test_results_come_in_pages_of_twenty(client, navigator):
    for number in range(23):
        offer(navigator, title=f"Angebot {number:02}")
    first = search(client, navigator)
    second = search(client, navigator, page="2")
    assert len(titles(first)) == 20
    assert titles(second) == ["Angebot 20", "Angebot 21", "Angebot 22"]
    assert "page=2" in first.content.decode()


def test_each_result_shows_provider_district_age_cost_and_languages(client, navigator, home):
    provider = PartnerPageFactory(parent=home, title="Diakonie Düsseldorf")
    offer(
        navigator,
        title="Elterncafé",
        provider=provider,
        languages=["tr"],
        cost="reduced",
        age_min_months=0,
        age_max_months=35,
        places=[{"district": "bezirk-3"}],
    )
    with_english = client.get("/de/navigator/", HTTP_ACCEPT_LANGUAGE="de")
    html = with_english.content.decode()
    for text in ["Diakonie Düsseldorf", "Stadtbezirk 3", "0–3", "Türkisch"]:
        assert text in html


def test_nothing_found_says_so_and_offers_the_welcome_point_and_a_phone(client, navigator):
    offer(
        navigator,
        title="Welcome Point Bilk",
        categories=["welcome-point"],
        places=[{"district": "bezirk-3"}],
        phone="0211 123",
    )
    offer(navigator, title="Sport in Bilk", categories=["sport"], places=[{"district": "bezirk-3"}])
    offer(
        navigator,
        title="Sport anderswo",
        categories=["sport"],
        age_min_months=200,
        places=[{"district": "bezirk-3"}],
    )
    response = search(
        client, navigator, district="bezirk-3", category="sport", age="1", language="ar"
    )
    result = response.context["navigator"]
    assert result.total == 0
    html = response.content.decode()
    assert "no offer fits" in html
    # Dropping the language filter brings back the most.
    assert result.suggestions[0].name == "language"
    assert "language=" not in result.suggestions[0].query_string
    assert [o.title for o in result.welcome_points] == ["Welcome Point Bilk"]
    assert "0211 8998899" in html


@pytest.mark.usefixtures("indexes")
def test_only_offers_of_the_current_language_are_found(client, navigator, home):
    german = offer(navigator, title="Spielgruppe", summary="Spielen mit Kindern")
    english_locale = Locale.objects.get(language_code="en")
    home.copy_for_translation(english_locale).save_revision().publish()
    english_navigator = navigator.copy_for_translation(english_locale)
    english_navigator.save_revision().publish()
    english_navigator.refresh_from_db()
    english = german.copy_for_translation(english_locale)
    english.title, english.summary = "Playgroup", "Playing with children"
    english.save_revision().publish()
    german_titles = titles(search(client, navigator, q="Spielgruppe"))
    english_response = client.get(english_navigator.url, {"q": "Playgroup"})
    assert german_titles == ["Spielgruppe"]
    assert titles(english_response) == ["Playgroup"]
    assert titles(client.get(english_navigator.url)) == ["Playgroup"]
    assert District.objects.filter(locale__language_code="de").count() == 10


@pytest.mark.parametrize("count", [5, 40])
def test_the_list_needs_the_same_number_of_queries_for_5_or_40_offers(
    client, navigator, count, django_assert_max_num_queries
):
    for number in range(count):
        offer(
            navigator,
            title=f"Angebot {number}",
            languages=["de", "ar"],
            categories=["beratung"],
            places=[{"district": "bezirk-1", "quarter": "altstadt"}],
        )
    client.get(navigator.url)  # warm the caches of site and taxonomy names
    with django_assert_max_num_queries(30):
        search(client, navigator, district="bezirk-1", near="51.2,6.8", age="4")
