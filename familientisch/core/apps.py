from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "familientisch.core"
    # Prefixed: a host site may well have an app of its own called "core".
    label = "familientisch_core"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Shared page parts and protection")

    def ready(self):
        # Imported here: these modules import models, which exist only once the app registry
        # is ready.
        from . import group_grants, restrictions

        restrictions.connect()
        group_grants.connect_report_handling()
