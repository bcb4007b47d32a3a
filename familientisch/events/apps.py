from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "familientisch.events"
    # Prefixed: a host site may well have an app of its own called "events".
    label = "familientisch_events"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Events")

    def ready(self):
        # Imported here: these modules import models, which exist only once the app registry
        # is ready.
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from . import signals
        from .permissions import PartnerAwarePagePolicy

        signals.connect()
        register_permission_policy(Page, PartnerAwarePagePolicy(Page))
