"""Partners send event hints through a public form; nothing is published until an editor
has reviewed it, and the sender hears about each step by email."""

import datetime as dt
import io
import time

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from PIL import Image

from familientisch.events.models import EventHintContact, EventPage
from familientisch.events.moderation import WORKFLOW_NAME
from familientisch.events.occurrences import BERLIN
from tests import hints_helpers
from tests.factories.events import EventPageFactory, in_days
from tests.factories.home import EventIndexPageFactory
from tests.mail_server import SMTPServer, queued_mail, recipients, run_due_tasks, task_states


@pytest.fixture
def index(home):
    return EventIndexPageFactory(parent=home)


editor = hints_helpers.editor  # the moderator fixture, shared with the other hint tests


def hint(**changes):
    # The form posts every field, an empty one too; "homepage" is the honeypot.
    blank = {"end_date": "", "street": "", "online_url": "", "homepage": ""}
    return hints_helpers.hint_answers(**blank, consent="on") | changes


def german_events():
    # Each hint gets an alias in every other language tree, as a page made in the admin does.
    return EventPage.objects.filter(locale__language_code="de")


def submit(client, index, data, **extra):
    return client.post(index.url + "submit/", data, **extra)


def image_with_gps():
    image = Image.new("RGB", (64, 48), "orange")
    exif = Image.Exif()
    exif[0x010F] = "Kamerahersteller"  # Make
    exif[0x8825] = {1: "N", 2: (51.0, 13.0, 0.0)}  # GPSInfo
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def test_the_form_is_offered_in_every_site_language(client, index):
    for code in ["de", "en", "ar"]:
        response = client.get(f"/{code}/veranstaltungen/submit/")
        assert response.status_code == 200
        html = response.content.decode()
        assert f'lang="{code}"' in html
        assert 'name="consent"' in html and "Art. 6(1)(e) GDPR" in html


def test_a_hint_becomes_a_draft_in_review_and_both_sides_get_an_email(client, index, editor):
    response = submit(client, index, hint())
    assert response.status_code == 200
    event = german_events().get(title="Spielenachmittag im Park")
    assert not event.live
    assert event.get_parent().pk == index.pk
    assert event.current_workflow_state.workflow.name == WORKFLOW_NAME
    assert event.current_workflow_state.status == "in_progress"
    contact = event.hint_contact
    assert contact.email == "info@familienzentrum.example"
    assert contact.reference in response.content.decode()
    assert event.start.astimezone(BERLIN).hour == 15
    to_editors = [m for m in mail.outbox if "redaktion@example.org" in m.to]
    to_sender = [m for m in mail.outbox if "info@familienzentrum.example" in m.to]
    assert to_editors and contact.reference in to_editors[-1].subject
    assert len(to_sender) == 1 and contact.reference in to_sender[0].body
    assert client.get(index.url).content.decode().count("Spielenachmittag") == 0


def test_errors_come_back_at_each_field_with_every_value_kept(client, index):
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    data = hint(start_date=yesterday, contact_email="keine-adresse", consent="", title="Fest")
    response = submit(client, index, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert not EventPage.objects.exists()
    for field in ["start_date", "contact_email", "consent"]:
        assert f'aria-describedby="id_{field}-error' in html
        assert f'id="id_{field}-error"' in html
    assert 'value="keine-adresse"' in html and "Volksgarten" in html
    assert "Spiele für die ganze Familie" in html


def test_the_end_must_not_be_before_the_start(client, index):
    response = submit(client, index, hint(start_time="18:00", end_time="16:00"))
    assert "The end must not be before the start." in response.content.decode()
    assert not EventPage.objects.exists()


def test_a_bot_filling_the_honeypot_creates_nothing(client, index):
    submit(client, index, hint(homepage="http://spam.example"))
    assert not EventPage.objects.exists()
    assert mail.outbox == []


@override_settings(PUBLIC_FORM_RATE_LIMIT=(2, 3600))
def test_the_third_hint_within_an_hour_from_one_address_is_refused(client, index):
    for number in range(2):
        assert submit(client, index, hint(title=f"Fest {number}")).status_code == 200
    response = submit(client, index, hint(title="Fest 3"))
    assert response.status_code == 429
    assert german_events().count() == 2


def test_an_uploaded_photo_is_stored_without_exif_and_gps(client, index):
    upload = SimpleUploadedFile("foto.jpg", image_with_gps(), content_type="image/jpeg")
    submit(client, index, hint(image=upload))
    event = german_events().get()
    with event.image.file.open() as stored, Image.open(stored) as image:
        assert image.format == "JPEG"
        assert dict(image.getexif()) == {}
        assert image.size == (64, 48)


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(client, index):
    upload = SimpleUploadedFile("foto.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = submit(client, index, hint(image=upload))
    assert "This file is not an image we can read." in response.content.decode()
    assert not EventPage.objects.exists()


def test_an_image_over_five_megabytes_is_refused(client, index):
    upload = SimpleUploadedFile(
        "gross.png", b"\0" * (5 * 1024 * 1024 + 1), content_type="image/png"
    )
    response = submit(client, index, hint(image=upload))
    assert "larger than 5 MB" in response.content.decode()


def test_a_small_file_of_a_huge_image_is_refused_before_it_is_decoded(client, index):
    bomb = io.BytesIO()
    Image.new("1", (12000, 12000)).save(bomb, format="PNG")  # 144 megapixels in a few KB
    upload = SimpleUploadedFile("bild.png", bomb.getvalue(), content_type="image/png")
    response = submit(client, index, hint(image=upload))
    html = response.content.decode()
    assert "too many pixels (at most 25 megapixels)" in html and "Volksgarten" in html
    assert not EventPage.objects.exists()


def test_a_mail_server_that_is_down_loses_nothing_and_the_page_promises_no_mail(
    client, index, editor, django_capture_on_commit_callbacks
):
    with (
        SMTPServer() as server,
        override_settings(**queued_mail(server, tasks="immediate")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = submit(client, index, hint())
    assert response.status_code == 200
    event = german_events().get()
    assert not event.live and event.current_workflow_state is not None
    contact = EventHintContact.objects.get(page=event)
    html = response.content.decode()
    assert f"Your hint is stored under the reference number {contact.reference}." in html
    assert "should it not arrive, your hint is stored all the same" in html
    assert server.messages == []


def test_mails_that_found_the_server_down_go_out_once_it_is_back(
    client, index, editor, django_capture_on_commit_callbacks
):
    with SMTPServer() as server, override_settings(**queued_mail(server)):
        with django_capture_on_commit_callbacks(execute=True):
            response = submit(client, index, hint())
        assert response.status_code == 200
        html = response.content.decode()
        assert "write to <bdi>info@familienzentrum.example</bdi> once they have decided" in html
        run_due_tasks()
        # The two mails (to the moderator and to the sender; Wagtail's own "submitted" mail
        # would repeat the first) failed once each and wait for their next try.
        assert task_states() == {"FAILED": 2, "READY": 2}
        server.refusing = False
        time.sleep(0.6)
        run_due_tasks()
    assert recipients(server) == ["info@familienzentrum.example", "redaktion@example.org"]
    assert task_states() == {"FAILED": 2, "SUCCESSFUL": 2}


def test_the_sender_hears_when_the_hint_is_published(client, index, editor):
    submit(client, index, hint())
    event = german_events().get()
    mail.outbox.clear()
    event.get_latest_revision().publish(user=editor)
    to_sender = [m for m in mail.outbox if "info@familienzentrum.example" in m.to]
    assert len(to_sender) == 1 and "published" in to_sender[0].subject
    assert event.specific.full_url in to_sender[0].body
    english = EventPage.objects.get(alias_of=event, locale__language_code="en")
    assert english.live


def contact_for(event, **fields):
    return EventHintContact.objects.create(
        page=event, reference=f"VH-{event.pk}", email="a@b.example", organiser_name="X", **fields
    )


def test_contact_data_is_purged_thirty_days_after_the_event_or_the_rejection(index):
    long_over = contact_for(
        EventPageFactory(parent=index, start=in_days(-40), end=in_days(-40, 12))
    )
    recently_over = contact_for(
        EventPageFactory(parent=index, start=in_days(-5), end=in_days(-5, 12))
    )
    upcoming = contact_for(EventPageFactory(parent=index, start=in_days(5)))
    rejected = contact_for(
        EventPageFactory(parent=index, start=in_days(50)),
        rejected_at=timezone.now() - dt.timedelta(days=31),
    )
    call_command("purge_personal_data")
    remaining = set(EventHintContact.objects.values_list("pk", flat=True))
    assert remaining == {recently_over.pk, upcoming.pk}
    assert long_over.page_id and rejected.page_id
    assert EventPage.objects.count() == 4


@override_settings(EVENT_HINT_CONTACT_RETENTION_DAYS=3)
def test_the_retention_period_is_a_setting(index):
    contact_for(EventPageFactory(parent=index, start=in_days(-5), end=in_days(-5, 12)))
    call_command("purge_personal_data")
    assert not EventHintContact.objects.exists()


def test_editors_see_who_sent_the_hint_in_the_admin(client, index, django_user_model):
    submit(client, index, hint())
    event = german_events().get()
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    html = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert event.hint_contact.reference in html
    assert "info@familienzentrum.example" in html
