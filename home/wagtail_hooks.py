from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import BarrierReport


class BarrierReportViewSet(SnippetViewSet):
    model = BarrierReport
    icon = "warning"
    menu_label = _("Barrier reports")
    add_to_admin_menu = True
    list_display = ["created_at", "page_url", "email", "handled"]
    list_filter = ["handled"]
    search_fields = ["description", "page_url"]
    search_backend_name = None  # a handful of rows: the database filter is enough
    ordering = ["handled", "-created_at"]


register_snippet(BarrierReportViewSet)
