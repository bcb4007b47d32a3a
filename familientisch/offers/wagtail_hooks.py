from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from familientisch.core.report_views import VisitorReportViewSet

from .dashboard import MistakeReportsPanel, StaleOffersPanel, remind_provider
from .models import MistakeReport


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


class MistakeReportViewSet(VisitorReportViewSet):
    model = MistakeReport
    menu_label = _("Mistake reports")
    list_display = ["offer", "kind", "created_at", "handled"]
    list_filter = ["handled", "kind"]


register_snippet(MistakeReportViewSet)
