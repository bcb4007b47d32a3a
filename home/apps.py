from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared page parts")

    def ready(self):
        from . import restrictions

        restrictions.connect()
