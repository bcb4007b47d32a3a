from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared page parts")

    def ready(self):
        # Imported here: the restrictions module imports models, which exist only once the app
        # registry is ready.
        from . import restrictions

        restrictions.connect()
