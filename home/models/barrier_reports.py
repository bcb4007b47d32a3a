from django.db import models
from django.utils.translation import gettext_lazy as _

from familientisch.core.models import VisitorReport


class BarrierReport(VisitorReport):
    """A visitor's report of something on the site they could not use. Stored before any mail
    goes out, so no report is lost when the mail server is down."""

    page_url = models.URLField(
        _("page address"), max_length=500, help_text=_("Where the visitor met the barrier.")
    )
    description = models.TextField(_("description of the barrier"))
    email = models.EmailField(
        _("email for a reply"), blank=True, help_text=_("Optional: given by the visitor.")
    )
    language = models.CharField(_("language of the visitor"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    handled = models.BooleanField(
        _("handled"), default=False, help_text=_("Tick once the barrier is fixed or answered.")
    )
    note = models.TextField(_("internal note"), blank=True, help_text=_("Not shown publicly."))

    panels = VisitorReport.editor_panels(
        sent=["page_url", "description", "email", "language"], handling=["handled", "note"]
    )

    class Meta(VisitorReport.Meta):
        verbose_name = _("barrier report")
        verbose_name_plural = _("barrier reports")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} · {self.page_url}"
