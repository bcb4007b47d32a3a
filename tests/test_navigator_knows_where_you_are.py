"""A family says where it is in its own words ("Bilk", "40225", "بيلك", "Білк", a street) and
gets the offers nearest first, with the distance on every card; what the navigator does not
understand is said in words, with suggestions, and stays in the field."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import override_settings

from tests.factories.offers import OfferPageFactory
from tests.local_services import JSONService, running
from tests.test_offers_search import search, titles

BILK = {"district": "bezirk-3", "quarter": "bilk", "latitude": 51.2049, "longitude": 6.7779}
GARATH = {"district": "bezirk-10", "quarter": "garath", "latitude": 51.1360, "longitude": 6.8990}


@pytest.fixture
def two_places(navigator):
    OfferPageFactory(parent=navigator, title="Familienzentrum Garath", places=[GARATH])
    OfferPageFactory(parent=navigator, title="Krabbelgruppe Bilk", places=[BILK])
    return navigator


@pytest.mark.parametrize("where", ["Bilk", "40225", "بيلك", "Білк", "Бильк", "51.2,6.78", "bilk "])
def test_a_quarter_a_postcode_or_a_point_sorts_the_offers_by_distance(client, two_places, where):
    response = search(client, two_places, near=where)
    assert titles(response) == ["Krabbelgruppe Bilk", "Familienzentrum Garath"]
    assert response.context["navigator"].notes == []
    page = response.content.decode()
    assert " km</dd>" in page
    assert "Sorted by distance from" in page


def test_a_radius_keeps_only_the_offers_close_by(client, two_places):
    response = search(client, two_places, near="Bilk", radius="2")
    assert titles(response) == ["Krabbelgruppe Bilk"]


def test_a_place_nobody_knows_is_said_in_words_keeps_what_was_typed_and_suggests_quarters(
    client, two_places
):
    response = search(client, two_places, near="Bilc", sort="distance")
    notes = [str(note) for note in response.context["navigator"].notes]
    assert len(notes) == 1  # one note for "Where?", none for the sort that needs it
    assert "“Bilc”" in notes[0] and "postcode" in notes[0]
    page = response.content.decode()
    assert 'value="Bilc"' in page
    assert "near=Bilk#results-heading" in page  # "did you mean" as a link
    assert titles(response) == ["Familienzentrum Garath", "Krabbelgruppe Bilk"]  # by name


def test_a_note_names_a_choice_by_its_label_never_its_internal_value(client, two_places):
    response = search(client, two_places, sort="distance")
    (note,) = [str(note) for note in response.context["navigator"].notes]
    assert "“Distance”" in note and "“distance”" not in note


def test_districts_are_offered_with_the_names_of_their_quarters(client, two_places):
    response = search(client, two_places)
    district = next(f for f in response.context["navigator"].facets if f.name == "district")
    labels = {option.value: option.label for option in district.options}
    assert labels["bezirk-3"].startswith("Stadtbezirk 3: Oberbilk, Unterbilk, Bilk")


class Nominatim(JSONService):
    """GET /search as a self-hosted Nominatim answers it (format=json), from a small list."""

    known = {"bilker allee 10": ("51.2107", "6.7712", "Bilker Allee 10, Unterbilk, Düsseldorf")}

    def do_GET(self):
        query = parse_qs(urlsplit(self.path).query)
        type(self).requests.append(query)
        found = self.known.get(query["q"][0].casefold())
        self.answer([{"lat": found[0], "lon": found[1], "display_name": found[2]}] if found else [])


@pytest.fixture
def geocoder():
    with running(Nominatim) as address, override_settings(GEOCODER_URL=address):
        yield Nominatim.requests


def test_a_street_address_is_found_by_the_sites_own_geocoder_within_the_city(
    client, two_places, geocoder
):
    response = search(client, two_places, near="Bilker Allee 10")
    assert titles(response) == ["Krabbelgruppe Bilk", "Familienzentrum Garath"]
    (request,) = geocoder
    assert request["q"] == ["Bilker Allee 10"]
    assert request["bounded"] == ["1"] and request["countrycodes"] == ["de"]
    # Asked once: the answer is kept (under a hash of the words, not the address).
    search(client, two_places, near="Bilker Allee 10")
    assert len(geocoder) == 1


def test_quarters_and_postcodes_need_no_geocoder(client, two_places, geocoder):
    search(client, two_places, near="Bilk")
    search(client, two_places, near="40225")
    assert geocoder == []


def test_an_address_the_geocoder_does_not_know_is_placed_by_its_postcode(
    client, two_places, geocoder
):
    response = search(client, two_places, near="Hinterhof 3, 40595 Düsseldorf")
    assert titles(response) == ["Familienzentrum Garath", "Krabbelgruppe Bilk"]
    assert response.context["navigator"].notes == []


def test_without_a_geocoder_a_street_is_not_sent_anywhere_and_gets_a_note(client, two_places):
    response = search(client, two_places, near="Bilker Allee 10")
    assert len(response.context["navigator"].notes) == 1
    assert 'value="Bilker Allee 10"' in response.content.decode()


def test_the_api_understands_the_same_words(client, two_places):
    data = client.get("/api/v1/offers/", {"near": "بيلك", "radius": 3}).json()
    assert [offer["title"] for offer in data["results"]] == ["Krabbelgruppe Bilk"]
    assert data["results"][0]["distance_km"] < 1


def test_a_radius_with_nothing_inside_suggests_dropping_it(client, two_places):
    response = search(client, two_places, near="Kaiserswerth", radius="1")
    suggestions = response.context["navigator"].suggestions
    assert "Distance" in [str(suggestion.label) for suggestion in suggestions]
