from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatisticsConfig(AppConfig):
    name = "familientisch.statistics"
    label = "familientisch_statistics"
    verbose_name = _("Statistics")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here: group_grants imports models, which exist only once the registry is ready.
        from familientisch.core.group_grants import grant_after_migrate

        grant_after_migrate(self, ["view_monthlycount"], "STATISTICS_VIEWER_GROUPS")
