from django.utils.translation import gettext_lazy as _

from home.models import SectionIndexPage


class EventIndexPage(SectionIndexPage):
    """The calendar of upcoming events, and the way in for partners' event hints."""

    class Meta:
        verbose_name = _("event index page")
