"""Every mail of the site leaves through the task queue.

`QueuedEmailBackend` is the site's EMAIL_BACKEND: `send_mail()` anywhere (our notifications,
Wagtail's workflow mails, password resets) only enqueues the message once the surrounding
transaction has committed, so what a visitor sent in is stored before any mail is tried, and a
mail server that is down or hangs never reaches the visitor's request. The task `deliver_mail`
hands the message to the real backend (MAIL_DELIVERY_BACKEND) and, when that fails, enqueues
itself again after the next of MAIL_RETRY_DELAYS seconds; after the last one it gives up with
an error in the log. django-tasks has no retries of its own, and only a backend that can
defer tasks (the database backend with `manage.py db_worker`) can wait for a later attempt:
with the immediate backend a failed mail is logged and not tried again.
"""

import base64
import datetime as dt
import logging
import smtplib
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

DEFAULT_RETRY_DELAYS = [60, 600, 3600, 6 * 3600, 24 * 3600]


def retry_delays():
    return getattr(settings, "MAIL_RETRY_DELAYS", DEFAULT_RETRY_DELAYS)


def as_payload(message):
    """The message as JSON for the task queue (the database backend stores task arguments)."""
    attachments = []
    for attachment in message.attachments:
        if not isinstance(attachment, tuple):
            raise TypeError("The mail queue carries attachments given as (name, content, type).")
        name, content, mimetype = attachment
        if isinstance(content, str):
            content = content.encode()
        attachments.append([name, base64.b64encode(content).decode("ascii"), mimetype])
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [list(part) for part in getattr(message, "alternatives", [])],
        "attachments": attachments,
    }


def from_payload(payload, connection):
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        cc=payload["cc"],
        bcc=payload["bcc"],
        reply_to=payload["reply_to"],
        headers=payload["headers"],
        connection=connection,
    )
    message.content_subtype = payload["content_subtype"]
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    for name, content, mimetype in payload["attachments"]:
        message.attach(name, base64.b64decode(content), mimetype)
    return message


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        payloads = [as_payload(message) for message in email_messages if message.recipients()]
        for payload in payloads:
            # A transaction that is rolled back takes its mails with it.
            transaction.on_commit(partial(deliver_mail.enqueue, payload))
        return len(payloads)


@task()
def deliver_mail(payload, attempt=1):
    connection = get_connection(
        getattr(settings, "MAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
    )
    try:
        from_payload(payload, connection).send()
    except (smtplib.SMTPException, OSError):
        retry_later(payload, attempt)
        raise  # this attempt stays on record as failed, with its traceback


def retry_later(payload, attempt):
    # Only the subject goes to the log: the addresses are personal data.
    subject = payload["subject"]
    delays = retry_delays()
    if attempt > len(delays):
        logger.error("Mail %r not sent after %d attempts: given up", subject, attempt)
        return
    if not deliver_mail.get_backend().supports_defer:
        logger.error("Mail %r not sent; this task backend cannot retry it later", subject)
        return
    delay = delays[attempt - 1]
    later = deliver_mail.using(run_after=timezone.now() + dt.timedelta(seconds=delay))
    later.enqueue(payload, attempt + 1)
    logger.warning("Mail %r not sent (attempt %d): next attempt in %d s", subject, attempt, delay)
