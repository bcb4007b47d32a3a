from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class I18nConfig(AppConfig):
    name = "familientisch.i18n"
    # Prefixed: a host site may well have an app of its own called "i18n".
    label = "familientisch_i18n"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Languages, translation and search")

    def ready(self):
        # Imported here: the signals module imports models, which exist only once the app
        # registry is ready.
        from . import signals

        signals.connect()
