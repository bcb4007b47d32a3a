from django.utils.translation import gettext_lazy as _

from home.models import SectionIndexPage


class ProtocolIndexPage(SectionIndexPage):
    """The minutes of the network's meetings, newest first."""

    class Meta:
        verbose_name = _("protocol index page")
