"""The API answers in JSON in every language, with caching headers and a typed schema."""

import pytest
from django.core.management import call_command
from wagtail.models import APIToken

from familientisch.i18n.localization import translate
from familientisch.taxonomy.models import Category


@pytest.fixture
def vocabularies(locales):
    call_command("seed_taxonomies")


def test_openapi_document_and_docs_are_published(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Familientisch API"
    assert "/api/v1/taxonomies/" in schema["paths"]
    assert client.get("/api/v1/docs/").status_code == 200


def test_taxonomies_come_in_the_requested_language(client, vocabularies):
    translate(
        Category.objects.get(slug="fruehe-hilfen"), "ar", {"Frühe Hilfen": "المساعدة المبكرة"}
    )
    data = client.get("/api/v1/taxonomies/", {"locale": "ar"}).json()
    names = {c["slug"]: c["name"] for c in data["categories"]}
    assert names["fruehe-hilfen"] == "المساعدة المبكرة"
    assert names["beratung"] == "Beratung"  # not yet translated: German
    bilk_district = next(d for d in data["districts"] if d["slug"] == "bezirk-3")
    assert "bilk" in [q["slug"] for q in bilk_district["quarters"]]
    assert {"code": "tr", "name": "التركية"} in data["languages"]


def test_an_unknown_locale_is_refused_with_a_json_message(client, vocabularies):
    response = client.get("/api/v1/taxonomies/", {"locale": "xx"})
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"][0]["loc"] == ["query", "locale"]


def test_a_conditional_get_answers_not_modified(client, vocabularies):
    first = client.get("/api/v1/taxonomies/")
    assert first["Cache-Control"] == "public, max-age=60"
    again = client.get("/api/v1/taxonomies/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_an_invalid_token_is_refused(client, vocabularies):
    response = client.get("/api/v1/taxonomies/", headers={"authorization": "Bearer nonsense"})
    assert response.status_code == 401
    assert response.json() == {"detail": "This token is unknown or revoked."}


def test_a_valid_token_gets_private_answers(client, vocabularies, django_user_model):
    user = django_user_model.objects.create_user("partner")
    _token, plaintext = APIToken.create_token(user=user, name="app")
    response = client.get("/api/v1/taxonomies/", headers={"authorization": f"Bearer {plaintext}"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_cors_is_allowed_only_for_configured_origins(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example"]
    allowed = client.get("/api/v1/openapi.json", headers={"origin": "https://app.example"})
    other = client.get("/api/v1/openapi.json", headers={"origin": "https://evil.example"})
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example"
    assert "Access-Control-Allow-Origin" not in other


def test_an_unknown_endpoint_answers_json_not_found(client, db):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No API endpoint at /api/v1/no-such-thing/"}
