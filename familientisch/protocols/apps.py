from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProtocolsConfig(AppConfig):
    name = "familientisch.protocols"
    # Prefixed: a host site may well have an app of its own called "protocols".
    label = "familientisch_protocols"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Protocols")
