from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from .translation_overview import build_overview


def translation_overview(request):
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        raise PermissionDenied
    return render(
        request,
        "i18n/admin/translation_overview.html",
        {"overviews": build_overview(request.user), "page_title": _("Translation overview")},
    )
