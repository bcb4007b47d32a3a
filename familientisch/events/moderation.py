"""The review of event hints: the Wagtail workflow "Event hint review" and the mails around it.

Every mail is sent after the hint is stored, through the site's mail queue (EMAIL_BACKEND,
operations/mail.py in this project), which retries it when the mail server is down: nothing
sent in is lost because of mail, and the visitor never sees a mail error.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from familientisch.conf import setting

WORKFLOW_NAME = "Event hint review"
TASK_NAME = "Event hint approval"


def moderators_group():
    name = setting("EVENT_HINT_MODERATORS_GROUP")
    return Group.objects.get_or_create(name=name)[0]


def ensure_hint_workflow(index):
    """The workflow, created the first time, and assigned to the events index so that every
    event below it (hints and partners' events alike) goes through it."""
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created or not workflow.workflow_tasks.exists():
        task, _ = GroupApprovalTask.objects.get_or_create(name=TASK_NAME)
        task.groups.add(moderators_group())
        # A workflow without a task would publish at once: the task is what makes it a review.
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def send_text(subject, template, context, recipients):
    """One plain-text mail to the recipients that have an address."""
    recipients = [address for address in recipients if address]
    if recipients:
        send_mail(subject, render_to_string(template, context), None, recipients)


def admin_url(page):
    return f"{settings.WAGTAILADMIN_BASE_URL}/admin/pages/{page.pk}/edit/"


def notify_new_hint(page, contact):
    editors = (
        get_user_model()
        .objects.filter(groups=moderators_group(), is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    context = {"page": page, "contact": contact, "admin_url": admin_url(page)}
    with translation.override(settings.LANGUAGE_CODE):
        send_text(
            str(_("New event hint %(reference)s")) % {"reference": contact.reference},
            "events/mail/hint_for_editors.txt",
            context,
            list(editors),
        )
    with translation.override(contact.language):
        send_text(
            str(_("Your event hint %(reference)s")) % {"reference": contact.reference},
            "events/mail/hint_received.txt",
            context,
            [contact.email],
        )


def _notify_submitter(contact, subject, template, **context):
    with translation.override(contact.language):
        send_text(
            str(subject) % {"reference": contact.reference},
            template,
            {"contact": contact, "page": contact.page, **context},
            [contact.email],
        )


def _decided(contact, field, subject, template, **context):
    """Record when the hint was decided on (`field`) and tell its sender."""
    setattr(contact, field, timezone.now())
    contact.save(update_fields=[field])
    _notify_submitter(contact, subject, template, **context)


def hint_published(contact, url):
    subject = _("Your event hint %(reference)s is published")
    _decided(contact, "published_at", subject, "events/mail/hint_published.txt", url=url)


def hint_rejected(contact, comment):
    subject = _("Your event hint %(reference)s was not published")
    _decided(contact, "rejected_at", subject, "events/mail/hint_rejected.txt", comment=comment)
