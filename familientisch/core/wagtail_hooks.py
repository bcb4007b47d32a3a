from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from django.shortcuts import resolve_url
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages

from .admin_notes import notes
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


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def tell_what_the_form_noted(request, page):
    """What the page's admin form noted for the editor (core.admin_notes): a new address (slug)
    because another page had it, a geocoder that did not answer."""
    for text, url in notes(page):
        buttons = [messages.button(url, _("Edit"))] if url else None
        messages.warning(request, text, buttons=buttons)
