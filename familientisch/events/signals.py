"""Where the events app listens to Wagtail: a hint's sender hears when an editor publishes or
rejects it (the mails themselves are in events.moderation)."""

from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_rejected

from .models import EventHintContact, EventPage
from .moderation import hint_published, hint_rejected


def on_page_published(sender, instance, **kwargs):
    contact = EventHintContact.objects.filter(page=instance, published_at__isnull=True).first()
    if contact is not None:
        hint_published(contact, instance.full_url)


def on_workflow_rejected(sender, instance, **kwargs):
    contact = EventHintContact.objects.filter(
        page_id=instance.object_id, rejected_at__isnull=True
    ).first()
    if contact is not None:
        task_state = instance.current_task_state
        hint_rejected(contact, task_state.comment if task_state else "")


def connect():
    page_published.connect(on_page_published, sender=EventPage, dispatch_uid="event-published")
    workflow_rejected.connect(
        on_workflow_rejected, sender=WorkflowState, dispatch_uid="event-hint-rejected"
    )
