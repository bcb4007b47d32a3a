from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinksConfig(AppConfig):
    name = "familientisch.links"
    label = "familientisch_links"
    verbose_name = _("Link checker")
    default_auto_field = "django.db.models.BigAutoField"
