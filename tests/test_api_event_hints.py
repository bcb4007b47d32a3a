"""An app posts an event hint: it takes the public form's path into moderation, with the same
checks and the same limit per address; a partner's token names the partner as organiser."""

import datetime as dt

import pytest
from django.core import mail
from django.core.validators import EmailValidator
from django.test import override_settings
from django.utils import timezone, translation
from wagtail.models import APIToken

from familientisch.events.models import EventHintContact, EventPage
from familientisch.events.moderation import WORKFLOW_NAME
from familientisch.taxonomy.seed import seed_taxonomies
from tests import hints_helpers
from tests.factories.home import EventIndexPageFactory
from tests.factories.partners import PartnerIndexPageFactory, PartnerPageFactory


@pytest.fixture
def index(home):
    seed_taxonomies()
    return EventIndexPageFactory(parent=home)


editor = hints_helpers.editor  # the moderator fixture, shared with the other hint tests


def hint(**changes):
    return hints_helpers.hint_answers(district="bezirk-3", consent=True) | changes


def post(client, data, locale="en"):
    return client.post(
        f"/api/v1/event-hints/?locale={locale}", data, content_type="application/json"
    )


def german_events():
    return EventPage.objects.filter(locale__language_code="de")


def test_a_hint_lands_as_a_draft_in_moderation_and_mails_go_out(client, index, editor):
    response = post(client, hint())
    assert response.status_code == 201, response.content
    reference = response.json()["reference"]
    event = german_events().get()
    assert not event.live and event.title == "Spielenachmittag im Park"
    assert event.district.slug == "bezirk-3"
    assert event.current_workflow_state.workflow.name == WORKFLOW_NAME
    assert EventHintContact.objects.get(page=event).reference == reference
    assert {address for message in mail.outbox for address in message.to} == {
        "redaktion@example.org",
        "info@familienzentrum.example",
    }
    assert response.json()["organiser"] is None


def test_bad_input_gets_a_message_per_field_and_stores_nothing(client, index):
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    response = post(client, hint(start_date=yesterday, contact_email="nope", place_name=""))
    assert response.status_code == 422
    fields = {error["loc"][-1]: error["msg"] for error in response.json()["detail"]}
    assert set(fields) == {"start_date", "contact_email", "place_name"}
    assert fields["start_date"] == "The date must not be in the past."
    assert not german_events().exists()


def test_consent_is_required(client, index):
    refused = post(client, hint(consent=False))
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"][-1] == "consent"
    missing = post(client, {key: value for key, value in hint().items() if key != "title"})
    assert missing.status_code == 422


def test_messages_come_in_the_requested_language(client, index):
    response = post(client, hint(contact_email="nope"), locale="ar")
    assert response.status_code == 422
    with translation.override("ar"):
        expected = str(EmailValidator.message)
    assert expected.startswith("أد")
    assert response.json()["detail"][0]["msg"] == expected


def test_a_malformed_postcode_is_refused_by_the_schema(client, index):
    response = post(client, hint(postcode="123"))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "postcode"]


@override_settings(PUBLIC_FORM_RATE_LIMIT=(2, 3600))
def test_the_same_limit_per_address_as_the_form(client, index):
    assert post(client, hint()).status_code == 201
    assert post(client, hint()).status_code == 201
    refused = post(client, hint())
    assert refused.status_code == 429
    assert "Too many hints" in refused.json()["detail"]
    assert german_events().count() == 2


def test_a_partner_token_makes_the_partner_the_organiser(client, home, index, django_user_model):
    partner = PartnerPageFactory(
        parent=PartnerIndexPageFactory(parent=home), title="AWO Bilk", with_accounts=True
    )
    user = django_user_model.objects.create_user("awo")
    user.groups.add(partner.group)
    _token, plaintext = APIToken.create_token(user=user, name="Vereins-App")
    response = client.post(
        "/api/v1/event-hints/",
        hint(),
        content_type="application/json",
        headers={"authorization": f"Bearer {plaintext}"},
    )
    assert response.status_code == 201, response.content
    assert response.json()["organiser"]["title"] == "AWO Bilk"
    assert german_events().get().organiser == partner


def test_without_an_events_calendar_there_is_nowhere_to_send_a_hint(client, home):
    response = post(client, hint(district=""))
    assert response.status_code == 404
    assert response.json()["detail"] == "No calendar takes event hints."
