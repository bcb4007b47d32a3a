from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = _("Operations")

    def ready(self):
        # Imported here: the signals module imports models, which exist only once the app
        # registry is ready.
        from . import signals

        signals.connect()
