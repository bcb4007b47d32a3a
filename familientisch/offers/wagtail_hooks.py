from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.snippets.models import register_snippet

from familientisch.core.report_views import VisitorReportViewSet

from .bulk_actions import MarkCheckedBulkAction
from .dashboard import MistakeReportsPanel, StaleOffersPanel, remind_provider
from .freshness import CHECKED_ACTION, checked_on_publish
from .models import MistakeReport, OfferPage
from .review import OffersToCheckMenuItem, OffersToCheckView


@hooks.register("construct_homepage_panels")
def add_navigator_panels(request, panels):
    """Each panel only for those who may act on it: mistake reports carry visitors' addresses,
    so partner accounts never see them; the stale offers are those the user may edit."""
    panels.append(StaleOffersPanel())
    if request.user.has_perm("familientisch_offers.change_mistakereport"):
        panels.append(MistakeReportsPanel())


@hooks.register("register_admin_urls")
def navigator_admin_urls():
    return [
        path("offers/<int:page_id>/remind/", remind_provider, name="offers_remind_provider"),
        path("offers/to-check/", OffersToCheckView.as_view(), name="offers_to_check"),
        path(
            "offers/to-check/results/",
            OffersToCheckView.as_view(results_only=True),
            name="offers_to_check_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def offers_to_check_menu_item():
    return OffersToCheckMenuItem(
        _("Offers to check"), reverse("offers_to_check"), name="offers-to-check", icon_name="time"
    )


hooks.register("register_bulk_action", MarkCheckedBulkAction)


@hooks.register("before_publish_page")
def publishing_an_offer_checks_it(request, page):
    """Whoever publishes an edit of an offer in the admin has looked at it: last checked today,
    by them. Before publication, into the revision being published, so that the publication
    carries the date into every language (i18n.facts) and no second revision is made."""
    checked_on_publish(page, request.user)


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


@hooks.register("register_log_actions")
def offer_log_actions(actions):
    actions.register_action(
        CHECKED_ACTION, _("Confirm as still correct"), _("Confirmed as still correct")
    )
