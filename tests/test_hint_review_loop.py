"""A moderator approves a hint, declines it, or asks its sender for changes: the sender gets a
link to revise the hint they sent, and their revision comes back into the same review."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from wagtail.models import WorkflowState

from familientisch.events.models import EventHintContact, EventPage
from tests import hints_helpers
from tests.factories.home import EventIndexPageFactory
from tests.test_events_hints import german_events, hint, submit

editor = hints_helpers.editor  # a moderator


@pytest.fixture
def index(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def hint_in_review(client, index, editor):
    """A hint an Ukrainian-speaking sender sent, with the moderator's mailbox emptied."""
    client.post("/uk/veranstaltungen/submit/", hint())
    mail.outbox.clear()
    return german_events().get()


def act(client, user, event, action, comment=""):
    """The moderator's click in the admin's workflow menu."""
    client.force_login(user)
    task_state = event.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[event.pk, action, task_state.pk])
    response = client.post(url, {"comment": comment})
    client.logout()
    return response


def mail_to(address):
    return [message for message in mail.outbox if address in message.to]


def revise_link(message):
    return re.search(r"http://\S+/revise/\?link=\S+", message.body).group(0)


def test_asking_for_changes_sends_the_sender_a_link_with_the_comment(
    client, hint_in_review, editor
):
    act(client, editor, hint_in_review, "reject", "Bitte die Uhrzeit ergänzen")
    [message] = mail_to("info@familienzentrum.example")
    assert "Please revise your event hint" in message.subject
    assert "Bitte die Uhrzeit ergänzen" in message.body
    assert "will not be published" not in message.body
    link = revise_link(message)
    assert "/uk/" in link  # the sender's language
    page = client.get(path_of(link))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Bitte die Uhrzeit ergänzen" in html and 'value="Spielenachmittag im Park"' in html
    assert "Spiele für die ganze Familie" in html  # the text as sent, not its HTML


def path_of(link):
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def test_the_sender_revises_the_hint_and_it_comes_back_into_the_same_review(
    client, hint_in_review, editor
):
    act(client, editor, hint_in_review, "reject", "Bitte die Uhrzeit ergänzen")
    link = path_of(revise_link(mail_to("info@familienzentrum.example")[0]))
    mail.outbox.clear()
    revised = hint(title="Spielenachmittag im Park, 15 bis 17 Uhr")
    response = client.post(link, {k: v for k, v in revised.items() if k != "consent"})
    assert response.status_code == 200
    assert "back with our editors" in response.content.decode()
    state = WorkflowState.objects.get(object_id=str(hint_in_review.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.task_states.count() == 2  # the same task, started again
    draft = EventPage.objects.get(pk=hint_in_review.pk).get_latest_revision_as_object()
    assert draft.title == "Spielenachmittag im Park, 15 bis 17 Uhr" and not draft.live
    [to_moderator] = mail_to("redaktion@example.org")
    assert to_moderator.subject.startswith("Revised for review")
    assert "http://127.0.0.1:8000/admin/pages/" in to_moderator.body
    # The link has done its work: a second visit says where the hint is.
    again = client.get(link).content.decode()
    assert "with our editors or already decided on" in again and "hint-form" not in again


def test_a_mistake_in_the_revision_keeps_what_was_typed(client, hint_in_review, editor):
    act(client, editor, hint_in_review, "reject", "Bitte ändern")
    link = path_of(revise_link(mail_to("info@familienzentrum.example")[0]))
    response = client.post(link, hint(title="Neuer Titel", postcode="123"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "A postcode has five digits." in html and 'value="Neuer Titel"' in html


def test_a_tampered_or_expired_link_is_refused_with_a_message(client, hint_in_review, editor):
    act(client, editor, hint_in_review, "reject", "Bitte ändern")
    link = path_of(revise_link(mail_to("info@familienzentrum.example")[0]))
    tampered = client.get(link[:-3] + "xyz")
    assert tampered.status_code == 410 and "no longer valid" in tampered.content.decode()
    with override_settings(EVENT_HINT_REVISION_DAYS=-1):
        assert client.get(link).status_code == 410


def test_declining_ends_the_review_with_its_own_mail(client, hint_in_review, editor):
    act(client, editor, hint_in_review, "decline", "Keine Familienveranstaltung")
    [message] = mail_to("info@familienzentrum.example")
    assert "will not be published" in message.subject
    assert "Keine Familienveranstaltung" in message.body and "/revise/" not in message.body
    assert EventHintContact.objects.get().rejected_at is not None
    state = WorkflowState.objects.get(object_id=str(hint_in_review.pk))
    assert state.status == WorkflowState.STATUS_CANCELLED


def test_approving_publishes_with_its_own_mail(client, hint_in_review, editor):
    act(client, editor, hint_in_review, "approve")
    [message] = mail_to("info@familienzentrum.example")
    assert "is published" in message.subject
    assert EventPage.objects.get(pk=hint_in_review.pk).live


def test_each_moderator_hears_of_a_hint_once_and_the_administrator_not_at_all(
    client, index, editor, django_user_model
):
    django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    submit(client, index, hint())
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "info@familienzentrum.example",
        "redaktion@example.org",
    ]
