from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from django.shortcuts import resolve_url
from wagtail import hooks

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
