"""Partner accounts keep their organisation's offers in the admin, as they keep its events: they
add offers under the navigator (a GroupPagePermission "add", offers.signals), edit only the
offers whose provider is their partner, never publish (the offer goes through the workflow that
applies to the navigator: Wagtail's "Moderators approval" on the root unless one is assigned)
and do not find other partners' offers in the admin's listings and search.

OfferPage (models.py) keeps Wagtail's own `permissions_for_user()` and form; `admit_partners`
gives it the partner-aware ones when the app is ready (offers.apps), so the rules stay here,
beside the partners' own in familientisch.partners.access."""

from wagtail.admin.forms import WagtailAdminPageForm

from familientisch.partners.access import PartnerContentPermissionTester, partner_link_form


class OfferPagePermissionTester(PartnerContentPermissionTester):
    page_relation = "offerpage"
    partner_field = "provider"


def offer_permissions_for_user(offer, user):
    return OfferPagePermissionTester(user, offer)


def admit_partners(model):
    """Wagtail asks `Page.permissions_for_user()` before every action on a page, and builds the
    edit form from `base_form_class`: the offer's tester, and a form that offers a partner's
    account only its own organisation as provider."""
    model.permissions_for_user = offer_permissions_for_user
    # Wagtail's own default when the model names no form of its own.
    base_form = getattr(model, "base_form_class", WagtailAdminPageForm)
    model.base_form_class = partner_link_form(base_form, "provider")
