"""Editors keep offers right: validation with messages on the fields, stale offers and
reported mistakes on the dashboard, and a one-click reminder to the provider."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings
from wagtail.models import Locale

from familientisch.offers.models import MistakeReport, OfferPage, OfferPlace
from familientisch.taxonomy.models import District, Quarter
from tests.factories.offers import OfferPageFactory, build_navigator
from tests.factories.partners import PartnerPageFactory
from tests.mail_server import SMTPServer, queued_mail, task_states

LONG_AGO = datetime.date.today() - datetime.timedelta(days=200)


@pytest.fixture
def navigator(home):
    return build_navigator(home)


@pytest.fixture
def editor(client, django_user_model, db):
    user = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    client.force_login(user)
    return user


def errors_of(instance):
    with pytest.raises(ValidationError) as raised:
        instance.full_clean()
    return raised.value.message_dict


def test_validity_must_not_end_before_it_starts(navigator):
    offer = OfferPage(
        title="X",
        slug="x",
        summary="S",
        valid_from=datetime.date(2026, 5, 1),
        valid_until=datetime.date(2026, 4, 1),
    )
    assert "valid_until" in errors_of(offer)


def test_minimum_age_must_not_be_above_maximum(navigator):
    offer = OfferPage(title="X", slug="x", summary="S", age_min_months=40, age_max_months=30)
    assert "age_max_months" in errors_of(offer)


def test_places_need_coordinates_in_range_and_a_quarter_of_their_district(navigator):
    offer = OfferPageFactory(parent=navigator)
    locale = Locale.get_default()
    place = OfferPlace(page=offer, locale=locale, latitude=95, longitude=6.7)
    assert "latitude" in errors_of(place)
    place = OfferPlace(
        page=offer,
        locale=locale,
        district=District.objects.get(slug="bezirk-1"),
        quarter=Quarter.objects.get(slug="garath"),
    )
    assert "quarter" in errors_of(place)


def test_the_admin_form_shows_the_validity_error_on_the_field(client, editor, navigator):
    form_class = OfferPage.get_edit_handler().get_form_class()
    form = form_class(
        {
            "title": "X",
            "slug": "x",
            "summary": "S",
            "valid_from": "2026-05-01",
            "valid_until": "2026-04-01",
            "age_min_months": 0,
            "age_max_months": 252,
            "cost": "free",
            "places-TOTAL_FORMS": 0,
            "places-INITIAL_FORMS": 0,
            "places-MIN_NUM_FORMS": 0,
            "places-MAX_NUM_FORMS": 1000,
        },
        instance=OfferPage(),
        parent_page=navigator,
        for_user=editor,
    )
    assert not form.is_valid()
    assert "valid_until" in form.errors


def test_the_dashboard_lists_offers_not_checked_for_180_days(client, editor, navigator):
    OfferPageFactory(parent=navigator, title="Lange nicht geprüft", last_checked=LONG_AGO)
    OfferPageFactory(parent=navigator, title="Frisch geprüft")
    html = client.get("/admin/").content.decode()
    assert "Lange nicht geprüft" in html
    assert "Frisch geprüft" not in html
    assert "Remind provider" in html


def test_one_click_reminds_the_provider_and_records_it(client, editor, navigator, home):
    provider = PartnerPageFactory(parent=home, contact_email="kontakt@caritas.example")
    offer = OfferPageFactory(
        parent=navigator, provider=provider, last_checked=LONG_AGO, email="angebot@example.org"
    )
    response = client.post(f"/admin/offers/{offer.pk}/remind/")
    assert response.status_code == 302
    assert mail.outbox[0].to == ["kontakt@caritas.example"]
    assert offer.title in mail.outbox[0].body
    offer.refresh_from_db()
    assert offer.provider_reminded_at is not None


def test_the_editor_is_told_the_reminder_is_queued_not_that_it_was_sent(
    client, editor, navigator, django_capture_on_commit_callbacks
):
    offer = OfferPageFactory(parent=navigator, last_checked=LONG_AGO, email="angebot@example.org")
    with SMTPServer() as server, override_settings(**queued_mail(server)):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/admin/offers/{offer.pk}/remind/", follow=True)
        assert "Reminder to angebot@example.org queued for sending." in response.content.decode()
        assert task_states() == {"READY": 1}


def test_without_a_provider_address_the_offer_email_is_reminded(client, editor, navigator):
    offer = OfferPageFactory(parent=navigator, last_checked=LONG_AGO, email="angebot@example.org")
    client.post(f"/admin/offers/{offer.pk}/remind/")
    assert mail.outbox[0].to == ["angebot@example.org"]


def test_reminding_needs_a_post_by_an_editor(client, navigator, django_user_model):
    offer = OfferPageFactory(parent=navigator, last_checked=LONG_AGO, email="a@example.org")
    assert client.post(f"/admin/offers/{offer.pk}/remind/").status_code == 302  # to login
    user = django_user_model.objects.create_superuser("r", "r@example.org", "pw")
    client.force_login(user)
    assert client.get(f"/admin/offers/{offer.pk}/remind/").status_code == 405
    assert mail.outbox == []


def test_reported_mistakes_appear_on_the_dashboard_with_a_link(client, editor, navigator):
    offer = OfferPageFactory(parent=navigator, title="Babytreff")
    MistakeReport.objects.create(offer=offer, kind="moved", message="Jetzt in der Kirchstraße")
    html = client.get("/admin/").content.decode()
    assert "Jetzt in der Kirchstraße" in html
    assert f"/admin/pages/{offer.pk}/edit/" in html


def test_a_partner_account_sees_neither_visitors_reports_nor_offers_it_cannot_edit(
    client, django_user_model, navigator, home
):
    offer = OfferPageFactory(parent=navigator, title="Babytreff", last_checked=LONG_AGO)
    MistakeReport.objects.create(
        offer=offer, kind="moved", message="Umgezogen", email="mutter@example.org"
    )
    partner = PartnerPageFactory(parent=home, title="Sportverein", with_accounts=True)
    user = django_user_model.objects.create_user("sportverein", password="pw")
    user.groups.add(partner.group)
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200  # the partner's dashboard
    html = response.content.decode()
    assert "mutter@example.org" not in html and "Umgezogen" not in html
    assert "Babytreff" not in html
