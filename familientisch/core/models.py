"""Abstract models only: core has no tables of its own."""

from django.db import models
from wagtail.admin.panels import FieldPanel


class VisitorReport(models.Model):
    """What visitors send the editors (barrier reports, mistake reports): the newest first,
    and what the visitor wrote is shown to the editors but never changed by them, so the
    report stays the visitor's words. Each report declares its own `email`, `created_at` and
    `handled` (their wording differs); the retention rule in core.visitor_reports needs them."""

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @staticmethod
    def editor_panels(sent, handling):
        """The admin form: the fields the visitor sent, read only, then those of the editors."""
        return [FieldPanel(name, read_only=True) for name in sent] + [
            FieldPanel(name) for name in handling
        ]
