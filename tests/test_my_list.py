"""A family keeps offers and events in "my list": no account, nothing stored on our side (a
cookie in their browser), a link to share, a page to print, and the site as an app that opens
the list offline. The pages with the keep button stay the same for everybody, and cacheable."""

import json

import pytest

from familientisch.shortlist.kept import COOKIE, MAX_KEPT
from tests.factories.events import EventPageFactory
from tests.factories.home import EventIndexPageFactory, ShortlistPageFactory
from tests.factories.offers import OfferPageFactory

PLAYGROUP_HOURS = [{"type": "slot", "value": {"weekday": "3", "opens": "09:00", "closes": "11:00"}}]


@pytest.fixture
def my_list(home):
    return ShortlistPageFactory(parent=home)


@pytest.fixture
def playgroup(navigator):
    return OfferPageFactory(
        parent=navigator,
        title="Krabbelgruppe im Stadtteiltreff",
        phone="0211 899 1234",
        places=[
            {"district": "bezirk-3", "street": "Bilker Allee 1", "opening_hours": PLAYGROUP_HOURS}
        ],
    )


def keep(client, page, action="keep", **headers):
    return client.post(
        "/my-list/keep/", {"page": page.pk, "next": page.url, "action": action}, headers=headers
    )


def test_a_family_keeps_an_offer_and_finds_it_with_phone_address_and_hours(
    client, my_list, playgroup
):
    response = keep(client, playgroup)
    assert response.status_code == 302
    assert response["Location"] == f"{playgroup.url}?kept={playgroup.pk}"
    cookie = response.cookies[COOKIE]
    assert cookie.value == str(playgroup.pk) and cookie["httponly"] and cookie["samesite"] == "Lax"

    offer_page = client.get(response["Location"]).content.decode()
    assert "Kept in your list." in offer_page and my_list.url in offer_page

    page = client.get(my_list.url).content.decode()
    assert "Krabbelgruppe im Stadtteiltreff" in page
    assert 'href="tel:02118991234"' in page
    assert "Bilker Allee 1" in page and "09:00–11:00" in page


def test_removing_an_offer_takes_it_off_the_list(client, my_list, playgroup):
    keep(client, playgroup)
    keep(client, playgroup, action="remove")
    assert "Krabbelgruppe" not in client.get(my_list.url).content.decode()


def test_a_shared_link_opens_the_same_list_on_another_phone_and_keeps_it(
    client, my_list, playgroup, home
):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), title="Elterncafé")
    response = client.get(my_list.url, {"pages": f"{playgroup.pk}.{event.pk}"})
    page = response.content.decode()
    assert page.index("Krabbelgruppe") < page.index("Elterncafé")
    assert "wa.me/?text=" in page and "sms:?&amp;body=" in page and "<svg" in page  # QR code
    assert response.cookies[COOKIE].value == f"{playgroup.pk}.{event.pk}"


def test_the_list_is_never_kept_in_a_shared_cache(client, my_list, playgroup):
    keep(client, playgroup)
    assert client.get(my_list.url)["Cache-Control"] == "private, no-cache"


def test_the_pages_with_a_keep_button_stay_the_same_for_everybody(client, my_list, home):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home))
    response = client.get(event.url)
    assert "Keep in my list" in response.content.decode()
    assert "public" in response["Cache-Control"] and not response.cookies


def test_a_post_from_another_site_changes_nothing(client, my_list, playgroup):
    response = keep(client, playgroup, origin="https://elsewhere.example")
    assert COOKIE not in response.cookies


def test_a_list_keeps_at_most_its_limit_and_drops_the_oldest(client, my_list, navigator):
    offers = [OfferPageFactory(parent=navigator) for _ in range(MAX_KEPT + 1)]
    client.cookies[COOKIE] = ".".join(str(offer.pk) for offer in offers[:MAX_KEPT])
    response = keep(client, offers[-1])
    kept = response.cookies[COOKIE].value.split(".")
    assert len(kept) == MAX_KEPT and kept[-1] == str(offers[-1].pk)
    assert kept[0] == str(offers[1].pk)


def test_a_long_list_needs_no_query_per_page(client, my_list, navigator, queries_of):
    offers = [
        OfferPageFactory(parent=navigator, places=[{"district": "bezirk-1"}]) for _ in range(8)
    ]

    def show(count):
        client.cookies[COOKIE] = ".".join(str(offer.pk) for offer in offers[:count])
        return lambda: client.get(my_list.url)

    show(1)()  # the site, its locales and settings read once
    assert queries_of(show(8)) <= queries_of(show(2))


def test_the_site_installs_as_an_app_whose_worker_never_stores_private_pages(client):
    manifest = client.get("/manifest.webmanifest")
    assert manifest["Content-Type"] == "application/manifest+json"
    assert {icon["sizes"] for icon in json.loads(manifest.content)["icons"]} == {
        "192x192",
        "512x512",
    }
    worker = client.get("/service-worker.js")
    assert worker["Content-Type"].startswith("text/javascript")
    assert worker["Cache-Control"] == "no-cache"
    source = worker.content.decode()
    assert "private|no-store" in source and "admin|api|documents" in source
