"""The editors' dashboard: offers nobody has checked for half a year, with a one-click
reminder to the provider, and the mistakes visitors reported."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import STALE_AFTER_DAYS, MistakeReport, OfferPage

PANEL_ROWS = 20


class DashboardPanel(Component):
    """A table of the first PANEL_ROWS of `rows()` with a count of them all. Its template,
    named after the panel, extends offers/admin/dashboard_panel.html."""

    @property
    def template_name(self):
        return f"offers/admin/{self.name}_panel.html"

    def rows(self, parent_context):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        rows = self.rows(parent_context)
        context.update(
            panel_id=self.name.replace("_", "-"), rows=rows[:PANEL_ROWS], total=rows.count()
        )
        return context


class StaleOffersPanel(DashboardPanel):
    name = "stale_offers"
    order = 150

    def rows(self, parent_context):
        # Translations share the source's dates, so the source pages are the ones to check.
        editable = PagePermissionPolicy().instances_user_has_permission_for(
            parent_context["request"].user, "change"
        )
        return (
            OfferPage.objects.live()
            .stale()
            .filter(locale__language_code=settings.LANGUAGE_CODE, pk__in=editable.values("pk"))
            .select_related("provider")
            .order_by("last_checked", "title")
        )

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            days=STALE_AFTER_DAYS,
            csrf_token=parent_context["csrf_token"],
            request=parent_context["request"],
        )
        return context


class MistakeReportsPanel(DashboardPanel):
    name = "mistake_reports"
    order = 160

    def rows(self, parent_context):
        return MistakeReport.objects.filter(handled=False).select_related("offer")


@require_POST
def remind_provider(request, page_id):
    offer = get_object_or_404(OfferPage, pk=page_id)
    if not offer.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    address = offer.reminder_address
    if not address:
        messages.error(
            request, _("“%(title)s” has no email address to remind.") % {"title": offer.title}
        )
        return redirect("wagtailadmin_home")
    send_mail(
        subject=_("Please check your offer “%(title)s”") % {"title": offer.title},
        message=render_to_string(
            "offers/emails/remind_provider.txt",
            {"offer": offer, "url": offer.get_full_url(request), "days": STALE_AFTER_DAYS},
        ),
        from_email=None,
        recipient_list=[address],
    )
    OfferPage.objects.filter(pk=offer.pk).update(provider_reminded_at=timezone.now())
    # The mail is queued, not yet sent: the message says no more than that.
    messages.success(
        request, _("Reminder to %(address)s queued for sending.") % {"address": address}
    )
    return redirect("wagtailadmin_home")
