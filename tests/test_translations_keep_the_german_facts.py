"""A translated offer stays true to the German one (issue: after a German change to the phone
number and the Tuesday hours, /ar/ kept the old ones; after unpublishing German, /ar/ stayed
online). Facts follow every publication of the German page at once, the prose stays
translated, and a page gone in German is gone in every language."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from familientisch.i18n.localization import synchronise_locales, translate
from familientisch.offers.models import OfferPage
from tests.factories.offers import OfferPageFactory, build_navigator

TUESDAY = [{"type": "slot", "value": {"weekday": "1", "opens": "09:00", "closes": "12:00"}}]
LATER_ON_TUESDAY = [
    {"type": "slot", "value": {"weekday": "1", "opens": "14:00", "closes": "17:30"}}
]
ARABIC_TITLE = "مقهى الآباء في بيلك"


@pytest.fixture
def german(home):
    navigator = build_navigator(home)
    offer = OfferPageFactory(
        parent=navigator,
        title="Elterncafé Bilk",
        phone="0211 111111",
        places=[{"district": "bezirk-3", "street": "Bachstraße 1", "opening_hours": TUESDAY}],
    )
    synchronise_locales()
    return offer


@pytest.fixture
def arabic(german):
    return translate(german, "ar", {"Elterncafé Bilk": ARABIC_TITLE})


def change_phone_and_hours(offer):
    offer = OfferPage.objects.get(pk=offer.pk)
    offer.phone = "0211 222222"
    place = offer.places.get()
    place.street = "Bachstraße 9"
    place.opening_hours = LATER_ON_TUESDAY
    offer.places.set([place])
    return offer


def test_a_german_change_to_phone_and_hours_shows_on_the_arabic_page_right_after_publishing(
    client, german, arabic
):
    before = client.get(arabic.url).content.decode()
    assert ARABIC_TITLE in before and "0211 111111" in before

    change_phone_and_hours(german).save_revision().publish()

    html = client.get(arabic.url).content.decode()
    assert "0211 222222" in html and "0211 111111" not in html
    assert "Bachstraße 9" in html and "17:30" in html and "09:00" not in html
    assert ARABIC_TITLE in html  # the prose stays translated


def test_scheduled_publishing_of_german_carries_the_facts_too(client, german, arabic):
    revision = change_phone_and_hours(german).save_revision(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert revision.approved_go_live_at
    call_command("publish_scheduled")
    assert "0211 222222" in client.get(arabic.url).content.decode()


def test_a_category_removed_in_german_is_removed_in_every_language(german, arabic):
    german = OfferPage.objects.get(pk=german.pk)
    german.categories.set([])
    german.save_revision().publish()
    assert not OfferPage.objects.get(pk=arabic.pk).categories.exists()


def test_unpublishing_german_takes_the_arabic_page_down(client, german, arabic):
    german.unpublish()
    assert client.get(arabic.url).status_code == 404


def test_the_admin_says_before_unpublishing_that_the_translation_goes_too(
    admin_client, german, arabic
):
    confirm = admin_client.get(f"/admin/pages/{german.pk}/unpublish/")
    assert confirm.context["translation_count"] == 1  # "This will also unpublish one translation"
    admin_client.post(f"/admin/pages/{german.pk}/unpublish/")
    assert not OfferPage.objects.get(pk=arabic.pk).live


def test_the_admin_deletes_the_language_versions_with_the_german_page(admin_client, german, arabic):
    versions = OfferPage.objects.filter(translation_key=german.translation_key)
    assert versions.count() == 8  # German, Arabic and six aliases
    confirm = admin_client.get(f"/admin/pages/{german.pk}/delete/")
    assert confirm.context["translation_count"] == 1  # the aliases go without saying
    admin_client.post(f"/admin/pages/{german.pk}/delete/")
    assert not versions.exists()


def test_an_offer_expired_in_german_is_gone_in_arabic_too(client, german, arabic):
    german = OfferPage.objects.get(pk=german.pk)
    german.valid_until = datetime.date.today() - datetime.timedelta(days=1)
    german.save_revision().publish()
    assert client.get(german.url).status_code == 404
    assert client.get(arabic.url).status_code == 404
    navigator = client.get(arabic.get_parent().url).content.decode()
    assert ARABIC_TITLE not in navigator
