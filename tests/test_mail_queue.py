"""Every mail of the site goes through the task queue: it is delivered whole, retried a bounded
number of times while the mail server is down, and given up with an error in the log."""

import logging

from django.core.mail import EmailMultiAlternatives, send_mail
from django.test import override_settings

from tests.mail_server import SMTPServer, queued_mail, run_due_tasks, task_states


def test_a_mail_with_an_html_part_and_an_attachment_arrives_whole(
    db, django_capture_on_commit_callbacks
):
    with SMTPServer() as server, override_settings(**queued_mail(server)):
        server.refusing = False
        message = EmailMultiAlternatives(
            "Protokoll", "Im Anhang.", "buero@example.org", ["a@example.org"], cc=["b@example.org"]
        )
        message.attach_alternative("<p>Im <b>Anhang</b>.</p>", "text/html")
        message.attach("protokoll.pdf", b"%PDF-1.4 Sitzung", "application/pdf")
        with django_capture_on_commit_callbacks(execute=True):
            message.send()
        run_due_tasks()
    (received,) = server.messages
    assert (received["Subject"], received["From"], received["Cc"]) == (
        "Protokoll",
        "buero@example.org",
        "b@example.org",
    )
    parts = {part.get_content_type(): part for part in received.walk()}
    assert parts["text/plain"].get_payload(decode=True) == b"Im Anhang."
    assert b"<b>Anhang</b>" in parts["text/html"].get_payload(decode=True)
    assert parts["application/pdf"].get_payload(decode=True) == b"%PDF-1.4 Sitzung"
    assert parts["application/pdf"].get_filename() == "protokoll.pdf"


def test_nothing_is_queued_when_the_transaction_that_sent_the_mail_is_rolled_back(
    db, django_capture_on_commit_callbacks
):
    with SMTPServer() as server, override_settings(**queued_mail(server)):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            send_mail("Hinweis", "Text", None, ["a@example.org"])
        # A rollback drops the callbacks: here, they are simply not run.
        assert len(callbacks) == 1 and task_states() == {}


def test_a_mail_is_given_up_after_the_last_retry_with_an_error_in_the_log(
    db, django_capture_on_commit_callbacks, caplog
):
    with (
        SMTPServer() as server,
        override_settings(**queued_mail(server, retry_delays=(0, 0))),
        caplog.at_level(logging.WARNING, logger="operations.mail"),
    ):
        with django_capture_on_commit_callbacks(execute=True):
            send_mail("Neuer Hinweis", "Text", None, ["a@example.org"])
        run_due_tasks()
    assert task_states() == {"FAILED": 3}
    ours = [record for record in caplog.records if record.name == "operations.mail"]
    assert [record.levelname for record in ours] == ["WARNING", "WARNING", "ERROR"]
    assert "'Neuer Hinweis' not sent after 3 attempts" in ours[-1].getMessage()
    assert "a@example.org" not in caplog.text  # addresses are personal data: not in the log


def test_without_a_worker_a_failed_mail_is_logged_and_the_sender_gets_no_error(
    db, django_capture_on_commit_callbacks, caplog
):
    with (
        SMTPServer() as server,
        override_settings(**queued_mail(server, tasks="immediate")),
        caplog.at_level(logging.ERROR, logger="operations.mail"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert send_mail("Neuer Hinweis", "Text", None, ["a@example.org"]) == 1
    assert "this task backend cannot retry it later" in caplog.text
    assert server.messages == []
