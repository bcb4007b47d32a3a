from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = _("Familien-Navigator: offers")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete

        from .entries import invalidate_entries
        from .models import OfferPage, OfferPlace

        for model in (OfferPage, OfferPlace):
            post_delete.connect(invalidate_entries, sender=model, dispatch_uid=f"nav-{model}")
        for relation in ("categories", "target_groups", "languages"):
            m2m_changed.connect(
                invalidate_entries,
                sender=getattr(OfferPage, relation).through,
                dispatch_uid=f"nav-{relation}",
            )
