"""What the daily link check found: one row per outside link of a page (its last answer and
how many days in a row it failed), and one problem per broken or moved link, which the office's
inbox follows (inbox.signals: `page`, `handled`) until the link works again or is gone."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from familientisch.conf import setting


class CheckedLinkQuerySet(models.QuerySet):
    def broken(self):
        """Failing on LINK_CHECKER_FAILING_DAYS checks in a row: no longer a passing outage."""
        return self.filter(failing_days__gte=setting("LINK_CHECKER_FAILING_DAYS"))


class CheckedLink(models.Model):
    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    field = models.CharField(_("field"), max_length=255)
    url = models.URLField(_("address"), max_length=2000)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=255, blank=True)
    redirected_to = models.URLField(_("redirected to"), max_length=2000, blank=True)
    permanent_redirect = models.BooleanField(_("moved permanently"), default=False)
    first_failed_on = models.DateField(_("failing since"), null=True, blank=True)
    failing_days = models.PositiveIntegerField(_("days failing in a row"), default=0)
    last_checked_on = models.DateField(_("last checked on"), null=True, blank=True)
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)

    objects = CheckedLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("checked link")
        verbose_name_plural = _("checked links")
        constraints = [
            models.UniqueConstraint(fields=["page", "field", "url"], name="one_checked_link")
        ]

    def __str__(self):
        return self.url

    @property
    def answer(self):
        """The last answer in a few words: a status code or what went wrong."""
        return self.error or (str(self.status_code) if self.status_code else "")


class LinkProblem(models.Model):
    class Kind(models.TextChoices):
        BROKEN = "broken", _("Broken link")
        REDIRECTED = "redirected", _("Link redirected")

    link = models.ForeignKey(
        CheckedLink, verbose_name=_("link"), on_delete=models.CASCADE, related_name="problems"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    # The partner the page names (PARTNER_ACTIVITIES), whom the office asks for the new address.
    provider = models.ForeignKey(
        Page,
        verbose_name=_("provider"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    found_on = models.DateField(_("found on"))
    # The day the check saw the link work again; until then, the one problem of its kind.
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    handled = models.BooleanField(_("handled"), default=False)

    class Meta:
        verbose_name = _("link problem")
        verbose_name_plural = _("link problems")
        constraints = [
            models.UniqueConstraint(
                fields=["link", "kind"],
                condition=models.Q(resolved_on=None),
                name="one_open_link_problem",
            )
        ]

    def __str__(self):
        link = self.link
        if self.kind == self.Kind.REDIRECTED:
            text = _("%(url)s now leads to %(target)s") % {
                "url": link.url,
                "target": link.redirected_to,
            }
        else:
            text = _("%(url)s does not open (%(answer)s)") % {
                "url": link.url,
                "answer": link.answer,
            }
        if self.provider_id:
            return f"{text} – {self.provider.title}"
        return text
