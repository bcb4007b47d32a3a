from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FamilientischConfig(AppConfig):
    """The plugin's package itself, installed for one thing: its catalogue of messages in all
    eight languages (familientisch/locale), shared by all its apps and this site's own."""

    name = "familientisch"
    verbose_name = _("Familientisch")
