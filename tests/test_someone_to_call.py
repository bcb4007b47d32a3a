"""Whom can a family call? Every page names the emergency numbers and the office's help line;
every offer with a phone shows it first, as a button that dials; an editor hears when an offer
has nobody to call; the calendar opens with one tap."""

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from wagtail.models import Site

from familientisch.offers.wagtail_hooks import warn_when_nobody_can_be_called
from home.models import HelpLine
from tests.factories.events import EventPageFactory
from tests.factories.home import EventIndexPageFactory
from tests.factories.offers import OfferPageFactory

EMERGENCY = ["tel:110", "tel:112", "tel:116111", "tel:08001110550", "tel:116016"]


@pytest.mark.parametrize("language", ["de", "ar", "uk"])
def test_every_page_names_the_emergency_numbers_and_the_help_line(client, home, language):
    help_line = HelpLine.for_site(Site.objects.get(is_default_site=True))
    help_line.phone, help_line.weekday_hours = "0211 89-98899", "9–15"
    help_line.save()
    page = client.get(f"/{language}/").content.decode()
    for number in EMERGENCY:
        assert f'href="{number}"' in page
    assert 'href="tel:021189-98899"' in page and "9–15" in page


def test_an_offer_card_puts_the_phone_first_as_a_button_that_dials(client, navigator):
    OfferPageFactory(parent=navigator, title="Elternberatung", phone="0211 899 77")
    page = client.get(navigator.url).content.decode()
    card = page[page.index('class="offer-card"') :]
    assert card.index('href="tel:021189977"') < card.index("offer-facts")


def editor_request(admin_user):
    request = RequestFactory().post("/admin/")
    request.user = admin_user
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_an_editor_hears_when_an_offer_has_nobody_to_call(navigator, admin_user):
    silent = OfferPageFactory(parent=navigator, phone="", contact_person="")
    request = editor_request(admin_user)
    warn_when_nobody_can_be_called(request, silent)
    (message,) = get_messages(request)
    assert "neither a phone number nor a contact person" in str(message)

    reachable = OfferPageFactory(parent=navigator, phone="", contact_person="Frau Yılmaz")
    request = editor_request(admin_user)
    warn_when_nobody_can_be_called(request, reachable)
    assert list(get_messages(request)) == []


def test_the_calendar_opens_with_one_tap(client, home):
    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=index)
    listing = client.get(index.url).content.decode()
    assert 'href="webcal://testserver/de/veranstaltungen/feed.ics"' in listing
    assert "Add these events to my calendar" in listing
    assert "Add to my calendar" in client.get(event.url).content.decode()


def test_an_offer_lists_the_events_at_its_place_and_an_event_the_offers(client, navigator, home):
    offer = OfferPageFactory(
        parent=navigator,
        title="Stadtteiltreff Bilk",
        places=[{"district": "bezirk-3", "street": "Bachstraße 145", "postcode": "40217"}],
    )
    index = EventIndexPageFactory(parent=home)
    playgroup = EventPageFactory(parent=index, title="Krabbelgruppe", street="Bachstraße 145")
    EventPageFactory(parent=index, title="Anderswo", street="Kölner Straße 1")
    offer_page = client.get(offer.url).content.decode()
    assert "Also at this place" in offer_page
    assert "Krabbelgruppe" in offer_page and "Anderswo" not in offer_page
    assert "Stadtteiltreff Bilk" in client.get(playgroup.url).content.decode()
