"""The admin's list of a kind of report that visitors send (see core.visitor_reports)."""

from wagtail.snippets.views.snippets import SnippetViewSet


class VisitorReportViewSet(SnippetViewSet):
    """In the admin menu, with the reports still to handle a filter away."""

    icon = "warning"
    add_to_admin_menu = True
    list_filter = ["handled"]
