"""The partner's own pages in the admin: "My organisation" (what the partner has sent in and
where it stands, its partner page, its API tokens) for partners' accounts, and the editors'
"Invite the partner" (partners.invitations).

A token's secret is shown once, in the answer to the POST that made it: it is stored nowhere
(Wagtail keeps only its digest), so it never goes into a redirect, a message or the session."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import APIToken

from .access import partners_for_restricted_user
from .invitations import InvitationForm, invite
from .models import PartnerPage
from .organisation import sections_for

INVITE_PERMISSION = "familientisch_partners.invite_partnerpage_accounts"


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the token"),
        max_length=255,
        help_text=_("Say what uses it, for example “Our club's app”."),
    )


def own_partners(user):
    partners = partners_for_restricted_user(user)
    if partners is None:
        raise PermissionDenied
    return partners


def active_tokens(user):
    return APIToken.objects.filter(user=user, revoked_at__isnull=True).order_by("-created")


class AdminFormView(WagtailAdminTemplateMixin, FormView):
    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]


class OrganisationView(AdminFormView):
    """GET: the page; POST: a new API token, whose secret this answer shows."""

    template_name = "partners/admin/organisation.html"
    page_title = _("My organisation")
    header_icon = "group"
    form_class = TokenForm

    def dispatch(self, request, *args, **kwargs):
        self.partners = own_partners(request.user)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        _token, secret = APIToken.create_token(
            user=self.request.user, name=form.cleaned_data["name"]
        )
        return self.render_to_response(self.get_context_data(form=TokenForm(), secret=secret))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            partners=self.partners,
            sections=sections_for(self.partners, self.request.user),
            tokens=active_tokens(self.request.user),
            **{"secret": None, **kwargs},
        )


@require_POST
def revoke_token(request, token_id):
    own_partners(request.user)
    # Only the user's own tokens: another's id is not found.
    token = get_object_or_404(active_tokens(request.user), pk=token_id)
    token.revoke()
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("partners_organisation")


class InvitePartnerView(AdminFormView):
    template_name = "partners/admin/invite.html"
    page_title = _("Invite the partner")
    header_icon = "mail"
    form_class = InvitationForm

    def dispatch(self, request, page_id):
        if not request.user.has_perm(INVITE_PERMISSION):
            raise PermissionDenied
        page = get_object_or_404(PartnerPage, pk=page_id)
        # The German page: its group is the one that gets the rights (partners.access).
        self.partner = get_object_or_404(
            PartnerPage,
            translation_key=page.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.partner.title

    def form_valid(self, form):
        invite(self.partner, **form.cleaned_data)
        message = _("%(email)s is invited to act for %(partner)s.")
        values = {"email": form.cleaned_data["email"], "partner": self.partner.title}
        messages.success(self.request, message % values)
        return redirect(reverse("wagtailadmin_pages:edit", args=[self.partner.pk]))

    def get_context_data(self, **kwargs):
        return super().get_context_data(partner=self.partner, **kwargs)
