from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from familientisch.core.report_views import VisitorReportViewSet

from .models import BarrierReport


class BarrierReportViewSet(VisitorReportViewSet):
    model = BarrierReport
    menu_label = _("Barrier reports")
    list_display = ["created_at", "page_url", "email", "handled"]
    search_fields = ["description", "page_url"]
    search_backend_name = None  # a handful of rows: the database filter is enough
    ordering = ["handled", "-created_at"]


register_snippet(BarrierReportViewSet)
