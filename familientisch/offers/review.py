"""The admin's list of offers to check ("Zu prüfende Angebote"), in the Reports menu: every
stale offer the user may edit and every one with a broken link (the link check's), the
dashboard panel's full version, with filters, the check's facts (when, by whom, reminded
when), the reminder button and Wagtail's CSV and XLSX export."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput
from wagtail.permission_policies.pages import PagePermissionPolicy

from familientisch.links.checking import check_needed, with_broken_links
from familientisch.partners.models import PartnerPage
from familientisch.taxonomy.models import Category, District

from .dashboard import stale_offers_for
from .freshness import source_offers
from .models import OfferPage


def in_german(model):
    return lambda request: model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


class OffersToCheckFilterSet(django_filters.FilterSet):
    # A plain FilterSet: Wagtail's would add a choice of language, and only German is listed.
    provider = django_filters.ModelChoiceFilter(
        label=_("Provider"), queryset=in_german(PartnerPage)
    )
    district = django_filters.ModelChoiceFilter(
        label=_("District"),
        field_name="places__district",
        queryset=in_german(District),
        distinct=True,
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Category"), field_name="categories", queryset=in_german(Category), distinct=True
    )
    checked_before = django_filters.DateFilter(
        label=_("Last checked before"),
        field_name="last_checked",
        lookup_expr="lt",
        widget=AdminDateInput,
    )

    class Meta:
        model = OfferPage
        fields = []


class OffersToCheckView(ReportView):
    page_title = _("Offers to check")
    header_icon = "time"
    results_template_name = "offers/admin/offers_to_check_results.html"
    filterset_class = OffersToCheckFilterSet
    index_url_name = "offers_to_check"
    index_results_url_name = "offers_to_check_results"
    list_export = [
        "title",
        "provider",
        "last_checked",
        "checked_by_label",
        "provider_reminded_at",
        "reminder_address",
        "broken_links",
    ]
    export_headings = {
        "title": _("Offer"),
        "provider": _("Provider"),
        "last_checked": _("Last checked"),
        "checked_by_label": _("Checked by"),
        "provider_reminded_at": _("Reminded"),
        "reminder_address": _("Address for reminders"),
        "broken_links": _("Broken links"),
    }

    def get_filename(self):
        return "offers-to-check"

    def get_queryset(self):
        user = self.request.user
        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
        offers = source_offers().live().filter(pk__in=editable.values("pk"))
        # An offer with a broken link needs a look, however recently it was confirmed.
        listed = stale_offers_for(user) | check_needed(offers)
        return with_broken_links(listed).order_by("last_checked", "title")


class OffersToCheckMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_permission(request.user, "change")
