"""The office's one inbox: an entry for each thing that visitors, providers and partners send
in (mistake reports, barrier reports, event hints), with its state and who is on it.

An entry points to what was sent (a generic relation) and copies none of it: the sender's words
and address stay in one place, with their own retention period, and the entry goes when they go
(inbox.signals)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class InboxItem(models.Model):
    class State(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        HANDLED = "handled", _("Handled")
        ARCHIVED = "archived", _("Archived")

    OPEN_STATES = [State.NEW, State.IN_PROGRESS]

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    source = GenericForeignKey("content_type", "object_id")
    page = models.ForeignKey(
        Page,
        verbose_name=_("page concerned"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.NEW, db_index=True
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The editor who takes care of it."),
    )
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("inbox entry")
        verbose_name_plural = _("inbox")
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_inbox_entry")
        ]

    def __str__(self):
        return str(self.source) if self.source else str(self.content_type)

    @property
    def kind(self):
        return self.content_type.model_class()._meta.verbose_name

    @property
    def is_open(self):
        return self.state in self.OPEN_STATES
