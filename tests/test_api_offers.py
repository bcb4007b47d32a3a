"""Apps search the Familien-Navigator through the API: the website's filters and facet counts,
distances, each offer with its places and opening hours, in the family's language."""

from familientisch.i18n.localization import synchronise_locales, translate
from familientisch.offers.demo import hours
from familientisch.taxonomy.models import District
from tests.factories.home import PartnerIndexPageFactory
from tests.factories.offers import OfferPageFactory
from tests.factories.partners import PartnerPageFactory


def offer(navigator, **fields):
    fields.setdefault("places", [{"district": "bezirk-1"}])
    return OfferPageFactory(parent=navigator, **fields)


def search(client, **params):
    response = client.get("/api/v1/offers/", params)
    assert response.status_code == 200, response.content
    return response.json()


def facet(data, name):
    facets = {f["name"]: f for f in data["facets"]}
    return {o["value"]: o["count"] for o in facets[name]["options"]}


def test_offers_for_a_two_year_old_in_one_district_with_facet_counts(client, navigator):
    offer(navigator, title="Krabbelgruppe", age_min_months=0, age_max_months=35)
    offer(navigator, title="Hausaufgabenhilfe", age_min_months=72, age_max_months=143)
    offer(navigator, title="Spielplatztreff", places=[{"district": "bezirk-3"}])
    data = search(client, age=2, district="bezirk-1")
    assert [o["title"] for o in data["results"]] == ["Krabbelgruppe"]
    first = data["results"][0]
    assert first["age"] == {"min_months": 0, "max_months": 35, "label": "0–3 years"}
    assert {s["slug"] for s in first["life_stages"]} == {"baby", "toddler"}
    assert first["districts"][0]["slug"] == "bezirk-1"
    assert first["url"].endswith("/de/navigator/krabbelgruppe/")
    # Each district counts what it would leave with the other filters (age 2) as they are.
    assert facet(data, "district")["bezirk-1"] == 1
    assert facet(data, "district")["bezirk-3"] == 1
    assert data["count"] == 1 and data["notes"] == []


def test_an_unknown_slug_is_ignored_with_a_note_and_a_malformed_value_refused(client, navigator):
    offer(navigator, title="Elterncafé")
    data = search(client, district="nirgendwo")
    assert [o["title"] for o in data["results"]] == ["Elterncafé"]
    assert "nirgendwo" in data["notes"][0]
    refused = client.get("/api/v1/offers/", {"age": "99"})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["query", "age"]
    assert client.get("/api/v1/offers/", {"stage": "granny"}).status_code == 422


def test_near_adds_distances_and_sorts_by_them(client, navigator):
    far = [{"district": "bezirk-1", "latitude": 51.30, "longitude": 6.80}]
    close = [{"district": "bezirk-1", "latitude": 51.228, "longitude": 6.774}]
    offer(navigator, title="Am Stadtrand", places=far)
    offer(navigator, title="In der Altstadt", places=close)
    data = search(client, near="51.2277,6.7735")
    assert [o["title"] for o in data["results"]] == ["In der Altstadt", "Am Stadtrand"]
    assert data["results"][0]["distance_km"] < 0.1 < data["results"][1]["distance_km"]
    assert search(client)["results"][0]["distance_km"] is None


def test_paging_follows_page_size(client, navigator):
    for number in range(5):
        offer(navigator, title=f"Angebot {number}")
    data = search(client, page=2, page_size=2)
    assert (data["count"], data["pages"], data["page"]) == (5, 3, 2)
    assert [o["title"] for o in data["results"]] == ["Angebot 2", "Angebot 3"]


def test_arabic_request_gets_arabic_offers_and_names(client, navigator):
    german = offer(navigator, title="Sprachcafé", summary="Deutsch üben.", languages=["ar"])
    synchronise_locales()
    translate(District.objects.get(slug="bezirk-1"), "ar", {"Stadtbezirk 1": "الحي 1"})
    translate(german, "ar", {"Sprachcafé": "مقهى اللغة", "Deutsch üben.": "تعلم الألمانية."})
    data = search(client, locale="ar", district="bezirk-1")
    result = data["results"][0]
    assert (result["title"], result["summary"]) == ("مقهى اللغة", "تعلم الألمانية.")
    assert result["districts"][0]["name"] == "الحي 1"
    assert result["languages"] == [{"code": "ar", "name": "العربية"}]
    district_facet = next(f for f in data["facets"] if f["name"] == "district")
    first = district_facet["options"][0]
    assert (first["value"], first["count"], first["selected"]) == ("bezirk-1", 1, True)
    assert first["label"].startswith("الحي 1: Altstadt")  # families name their quarter
    # The German request is unchanged.
    assert search(client, district="bezirk-1")["results"][0]["title"] == "Sprachcafé"


def test_one_offer_with_places_hours_provider_and_translations(client, home, navigator):
    provider = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home), title="Diakonie")
    german = offer(
        navigator,
        title="Familienberatung",
        description=f'<p>Siehe <a linktype="page" id="{navigator.pk}">Navigator</a>.</p>',
        provider=provider,
        phone="0211 123",
        languages=["de", "tr"],
        places=[
            {
                "district": "bezirk-3",
                "quarter": "bilk",
                "latitude": 51.2,
                "longitude": 6.78,
                "wheelchair_access": "yes",
                "opening_hours": hours(
                    [("slot", 0, "09:00", "12:00"), ("slot", 0, "14:00", "16:00"), ("app", 4)]
                ),
            }
        ],
    )
    synchronise_locales()
    data = client.get(f"/api/v1/offers/{german.pk}/").json()
    assert data["provider"]["title"] == "Diakonie"
    assert 'href="http://testserver/de/navigator/"' in data["description_html"]
    place = data["places"][0]
    assert (place["district"]["slug"], place["quarter"]["slug"]) == ("bezirk-3", "bilk")
    assert place["wheelchair_access"]["slug"] == "yes"
    monday, friday = place["opening_hours"][0], place["opening_hours"][4]
    assert monday["slots"] == [
        {"opens": "09:00", "closes": "12:00"},
        {"opens": "14:00", "closes": "16:00"},
    ]
    assert friday["by_appointment"] and not friday["slots"]
    assert data["contact"]["phone"] == "0211 123"
    assert {t["locale"] for t in data["translations"]} >= {"de", "ar"}
    # Not translated into Arabic: the German text, through the Arabic tree's alias.
    arabic = client.get(f"/api/v1/offers/{german.pk}/", {"locale": "ar"}).json()
    assert arabic["title"] == "Familienberatung" and "/ar/" in arabic["url"]


def test_an_unknown_offer_is_not_found(client, navigator):
    response = client.get("/api/v1/offers/999999/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_a_conditional_get_of_the_search_answers_not_modified(client, navigator):
    offer(navigator)
    first = client.get("/api/v1/offers/", {"age": 2})
    again = client.get("/api/v1/offers/", {"age": 2}, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_the_search_needs_the_same_queries_for_a_page_of_2_or_40_offers(
    client, navigator, queries_of, django_assert_max_num_queries
):
    def some(count):
        for _number in range(count):
            offer(
                navigator,
                languages=["de", "ar"],
                provider=None,
                places=[{"district": "bezirk-1", "quarter": "altstadt"}],
            )

    params = {"district": "bezirk-1", "near": "51.2,6.8", "page_size": 100}
    some(2)
    search(client, **params)  # warm the caches of site, index and taxonomy names
    few = queries_of(lambda: search(client, **params))
    some(38)
    search(client, **params)
    with django_assert_max_num_queries(few):
        assert search(client, **params)["count"] == 40
