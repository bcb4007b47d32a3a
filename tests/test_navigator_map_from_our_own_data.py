"""Without a tile server the navigator's map is still a map: streets and the outlines of the
districts and quarters, built once from an OpenStreetMap extract and served by this site."""

import json

import pytest
from django.core.management import call_command

from tests.factories.offers import OfferPageFactory

EXTRACT = {
    "elements": [
        {
            "type": "way",
            "tags": {"highway": "primary", "name": "Bilker Allee"},
            "geometry": [{"lat": 51.2101, "lon": 6.7701}, {"lat": 51.2102, "lon": 6.7752}],
        },
        {
            "type": "way",
            "tags": {"highway": "residential", "name": "Bachstraße"},
            "geometry": [
                {"lat": 51.2050, "lon": 6.7780},
                {"lat": 51.2050, "lon": 6.7780},
                {"lat": 51.2060, "lon": 6.7790},
            ],
        },
        {"type": "way", "tags": {"building": "yes"}, "geometry": [{"lat": 51.2, "lon": 6.7}]},
        {
            "type": "relation",
            "tags": {"boundary": "administrative", "admin_level": "10", "name": "Bilk"},
            "members": [
                {
                    "type": "way",
                    "role": "outer",
                    "geometry": [
                        {"lat": 51.20, "lon": 6.77},
                        {"lat": 51.21, "lon": 6.77},
                        {"lat": 51.21, "lon": 6.79},
                    ],
                }
            ],
        },
    ]
}


@pytest.fixture
def extract(tmp_path):
    path = tmp_path / "duesseldorf.json"
    path.write_text(json.dumps(EXTRACT), encoding="utf-8")
    return path


def test_the_city_map_is_built_from_an_extract_and_served_by_the_site(client, navigator, extract):
    OfferPageFactory(parent=navigator, places=[{"latitude": 51.205, "longitude": 6.778}])
    assert client.get("/city-map.geojson").status_code == 404
    assert 'data-city-map=""' in client.get(navigator.url).content.decode()

    call_command("build_city_map", str(extract), stdout=open("/dev/null", "w"))  # noqa: SIM115

    response = client.get("/city-map.geojson")
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(b"".join(response.streaming_content))
    kinds = {f["properties"]["name"]: f["properties"]["kind"] for f in data["features"]}
    assert kinds == {"Bilker Allee": "major", "Bachstraße": "street", "Bilk": "quarter"}
    bach = next(f for f in data["features"] if f["properties"]["name"] == "Bachstraße")
    assert bach["geometry"]["coordinates"] == [[6.778, 51.205], [6.779, 51.206]]
    assert 'data-city-map="/city-map.geojson"' in client.get(navigator.url).content.decode()
