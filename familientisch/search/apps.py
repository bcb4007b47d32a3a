from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "familientisch.search"
    # Prefixed: a host site may well have an app of its own called "search".
    label = "familientisch_search"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Search")

    def ready(self):
        # Imported here: the signals module imports models, which exist only once the app
        # registry is ready.
        from familientisch.core.group_grants import grant_after_migrate

        from . import signals

        signals.connect()
        grant_after_migrate(
            self,
            [f"{action}_synonymgroup" for action in ("add", "change", "delete", "view")],
            "SYNONYM_EDITOR_GROUPS",
        )
