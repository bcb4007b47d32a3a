from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        # Imported here: the signals module imports the models, which exist only once the app
        # registry is ready.
        from . import signals

        signals.connect()
