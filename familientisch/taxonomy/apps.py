from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "familientisch.taxonomy"
    # Prefixed: a host site may well have an app of its own called "taxonomy".
    label = "familientisch_taxonomy"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Vocabularies")
