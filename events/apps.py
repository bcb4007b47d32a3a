from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from .moderation import connect_signals
        from .permissions import PartnerAwarePagePolicy

        connect_signals()
        register_permission_policy(Page, PartnerAwarePagePolicy(Page))
