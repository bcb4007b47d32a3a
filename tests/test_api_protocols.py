"""Apps read the minutes: public ones for everybody, members-only ones with a member's token."""

import datetime

import pytest
from wagtail.models import APIToken

from familientisch.i18n.localization import synchronise_locales, translate
from familientisch.protocols.privacy import members_group, restrict_to_members
from tests.factories.protocols import ProtocolIndexPageFactory, ProtocolPageFactory, agenda_item


@pytest.fixture
def index(home):
    return ProtocolIndexPageFactory(parent=home)


def protocol(index, day, title, text="Bericht."):
    return ProtocolPageFactory(
        parent=index,
        title=title,
        meeting_date=day,
        place="Bürgerhaus Bilk",
        agenda=[agenda_item(1, "Begrüßung", text)],
    )


def token_for(user):
    return {"authorization": f"Bearer {APIToken.create_token(user=user, name='app')[1]}"}


def test_the_list_shows_public_protocols_newest_first(client, index):
    protocol(index, datetime.date(2018, 2, 28), "Februar")
    protocol(index, datetime.date(2018, 6, 6), "Juni")
    data = client.get("/api/v1/protocols/").json()
    assert [item["title"] for item in data["results"]] == ["Juni", "Februar"]
    assert data["count"] == 2


def test_a_protocol_comes_with_its_agenda_and_translations(client, index):
    page = protocol(index, datetime.date(2018, 6, 6), "Juni", "Der Navigator ist online.")
    data = client.get(f"/api/v1/protocols/{page.pk}/").json()
    assert data["meeting_date"] == "2018-06-06"
    assert data["agenda"][0]["number"] == "1"
    assert data["agenda"][0]["anchor"] == "top-1"
    assert "Der Navigator ist online." in data["agenda"][0]["text_html"]
    assert [(t["locale"], t["url"]) for t in data["translations"]] == [("de", data["url"])]
    assert data["url"] == f"http://localhost/de/protokolle/{page.slug}/"  # the site's address


def test_a_protocol_is_fetched_in_another_language(client, index):
    page = protocol(index, datetime.date(2018, 6, 6), "Sitzung im Juni")
    synchronise_locales()
    translate(page, "ar", {"Sitzung im Juni": "اجتماع يونيو"})
    data = client.get(f"/api/v1/protocols/{page.pk}/", {"locale": "ar"}).json()
    assert data["title"] == "اجتماع يونيو"
    assert data["url"].startswith("http://localhost/ar/protokolle/")


def test_members_only_protocols_stay_hidden_without_a_members_token(
    client, index, django_user_model
):
    private = protocol(index, datetime.date(2018, 9, 12), "Intern")
    restrict_to_members(private)
    member = django_user_model.objects.create_user("mitglied")
    member.groups.add(members_group())
    stranger = django_user_model.objects.create_user("fremd")

    assert client.get("/api/v1/protocols/").json()["count"] == 0
    assert client.get(f"/api/v1/protocols/{private.pk}/").status_code == 404
    assert client.get("/api/v1/protocols/", headers=token_for(stranger)).json()["count"] == 0
    members_view = client.get("/api/v1/protocols/", headers=token_for(member)).json()
    assert members_view["results"][0]["members_only"] is True
    detail = client.get(f"/api/v1/protocols/{private.pk}/", headers=token_for(member))
    assert detail.status_code == 200


def test_an_unknown_protocol_is_a_json_404(client, index):
    response = client.get("/api/v1/protocols/999999/")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_the_list_needs_the_same_queries_for_many_protocols(
    client, index, queries_of, django_assert_max_num_queries
):
    for day in range(1, 4):
        protocol(index, datetime.date(2018, 1, day), f"Sitzung {day}")
    few = queries_of(lambda: client.get("/api/v1/protocols/"))
    for day in range(4, 25):
        protocol(index, datetime.date(2018, 1, day), f"Sitzung {day}")
    with django_assert_max_num_queries(few):
        assert client.get("/api/v1/protocols/").json()["count"] == 24


@pytest.mark.usefixtures("indexes")
def test_the_list_is_searchable_by_text(client, index):
    protocol(index, datetime.date(2018, 2, 28), "Februar", "Die Kitaplätze reichen nicht.")
    protocol(index, datetime.date(2018, 6, 6), "Juni", "Der Navigator ist online.")
    data = client.get("/api/v1/protocols/", {"q": "Navigator"}).json()
    assert [item["title"] for item in data["results"]] == ["Juni"]
