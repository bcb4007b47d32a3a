from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from django.shortcuts import resolve_url
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import BarrierReport
from .restrictions import choosable_by, may_download


@hooks.register("construct_page_chooser_queryset")
def hide_what_the_user_may_not_see_from_the_page_chooser(pages, request):
    return choosable_by(pages, request.user)


@hooks.register("before_serve_document")
def serve_private_attachments_only_to_who_may_read_their_pages(document, request):
    if may_download(document, request):
        return None
    if request.user.is_authenticated:
        return HttpResponseForbidden()
    return redirect_to_login(
        request.get_full_path(), resolve_url(settings.WAGTAIL_FRONTEND_LOGIN_URL)
    )


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
