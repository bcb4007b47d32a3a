"""What visitors look for, as counts per month: never who looked. A row holds a kind, a key (a
normalised search, a filter `name=value`, a path) and a language, and how often it happened in
that month; nothing of a request is kept beyond that."""

from django.db import models
from django.utils.translation import gettext_lazy as _

KEY_LENGTH = 200


class Kind(models.TextChoices):
    SEARCH = "search", _("Search")
    SEARCH_WITHOUT_RESULTS = "search_without_results", _("Search without results")
    FILTER = "filter", _("Filter used")
    PAGE_VIEW = "page_view", _("Page view")
    FEED_FETCH = "feed_fetch", _("Calendar feed fetch")


class MonthlyCount(models.Model):
    month = models.DateField(_("month"), help_text=_("The first day of the month counted."))
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    key = models.CharField(_("key"), max_length=KEY_LENGTH)
    language = models.CharField(_("language"), max_length=8, blank=True)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("monthly count")
        verbose_name_plural = _("monthly counts")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "kind", "key", "language"], name="monthly_count_unique"
            )
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.kind} {self.key} [{self.language}]: {self.count}"
