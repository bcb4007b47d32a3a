"""Personal data is kept only as long as the settings say: the daily `purge_personal_data`
deletes what is due and keeps the rest, and the privacy page states the same periods."""

import datetime as dt
from io import StringIO

from django.core.mail import send_mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from familientisch.offers.models import MistakeReport
from home import demo_pages
from home.models import BarrierReport
from tests.factories.offers import OfferPageFactory, build_navigator
from tests.mail_server import SMTPServer, queued_mail, run_due_tasks, task_states


def received(report, days_ago):
    type(report).objects.filter(pk=report.pk).update(
        created_at=timezone.now() - dt.timedelta(days=days_ago)
    )
    return report


def purge():
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    return out.getvalue()


def test_a_mistake_report_loses_its_address_after_ninety_days_and_goes_once_handled(home):
    offer = OfferPageFactory(parent=build_navigator(home))

    def report(days_ago, handled=False):
        made = MistakeReport.objects.create(
            offer=offer, kind="hours", message="Mo zu", email="frage@example.org", handled=handled
        )
        return received(made, days_ago)

    handled_long_ago, open_long_ago = report(91, handled=True), report(91)
    recent_and_handled = report(89, handled=True)

    output = purge()

    remaining = {r.pk: r.email for r in MistakeReport.objects.all()}
    assert remaining == {open_long_ago.pk: "", recent_and_handled.pk: "frage@example.org"}
    assert not MistakeReport.objects.filter(pk=handled_long_ago.pk).exists()
    assert "mistake reports deleted: 1" in output
    assert "mistake report addresses removed: 1" in output


@override_settings(BARRIER_REPORT_RETENTION_DAYS=10)
def test_a_barrier_report_is_kept_as_long_as_the_setting_says(db):
    def report(days_ago, handled):
        made = BarrierReport.objects.create(
            page_url="http://localhost/de/", description="Zu klein", email="b@example.org"
        )
        BarrierReport.objects.filter(pk=made.pk).update(handled=handled)
        return received(made, days_ago)

    report(11, handled=True)
    open_report = report(11, handled=False)
    young = report(9, handled=True)

    output = purge()

    remaining = {r.pk: r.email for r in BarrierReport.objects.all()}
    assert remaining == {open_report.pk: "", young.pk: "b@example.org"}
    assert "barrier reports deleted: 1" in output


def test_queued_mails_leave_the_task_table_two_weeks_after_they_went_out(
    db, django_capture_on_commit_callbacks
):
    with SMTPServer() as server, override_settings(**queued_mail(server)):
        server.refusing = False
        with django_capture_on_commit_callbacks(execute=True):
            send_mail("Alt", "An jemanden", None, ["alt@example.org"])
            send_mail("Neu", "An jemanden", None, ["neu@example.org"])
        run_due_tasks()
        with django_capture_on_commit_callbacks(execute=True):
            send_mail("Wartet", "An jemanden", None, ["wartet@example.org"])  # not yet sent
    for subject, days_ago in [("Alt", 15), ("Neu", 13)]:
        DBTaskResult.objects.filter(args_kwargs__args__0__subject=subject).update(
            finished_at=timezone.now() - dt.timedelta(days=days_ago)
        )

    output = purge()

    subjects = {r.args_kwargs["args"][0]["subject"] for r in DBTaskResult.objects.all()}
    assert subjects == {"Neu", "Wartet"}
    assert task_states() == {"SUCCESSFUL": 1, "READY": 1}
    assert "finished task results deleted: 1" in output


@override_settings(
    EVENT_HINT_CONTACT_RETENTION_DAYS=21,
    MISTAKE_REPORT_RETENTION_DAYS=45,
    BARRIER_REPORT_RETENTION_DAYS=200,
    TASK_RESULT_RETENTION_DAYS=7,
    BACKUP_RETENTION_DAYS=12,
)
def test_the_privacy_page_states_the_periods_the_site_keeps(client, home):
    demo_pages.load(home)
    text = client.get("/de/datenschutz/").content.decode()
    assert "Die Kontaktdaten löschen wir 21 Tage nach der Veranstaltung" in text
    assert "Ihre E-Mail-Adresse löschen wir 45 Tage nach Eingang der Meldung" in text
    assert "Ihre E-Mail-Adresse löschen wir 200 Tage nach Eingang der Meldung" in text
    assert "Aus der Warteschlange löschen wir sie 7 Tage nach dem Versand" in text
    assert "Jede Sicherung bewahren wir 12 Tage auf" in text
