"""A family opens an offer: all details, opening hours with "open now", JSON-LD for search
engines, and a form to report a mistake that reaches the editors."""

import datetime
import json
import re
import time

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import override_settings

from familientisch.offers.models import MistakeReport
from tests.factories.offers import OfferPageFactory, build_navigator
from tests.factories.partners import PartnerPageFactory
from tests.mail_server import SMTPServer, queued_mail, recipients, run_due_tasks, task_states

MONDAY_MORNING = [
    {"type": "slot", "value": {"weekday": "0", "opens": "09:00", "closes": "12:00"}},
    {"type": "slot", "value": {"weekday": "0", "opens": "14:00", "closes": "16:00"}},
    {"type": "appointment", "value": {"weekday": "3"}},
]


@pytest.fixture
def offer(home):
    navigator = build_navigator(home)
    provider = PartnerPageFactory(
        parent=home, title="Caritas Düsseldorf", website="https://caritas.example"
    )
    return OfferPageFactory(
        parent=navigator,
        title="Elterncafé Bilk",
        provider=provider,
        age_min_months=0,
        age_max_months=35,
        languages=["de", "ar"],
        phone="0211 12345",
        places=[
            {
                "district": "bezirk-3",
                "quarter": "bilk",
                "latitude": 51.2,
                "longitude": 6.78,
                "opening_hours": MONDAY_MORNING,
            }
        ],
    )


def json_ld(response):
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(match.group(1))


def test_the_offer_page_shows_details_hours_and_provider_link(client, offer):
    html = client.get(offer.url).content.decode()
    for text in [
        "Elterncafé Bilk",
        "Caritas Düsseldorf",
        "Stadtbezirk 3",
        "Bilk",
        "09:00–12:00",
        "14:00–16:00",
        "by appointment only",
        "closed",
        "0211 12345",
        "navigator-map",
    ]:
        assert text in html


def test_open_now_follows_the_hours_in_berlin_time(offer):
    place = offer.places.get()
    berlin = datetime.timezone(datetime.timedelta(hours=1))  # a Monday in winter
    assert place.is_open_at(datetime.datetime(2026, 1, 5, 10, 30, tzinfo=berlin))
    assert not place.is_open_at(datetime.datetime(2026, 1, 5, 13, 0, tzinfo=berlin))
    assert not place.is_open_at(datetime.datetime(2026, 1, 8, 10, 0, tzinfo=berlin))


def test_json_ld_describes_the_service(client, offer):
    data = json_ld(client.get(offer.url))
    assert data["@type"] == "Service"
    assert data["provider"]["name"] == "Caritas Düsseldorf"
    assert data["areaServed"][0]["name"] == "Stadtbezirk 3"
    assert data["audience"]["suggestedMaxAge"] == 2
    assert {lang["alternateName"] for lang in data["availableLanguage"]} == {"de", "ar"}
    assert data["hoursAvailable"][0] == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "Monday",
        "opens": "09:00",
        "closes": "12:00",
    }


class StoredFirstBackend(EmailBackend):
    """Records whether the report was already stored when the mail went out."""

    stored_at_send = None

    def send_messages(self, messages):
        StoredFirstBackend.stored_at_send = MistakeReport.objects.count()
        return super().send_messages(messages)


@override_settings(
    NAVIGATOR_EDITORS_EMAILS=["redaktion@example.org"],
    EMAIL_BACKEND="tests.test_offers_page.StoredFirstBackend",
)
def test_a_mistake_report_is_stored_before_the_editors_are_mailed(client, offer):
    response = client.post(
        offer.url, {"kind": "hours", "message": "Montags erst ab 10 Uhr.", "email": ""}
    )
    assert response.status_code == 302
    report = MistakeReport.objects.get()
    assert (report.offer_id, report.kind) == (offer.pk, "hours")
    assert StoredFirstBackend.stored_at_send == 1
    assert mail.outbox[0].to == ["redaktion@example.org"]
    assert "Thank you" in client.get(response["Location"]).content.decode()


def test_a_mistake_report_waits_for_a_mail_server_that_is_down_and_reaches_the_editors(
    client, offer, django_capture_on_commit_callbacks
):
    with (
        SMTPServer() as server,
        override_settings(
            NAVIGATOR_EDITORS_EMAILS=["redaktion@example.org"], **queued_mail(server)
        ),
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(offer.url, {"kind": "closed", "message": "Seit Mai zu."})
        assert response.status_code == 302
        assert MistakeReport.objects.get().message == "Seit Mai zu."
        assert "Thank you! Our editors will check your hint." in (
            client.get(response["Location"]).content.decode()
        )
        run_due_tasks()
        assert task_states() == {"FAILED": 1, "READY": 1}
        server.refusing = False
        time.sleep(0.6)
        run_due_tasks()
    assert recipients(server) == ["redaktion@example.org"]


def test_a_report_with_errors_keeps_the_values_and_ties_errors_to_fields(client, offer):
    response = client.post(offer.url, {"kind": "moved", "message": "", "email": "kaputt"})
    html = response.content.decode()
    assert response.status_code == 400
    assert MistakeReport.objects.count() == 0
    assert 'value="kaputt"' in html
    assert 'value="moved" checked' in html
    assert 'aria-describedby="id_email-errors"' in html


def test_the_honeypot_stops_bots(client, offer):
    client.post(offer.url, {"kind": "other", "message": "Spam", "homepage": "http://spam"})
    assert MistakeReport.objects.count() == 0


@override_settings(PUBLIC_FORM_RATE_LIMIT=(2, 60))
def test_a_flood_of_reports_is_refused_with_a_message(client, offer):
    data = {"kind": "other", "message": "Noch ein Hinweis"}
    answers = [client.post(offer.url, data) for _ in range(3)]
    assert [answer.status_code for answer in answers] == [302, 302, 429]
    assert int(answers[2]["Retry-After"]) > 0
    assert "Too many reports from your address" in answers[2].content.decode()
    assert MistakeReport.objects.count() == 2
