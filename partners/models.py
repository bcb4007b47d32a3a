from django.utils.translation import gettext_lazy as _

from home.models import SectionIndexPage


class PartnerIndexPage(SectionIndexPage):
    """The network's member organisations, shown as a wall of logos."""

    class Meta:
        verbose_name = _("partner index page")
