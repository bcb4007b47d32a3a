from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    name = "familientisch.inbox"
    label = "familientisch_inbox"
    verbose_name = _("Inbox")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from familientisch.core.group_grants import grant_after_migrate

        from . import signals

        signals.connect(self)
        codenames = ["view_inboxitem", "change_inboxitem"]
        grant_after_migrate(self, codenames, "REPORT_HANDLER_GROUPS")
