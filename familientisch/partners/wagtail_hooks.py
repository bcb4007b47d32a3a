"""Where the partners app joins the admin: "My organisation" in the menu of partners' accounts
only, and "Invite the partner" on a partner page (its header and the page listing) for those
who may invite (INVITE_PERMISSION, granted to PARTNER_INVITER_GROUPS after migrations)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.log_actions import log

from .access import partners_for_restricted_user
from .models import PartnerPage
from .views import INVITE_PERMISSION, InvitePartnerView, OrganisationView, revoke_token


@hooks.register("register_admin_urls")
def partner_admin_urls():
    return [
        path("organisation/", OrganisationView.as_view(), name="partners_organisation"),
        path(
            "organisation/tokens/<int:token_id>/revoke/",
            revoke_token,
            name="partners_revoke_token",
        ),
        path("partners/<int:page_id>/invite/", InvitePartnerView.as_view(), name="partners_invite"),
    ]


class OrganisationMenuItem(MenuItem):
    def is_shown(self, request):
        return partners_for_restricted_user(request.user) is not None


@hooks.register("register_admin_menu_item")
def organisation_menu_item():
    return OrganisationMenuItem(
        _("My organisation"), reverse("partners_organisation"), icon_name="group", order=150
    )


def invite_buttons(page, user):
    if page.specific_class is PartnerPage and user.has_perm(INVITE_PERMISSION):
        url = reverse("partners_invite", args=[page.pk])
        yield Button(_("Invite the partner"), url, icon_name="mail", priority=90)


@hooks.register("register_page_header_buttons")
def invite_header_button(page, user, view_name=None, next_url=None):
    yield from invite_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def invite_listing_button(page, user, next_url=None):
    yield from invite_buttons(page, user)


LOGO_APPROVED = "familientisch_partners.logo_approved"


@hooks.register("before_publish_page")
def record_logo_approval(request, page):
    """Who approved a partner's logo, in the page's history: the publication that makes a logo
    the approved one (partners.signals shows it from then on)."""
    if not isinstance(page, PartnerPage) or not (page.logo_approved and page.logo_id):
        return
    shown = PartnerPage.objects.filter(pk=page.pk).values_list("last_approved_logo_id", flat=True)
    if shown.first() != page.logo_id:
        log(instance=page, action=LOGO_APPROVED, user=request.user, data={"image": page.logo_id})


@hooks.register("register_log_actions")
def partner_log_actions(actions):
    actions.register_action(LOGO_APPROVED, _("Approve logo"), _("Logo approved"))
