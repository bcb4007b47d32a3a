"""Where the events app listens to Wagtail: the moderators hear when something enters the
review, a hint's sender when an editor publishes it or asks for changes (the mails themselves
are in events.moderation); a partner's accounts may add
events under every events index (partners.access, events.permissions) as soon as the partner
has a group, and under a new events index as soon as it exists."""

from django.db.models.signals import post_save
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import page_published, task_submitted, workflow_rejected

from familientisch.partners.access import (
    grant_submission_to_partners,
    grant_submission_under_indexes,
)
from familientisch.partners.models import PartnerPage

from .models import EventHintContact, EventIndexPage, EventPage
from .moderation import (
    HintReviewTask,
    changes_requested,
    hint_contact,
    hint_published,
    notify_reviewers,
)


def on_page_published(sender, instance, **kwargs):
    contact = EventHintContact.objects.filter(page=instance, published_at__isnull=True).first()
    if contact is not None:
        hint_published(contact, instance.full_url)


def on_workflow_rejected(sender, instance, **kwargs):
    """Wagtail's "Request changes": the sender may revise the hint (a decline ends the
    workflow without this signal, events.moderation.HintReviewTask)."""
    contact = hint_contact(instance.object_id)
    if contact is not None:
        task_state = instance.current_task_state
        changes_requested(contact, task_state.comment if task_state else "")


def on_task_submitted(sender, instance, **kwargs):
    if isinstance(instance.task.specific, HintReviewTask):
        notify_reviewers(instance)


def partner_saved(sender, instance, **kwargs):
    if instance.group_id:
        grant_submission_under_indexes(instance.group, EventIndexPage)


def events_index_saved(sender, instance, created, **kwargs):
    if created:
        grant_submission_to_partners(instance)


def connect():
    post_save.connect(partner_saved, sender=PartnerPage, dispatch_uid="events-partner-grant")
    post_save.connect(events_index_saved, sender=EventIndexPage, dispatch_uid="events-index-grant")
    page_published.connect(on_page_published, sender=EventPage, dispatch_uid="event-published")
    workflow_rejected.connect(
        on_workflow_rejected, sender=WorkflowState, dispatch_uid="event-hint-rejected"
    )
    task_submitted.connect(on_task_submitted, sender=TaskState, dispatch_uid="event-review-mail")
