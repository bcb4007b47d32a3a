from django.contrib import messages
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from familientisch.core.report_views import VisitorReportViewSet

from .dashboard import MistakeReportsPanel, StaleOffersPanel, remind_provider
from .models import MistakeReport, OfferPage


@hooks.register("construct_homepage_panels")
def add_navigator_panels(request, panels):
    """Each panel only for those who may act on it: mistake reports carry visitors' addresses,
    so partner accounts never see them; the stale offers are those the user may edit."""
    panels.append(StaleOffersPanel())
    if request.user.has_perm("familientisch_offers.change_mistakereport"):
        panels.append(MistakeReportsPanel())


@hooks.register("register_admin_urls")
def navigator_admin_urls():
    return [path("offers/<int:page_id>/remind/", remind_provider, name="offers_remind_provider")]


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_when_nobody_can_be_called(request, page):
    """Families call before they go: saving is allowed, but the editor hears what is missing."""
    if isinstance(page.specific, OfferPage) and not (page.phone or page.contact_person):
        messages.warning(
            request,
            _("This offer has neither a phone number nor a contact person: families cannot call."),
        )


class MistakeReportViewSet(VisitorReportViewSet):
    model = MistakeReport
    menu_label = _("Mistake reports")
    list_display = ["offer", "kind", "created_at", "handled"]
    list_filter = ["handled", "kind"]


register_snippet(MistakeReportViewSet)
