from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "familientisch.partners"
    # Prefixed: a host site may well have an app of its own called "partners".
    label = "familientisch_partners"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Partners")

    def ready(self):
        # Imported here: the signals module imports the models, which exist only once the app
        # registry is ready.
        from familientisch.core.group_grants import grant_after_migrate

        from . import signals

        signals.connect()
        grant_after_migrate(self, ["approve_partnerpage_logo"], "LOGO_APPROVER_GROUPS")
        grant_after_migrate(self, ["invite_partnerpage_accounts"], "PARTNER_INVITER_GROUPS")
