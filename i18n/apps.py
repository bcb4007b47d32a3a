from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class I18nConfig(AppConfig):
    name = "i18n"
    verbose_name = _("Languages, translation and search")
