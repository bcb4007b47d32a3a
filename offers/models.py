from django.utils.translation import gettext_lazy as _

from home.models import SectionIndexPage


class OfferIndexPage(SectionIndexPage):
    """The Familien-Navigator: the searchable list of offers for families."""

    class Meta:
        verbose_name = _("offer index page")
