"""A page not yet translated shows its German text in the visitor's frame (issue: under /ar/ the
whole content was marked German, the Arabic labels included; links went to the German partner
page; switching language dropped the navigator's filters and the search words)."""

import pytest
from wagtail.models import Locale

from familientisch.i18n.localization import synchronise_locales
from tests.factories.offers import OfferPageFactory, build_navigator
from tests.factories.partners import PartnerPageFactory


@pytest.fixture
def arabic_offer(home):
    navigator = build_navigator(home)
    provider = PartnerPageFactory(parent=home, title="Caritas Düsseldorf", slug="caritas")
    offer = OfferPageFactory(parent=navigator, title="Elterncafé", provider=provider)
    synchronise_locales()
    return offer.get_translation(Locale.objects.get(language_code="ar"))


def test_only_the_german_text_of_an_untranslated_offer_is_marked_german(client, arabic_offer):
    html = client.get(arabic_offer.url).content.decode()
    assert '<h1 lang="de" dir="ltr">Elterncafé</h1>' in html
    assert '<p class="offer-summary" lang="de" dir="ltr">' in html
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h2>" in html  # the labels carry no lang: they are Arabic like the page


def test_the_provider_link_goes_to_the_partner_page_in_the_visitors_language(client, arabic_offer):
    html = client.get(arabic_offer.url).content.decode()
    assert 'href="/ar/caritas/"' in html and 'href="/de/caritas/"' not in html


def test_switching_language_keeps_the_navigators_filters(client, arabic_offer):
    html = client.get("/de/navigator/", {"age": "2", "q": "Eltern"}).content.decode()
    assert 'href="/ar/navigator/?age=2&amp;q=Eltern" lang="ar" hreflang="ar"' in html
