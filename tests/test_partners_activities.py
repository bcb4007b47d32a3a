"""A partner's page shows what the partner currently offers and which events are coming up."""

import datetime

import pytest

from familientisch.i18n.localization import synchronise_locales, translate
from tests.factories.events import EventPageFactory, in_days
from tests.factories.home import EventIndexPageFactory, PartnerIndexPageFactory
from tests.factories.offers import OfferPageFactory, build_navigator
from tests.factories.partners import PartnerPageFactory


@pytest.fixture
def site(home):
    return {
        "partners": PartnerIndexPageFactory(parent=home),
        "navigator": build_navigator(home),
        "events": EventIndexPageFactory(parent=home),
    }


def test_the_partner_page_lists_current_offers_and_upcoming_events(client, site):
    partner = PartnerPageFactory(parent=site["partners"], title="Familienzentrum Lichtblick")
    other = PartnerPageFactory(parent=site["partners"], title="Kirchengemeinde")
    OfferPageFactory(parent=site["navigator"], title="Elterncafé", provider=partner)
    OfferPageFactory(
        parent=site["navigator"],
        title="Ausgelaufenes Angebot",
        provider=partner,
        valid_until=datetime.date.today() - datetime.timedelta(days=1),
    )
    OfferPageFactory(parent=site["navigator"], title="Fremdes Angebot", provider=other)
    EventPageFactory(parent=site["events"], title="Sommerfest", organiser=partner)
    EventPageFactory(
        parent=site["events"],
        title="Vorbei",
        organiser=partner,
        start=in_days(-10),
        end=in_days(-10, 12),
    )

    html = client.get(partner.url).content.decode()

    assert "Elterncafé" in html and "Sommerfest" in html
    assert "Ausgelaufenes Angebot" not in html and "Vorbei" not in html
    assert "Fremdes Angebot" not in html


def test_a_translated_partner_page_lists_the_offers_in_its_language(client, site):
    partner = PartnerPageFactory(parent=site["partners"], title="Familienzentrum Lichtblick")
    offer = OfferPageFactory(parent=site["navigator"], title="Elterncafé", provider=partner)
    synchronise_locales()
    translate(offer, "en", {"Elterncafé": "Parents' café"})
    html = client.get("/en/partner/" + partner.slug + "/").content.decode()
    assert "Parents&#x27; café" in html or "Parents' café" in html


def test_the_partner_page_needs_the_same_queries_for_many_activities(
    client, site, queries_of, django_assert_max_num_queries
):
    partner = PartnerPageFactory(parent=site["partners"])
    OfferPageFactory(parent=site["navigator"], provider=partner)
    EventPageFactory(parent=site["events"], organiser=partner)
    client.get(partner.url)
    few = queries_of(lambda: client.get(partner.url))
    OfferPageFactory.create_batch(6, parent=site["navigator"], provider=partner)
    EventPageFactory.create_batch(6, parent=site["events"], organiser=partner)
    with django_assert_max_num_queries(few):
        html = client.get(partner.url).content.decode()
    assert html.count("<li><a href=") >= 14
