"""A page made private (members only, or for logged-in users) appears in no listing that
anonymous visitors and apps read: navigator, API, open data, events, calendar feeds; and a
partner's page chooser in the admin shows neither other partners' drafts nor members-only
minutes (issue: only the site search left private pages out)."""

import pytest
from wagtail.models import PageViewRestriction

from familientisch.protocols.privacy import restrict_to_members
from tests.factories.events import EventPageFactory
from tests.factories.home import EventIndexPageFactory, ProtocolIndexPageFactory
from tests.factories.offers import OfferPageFactory, build_navigator
from tests.factories.partners import PartnerIndexPageFactory, PartnerPageFactory
from tests.factories.protocols import ProtocolPageFactory


def make_private(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def text(client, address, **params):
    response = client.get(address, params)
    assert response.status_code == 200, response.content[:500]
    return response.content.decode()


@pytest.fixture
def offers(home):
    navigator = build_navigator(home)
    places = [{"district": "bezirk-1"}]
    OfferPageFactory(parent=navigator, title="Offene Krabbelgruppe", places=places)
    private = OfferPageFactory(parent=navigator, title="Internes Fachforum", places=places)
    make_private(private)
    return navigator, private


@pytest.fixture
def events(home):
    index = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=index, title="Familienfest im Park")
    private = EventPageFactory(parent=index, title="Klausurtagung des Vorstands")
    make_private(private)
    return index, private


def test_a_private_offer_is_not_in_the_navigator_the_api_or_open_data(client, offers):
    navigator, private = offers
    for address in [navigator.url, "/api/v1/offers/", "/api/v1/hsds/services"]:
        body = text(client, address)
        assert "Offene Krabbelgruppe" in body
        assert "Internes Fachforum" not in body, address
    assert client.get(f"/api/v1/offers/{private.pk}/").status_code == 404
    assert client.get(f"/api/v1/hsds/services/{private.translation_key}").status_code == 404


def test_a_private_event_is_not_in_the_calendar_its_feed_or_the_api(client, events):
    index, private = events
    for address in [index.url, index.url + "feed.ics", "/api/v1/events/"]:
        body = text(client, address)
        assert "Familienfest im Park" in body
        assert "Klausurtagung des Vorstands" not in body, address
    assert client.get(f"/api/v1/events/{private.pk}/").status_code == 404


@pytest.mark.usefixtures("indexes")
def test_a_partners_page_chooser_shows_no_other_drafts_and_no_members_only_minutes(
    client, django_user_model, home
):
    partners = PartnerIndexPageFactory(parent=home)
    own = PartnerPageFactory(parent=partners, title="Familienzentrum Sonne", with_accounts=True)
    other = PartnerPageFactory(parent=partners, title="Kinderhilfe Regen", with_accounts=True)
    other.title = "Kinderhilfe Regen Fusion geplant"
    other.save_revision()
    minutes = ProtocolPageFactory(
        parent=ProtocolIndexPageFactory(parent=home), title="Sitzung Kinderhilfe intern"
    )
    restrict_to_members(minutes)
    user = django_user_model.objects.create_user("sonne", password="pw")
    user.groups.add(own.group)
    client.force_login(user)
    found = text(client, "/admin/choose-page/search/", q="Kinderhilfe")
    assert "Fusion geplant" not in found
    assert "Sitzung Kinderhilfe intern" not in found
    assert "Familienzentrum Sonne" in text(client, "/admin/choose-page/search/", q="Sonne")
    own.title = "Familienzentrum Sonne neu"
    own.save_revision()
    assert "Sonne neu" in text(client, "/admin/choose-page/search/", q="Sonne")
