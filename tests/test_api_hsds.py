"""Other service directories import our offers as Open Referral HSDS 3.0: the output is valid
against the published HSDS schemas, with stable UUIDs, opening hours as weekly schedules and
ages in years."""

import json
import os
import uuid
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from familientisch.i18n.localization import synchronise_locales, translate
from familientisch.offers.demo import hours
from tests.factories.home import PartnerIndexPageFactory
from tests.factories.offers import OfferPageFactory, build_navigator
from tests.factories.partners import PartnerPageFactory

# In CI the repository is checked out next to `shared/`; elsewhere point HSDS_SCHEMA_DIR at it.
SCHEMA_DIR = Path(
    os.environ.get("HSDS_SCHEMA_DIR") or Path(__file__).resolve().parents[2] / "shared" / "hsds-3.0"
)
needs_schemas = pytest.mark.skipif(
    not (SCHEMA_DIR / "service.json").exists(),
    reason=f"HSDS 3.0 schemas not found in {SCHEMA_DIR} (set HSDS_SCHEMA_DIR)",
)


def validator(name):
    """A validator for one HSDS schema file; its `$ref`s name sibling files."""
    resources = [
        (str(path.relative_to(SCHEMA_DIR)), json.loads(path.read_text()))
        for path in SCHEMA_DIR.rglob("*.json")
        if path.name != "openapi.json"
    ]
    registry = Registry().with_resources(
        (key, Resource.from_contents(schema, default_specification=DRAFT202012))
        for key, schema in resources
    )
    schema = dict(resources)[name]
    return Draft202012Validator(
        schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def assert_valid(name, instance):
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator(name).iter_errors(instance)
    ]
    assert errors == []


@pytest.fixture
def navigator(home):
    return build_navigator(home)


@pytest.fixture
def offer(home, navigator):
    provider = PartnerPageFactory(
        parent=PartnerIndexPageFactory(parent=home),
        title="Diakonie Düsseldorf",
        summary="Beratung für Familien.",
        website="https://diakonie.example",
    )
    return OfferPageFactory(
        parent=navigator,
        title="Erziehungsberatung",
        summary="Rat bei Fragen zur Erziehung.",
        provider=provider,
        phone="0211 7353-0",
        email="beratung@diakonie.example",
        age_min_months=0,
        age_max_months=215,
        cost="reduced",
        cost_note="5 € pro Termin",
        languages=["de", "ar"],
        places=[
            {
                "district": "bezirk-3",
                "street": "Platz der Diakonie 1",
                "postcode": "40233",
                "latitude": 51.22,
                "longitude": 6.8,
                "wheelchair_access": "yes",
                "opening_hours": hours(
                    [
                        ("slot", 0, "09:00", "12:00"),
                        ("slot", 2, "09:00", "12:00"),
                        ("slot", 2, "14:00", "18:00"),
                        ("appointment", 4),
                    ]
                ),
            },
            {"place_name": "Online-Sprechstunde", "street": "", "postcode": ""},
        ],
    )


def test_the_api_describes_itself_as_hsds_3(client, db):
    data = client.get("/api/v1/hsds/").json()
    assert data["version"] == "3.0"
    assert data["openapi_url"] == "http://testserver/api/v1/openapi.json"


def test_an_offer_as_a_service_with_its_organization_places_and_schedules(client, offer):
    service = client.get(f"/api/v1/hsds/services/{offer.translation_key}").json()
    assert service["id"] == str(offer.translation_key)
    assert service["organization"]["name"] == "Diakonie Düsseldorf"
    assert service["organization_id"] == service["organization"]["id"]
    assert (service["minimum_age"], service["maximum_age"]) == (0, 17)
    assert service["fees_description"] == "Reduced fee possible: 5 € pro Termin"
    assert {lang["code"] for lang in service["languages"]} == {"de", "ar"}
    first, online = service["service_at_locations"]
    assert first["location"]["addresses"][0]["postal_code"] == "40233"
    assert first["location"]["accessibility"][0]["description"] == "Wheelchair accessible"
    assert "addresses" in online["location"] and online["location"]["addresses"] == []
    schedules = {s["byday"]: s for s in first["schedules"] if "opens_at" in s}
    assert set(schedules) == {"MO,WE", "WE"}
    assert schedules["MO,WE"]["opens_at"].startswith("09:00+0")
    assert schedules["MO,WE"]["freq"] == "WEEKLY"
    by_appointment = [s for s in first["schedules"] if "opens_at" not in s]
    assert by_appointment[0]["byday"] == "FR"


@needs_schemas
def test_every_answer_is_valid_against_the_hsds_schemas(client, offer):
    service = client.get(f"/api/v1/hsds/services/{offer.translation_key}").json()
    assert_valid("service.json", service)
    services = client.get("/api/v1/hsds/services").json()
    assert services["total_items"] == 1 and services["first_page"] and services["last_page"]
    for item in services["contents"]:
        assert_valid("compiled/service_list.json", item)
        assert_valid("service.json", item)
    for item in client.get("/api/v1/hsds/organizations").json()["contents"]:
        assert_valid("organization.json", item)
    places = client.get("/api/v1/hsds/service_at_locations").json()
    assert places["total_items"] == 2
    for item in places["contents"]:
        assert_valid("service_at_location.json", item)
        assert_valid("compiled/service_at_location_list.json", item)


@needs_schemas
def test_the_validation_catches_a_broken_service(client, offer):
    service = client.get(f"/api/v1/hsds/services/{offer.translation_key}").json()
    service["id"] = "not-a-uuid"
    del service["status"]
    with pytest.raises(AssertionError):
        assert_valid("service.json", service)


def test_ids_are_the_same_in_every_language_only_the_text_changes(client, offer):
    synchronise_locales()
    translate(offer, "ar", {"Erziehungsberatung": "استشارة تربوية"})
    german = client.get(f"/api/v1/hsds/services/{offer.translation_key}").json()
    arabic = client.get(f"/api/v1/hsds/services/{offer.translation_key}", {"locale": "ar"}).json()
    assert arabic["name"] == "استشارة تربوية"
    assert arabic["id"] == german["id"]
    assert arabic["service_at_locations"][0]["id"] == german["service_at_locations"][0]["id"]
    assert {lang["name"] for lang in arabic["languages"]} == {"الألمانية", "العربية"}


def test_an_unknown_service_is_not_found(client, navigator):
    assert client.get(f"/api/v1/hsds/services/{uuid.uuid4()}").status_code == 404
    assert client.get("/api/v1/hsds/services/42").status_code == 422


def test_pages_follow_the_hsds_shape(client, navigator):
    for number in range(3):
        OfferPageFactory(parent=navigator, title=f"Angebot {number}")
    data = client.get("/api/v1/hsds/services", {"page": 2, "per_page": 2}).json()
    assert {key: data[key] for key in data if key != "contents"} == {
        "total_items": 3,
        "total_pages": 2,
        "page_number": 2,
        "size": 1,
        "first_page": False,
        "last_page": True,
        "empty": False,
    }


def test_the_services_list_needs_the_same_queries_for_many_offers(
    client, home, navigator, queries_of, django_assert_max_num_queries
):
    partners = PartnerIndexPageFactory(parent=home)

    def some(count):
        for _number in range(count):
            OfferPageFactory(
                parent=navigator,
                provider=PartnerPageFactory(parent=partners),
                languages=["de"],
                places=[
                    {"district": "bezirk-1", "opening_hours": hours([("slot", 1, "9:00", "12:00")])}
                ],
            )

    some(1)
    client.get("/api/v1/hsds/services")
    few = queries_of(lambda: client.get("/api/v1/hsds/services"))
    some(9)
    with django_assert_max_num_queries(few):
        assert client.get("/api/v1/hsds/services").json()["total_items"] == 10
