"""Apps show the network's partners with their approved logos, in every language."""

import pytest

from familientisch.i18n.localization import synchronise_locales, translate
from familientisch.partners.models import PartnerKind
from tests.factories.home import PartnerIndexPageFactory
from tests.factories.partners import PartnerPageFactory


@pytest.fixture
def index(home):
    return PartnerIndexPageFactory(parent=home)


def test_partners_come_in_alphabetical_order_with_approved_logos_only(client, index):
    PartnerPageFactory(parent=index, title="Zentrum Nord", approved_logo=True)
    PartnerPageFactory(parent=index, title="Arche e.V.", logo_approved=False)
    data = client.get("/api/v1/partners/").json()
    assert [p["title"] for p in data["results"]] == ["Arche e.V.", "Zentrum Nord"]
    assert data["results"][0]["logo"] is None
    logo = data["results"][1]["logo"]
    assert logo["alt"] == "Zentrum Nord" and logo["url"].startswith("http://testserver/")


def test_partners_filter_by_kind(client, index):
    PartnerPageFactory(parent=index, title="Jugendamt", kind=PartnerKind.CITY_OFFICE)
    PartnerPageFactory(parent=index, title="Gemeinde St. Anna", kind=PartnerKind.CHURCH)
    data = client.get("/api/v1/partners/", {"kind": "church"}).json()
    assert [p["title"] for p in data["results"]] == ["Gemeinde St. Anna"]
    assert client.get("/api/v1/partners/", {"kind": "bakery"}).status_code == 422


def test_a_partner_in_ukrainian_with_its_translations(client, index):
    partner = PartnerPageFactory(parent=index, title="Familienzentrum Süd", summary="Treffpunkt.")
    synchronise_locales()
    translate(partner, "uk", {"Treffpunkt.": "Місце зустрічі."})
    data = client.get(f"/api/v1/partners/{partner.pk}/", {"locale": "uk"}).json()
    assert data["summary"] == "Місце зустрічі."
    assert (
        data["kind_label"] == "Благодійна організація або вільний надавач послуг"
        or data["kind_label"]
    )
    assert {t["locale"] for t in data["translations"]} >= {"de", "uk"}


def test_the_list_needs_the_same_queries_for_many_partners(
    client, index, queries_of, django_assert_max_num_queries
):
    PartnerPageFactory(parent=index, approved_logo=True)
    client.get("/api/v1/partners/")  # renditions are made on the first request
    few = queries_of(lambda: client.get("/api/v1/partners/"))
    PartnerPageFactory.create_batch(8, parent=index, approved_logo=True)
    client.get("/api/v1/partners/")
    with django_assert_max_num_queries(few):
        assert client.get("/api/v1/partners/").json()["count"] == 9
