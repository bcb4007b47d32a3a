from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "familientisch.offers"
    # Prefixed: a host site may well have an app of its own called "offers".
    label = "familientisch_offers"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Familien-Navigator: offers")

    def ready(self):
        # Imported here: these modules import the models, which exist only once the app
        # registry is ready.
        from . import signals
        from .models import OfferPage
        from .partner_access import admit_partners

        signals.connect()
        # Partners' accounts keep their own offers in the admin (offers.partner_access).
        admit_partners(OfferPage)
