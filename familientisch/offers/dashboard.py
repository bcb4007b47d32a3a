"""The editors' dashboard: offers nobody has checked for half a year, with a one-click
reminder to the provider (the daily job's mail, offers.freshness) and a link to the full list
(offers.review), and the mistakes visitors reported."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.permission_policies.pages import PagePermissionPolicy

from .freshness import note_reminded, send_reminder, source_offers
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
        return stale_offers_for(parent_context["request"].user).order_by("last_checked", "title")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            days=STALE_AFTER_DAYS,
            csrf_token=parent_context["csrf_token"],
            request=parent_context["request"],
        )
        return context


def stale_offers_for(user):
    """The live German offers nobody has checked for STALE_AFTER_DAYS that `user` may edit."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return (
        source_offers()
        .live()
        .stale()
        .filter(pk__in=editable.values("pk"))
        .select_related("provider", "checked_by")
    )


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
    # back to the dashboard or the list of offers to check, whichever had the button
    back = get_valid_next_url_from_request(request) or "wagtailadmin_home"
    address = offer.reminder_address
    if not address:
        messages.error(
            request, _("“%(title)s” has no email address to remind.") % {"title": offer.title}
        )
        return redirect(back)
    send_reminder(address, [offer])
    note_reminded([offer], timezone.now())
    # The mail is queued, not yet sent: the message says no more than that.
    messages.success(
        request, _("Reminder to %(address)s queued for sending.") % {"address": address}
    )
    return redirect(back)
