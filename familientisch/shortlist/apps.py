from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShortlistConfig(AppConfig):
    name = "familientisch.shortlist"
    label = "familientisch_shortlist"
    verbose_name = _("My list")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
