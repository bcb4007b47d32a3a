"""The review of event hints: the Wagtail workflow "Event hint review", its task with three
outcomes, and the mails around it.

A moderator approves (the hint is published), requests changes (the sender gets a signed link
to revise the hint, and the revision comes back into the same task: Wagtail's "needs changes"
and resume), or declines (the hint will not be published and the workflow ends). Each outcome
has its own mail, in the language the sender wrote in.

Every mail is sent after the hint is stored, through the site's mail queue (EMAIL_BACKEND,
operations/mail.py in this project), which retries it when the mail server is down: nothing
sent in is lost because of mail, and the visitor never sees a mail error.
"""

from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signing
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Locale,
    Task,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from familientisch.conf import setting
from familientisch.core.mail import admin_link, send_in_language, send_to_users

# Names of content, like page titles: German, the source language of the admin's editors.
WORKFLOW_NAME = "Prüfung von Veranstaltungshinweisen"
TASK_NAME = "Freigabe von Veranstaltungshinweisen"
REVISION_SALT = "familientisch.events.hint-revision"


class HintReviewTask(Task):
    """Approval by the members of chosen groups, as Wagtail's group approval task, with a third
    action: "Decline" ends the review for good, where "Request changes" (Wagtail's reject)
    waits for the sender's revision. Not a subclass of Wagtail's group approval task, so that
    Wagtail's own "submitted" mails leave it alone: the moderators get one mail per hint, ours,
    with what the hint is about (events.signals)."""

    groups = models.ManyToManyField(
        Group,
        verbose_name=_("groups"),
        help_text=_("Members of these groups review event hints and partners' events."),
    )
    admin_form_fields = [*Task.admin_form_fields, "groups"]
    admin_form_widgets = {"groups": forms.CheckboxSelectMultiple}

    def reviews(self, user):
        return user.is_superuser or self.groups.filter(id__in=user.groups.all()).exists()

    def get_actions(self, obj, user):
        if not self.reviews(user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
            ("decline", _("Decline"), True),
        ]

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != "decline":
            return super().on_action(task_state, user, action_name, **kwargs)
        comment = kwargs.get("comment", "")
        contact = hint_contact(task_state.workflow_state.object_id)
        if contact is not None:
            hint_declined(contact, comment)
        task_state.reject(user=user, update=False, comment=comment)
        task_state.workflow_state.cancel(user=user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if self.reviews(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    def user_can_access_editor(self, obj, user):
        return self.reviews(user)

    def locked_for_user(self, obj, user):
        return not self.reviews(user)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve, decline or ask for changes")

    class Meta:
        verbose_name = _("event hint review task")
        verbose_name_plural = _("event hint review tasks")


def hint_contacts():
    # By name: the events' models import this module for the workflow.
    return apps.get_model("familientisch_events", "EventHintContact").objects.all()


def hint_contact(page_id):
    """The sender of the hint that is the page `page_id`, while the hint is undecided."""
    return (
        hint_contacts()
        .filter(page_id=page_id, rejected_at__isnull=True, published_at__isnull=True)
        .first()
    )


def moderators_group():
    name = setting("EVENT_HINT_MODERATORS_GROUP")
    return Group.objects.get_or_create(name=name)[0]


def ensure_hint_workflow(index):
    """The workflow, created the first time, and assigned to the events index so that every
    event below it (hints and partners' events alike) goes through it."""
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created or not workflow.workflow_tasks.exists():
        task, _ = HintReviewTask.objects.get_or_create(name=TASK_NAME)
        task.groups.add(moderators_group())
        # A workflow without a task would publish at once: the task is what makes it a review.
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def revision_token(contact):
    return signing.dumps({"hint": contact.pk}, salt=REVISION_SALT)


def contact_for_token(token):
    """The hint contact a revision link was made for, or None when the link is tampered with
    or older than EVENT_HINT_REVISION_DAYS."""
    max_age = setting("EVENT_HINT_REVISION_DAYS") * 24 * 3600
    try:
        data = signing.loads(token, salt=REVISION_SALT, max_age=max_age)
    except signing.BadSignature:  # also the expired ones
        return None
    return hint_contacts().filter(pk=data.get("hint")).select_related("page").first()


def moderators():
    return get_user_model().objects.filter(groups=moderators_group()).distinct()


def notify_reviewers(task_state):
    """Something entered the review (a new hint, a revised one, a partner's event): each
    moderator hears of it once, in their admin language."""
    page = task_state.workflow_state.content_object.specific
    context = {
        "page": page,
        "contact": hint_contact(page.pk),
        "revised": task_state.workflow_state.task_states.exclude(pk=task_state.pk).exists(),
        "submitted_by": task_state.workflow_state.requested_by,
        "admin_url": admin_link("wagtailadmin_pages:edit", page.pk),
    }
    reference = context["contact"].reference if context["contact"] else page.title
    if context["revised"]:
        subject = _("Revised for review: %(reference)s")
    else:
        subject = _("New for review: %(reference)s")
    template = "events/mail/hint_for_editors.txt"
    send_to_users(moderators(), subject, template, context, reference=reference)


def confirm_receipt(page, contact):
    _notify_submitter(contact, _("Your event hint %(reference)s"), "hint_received", page=page)


def _notify_submitter(contact, subject, name, **context):
    send_in_language(
        contact.language,
        subject,
        f"events/mail/{name}.txt",
        {"contact": contact, "page": contact.page, **context},
        [contact.email],
        reference=contact.reference,
    )


def _decided(contact, field, subject, name, **context):
    """Record when the hint was decided on (`field`) and tell its sender."""
    setattr(contact, field, timezone.now())
    contact.save(update_fields=[field])
    _notify_submitter(contact, subject, name, **context)


def hint_published(contact, url):
    subject = _("Your event hint %(reference)s is published")
    _decided(contact, "published_at", subject, "hint_published", url=url)


def hint_declined(contact, comment):
    subject = _("Your event hint %(reference)s will not be published")
    _decided(contact, "rejected_at", subject, "hint_declined", comment=comment)


def changes_requested(contact, comment):
    """The sender gets a link to revise the hint, with the moderator's comment."""
    index = contact.page.get_parent().specific
    locale = Locale.objects.filter(language_code=contact.language).first()
    index = (locale and index.get_translation_or_none(locale)) or index
    # In the query: a signature's ":" is not allowed in a page path.
    url = f"{index.full_url}{index.reverse_subpage('revise_view')}?link={revision_token(contact)}"
    subject = _("Please revise your event hint %(reference)s")
    days = setting("EVENT_HINT_REVISION_DAYS")
    _notify_submitter(
        contact, subject, "hint_changes_requested", comment=comment, url=url, days=days
    )
