"""The keep and remove buttons: a plain form (works without JavaScript) that changes the list in
the visitor's cookie and goes back to the page it came from.

Without a CSRF token, so that the pages carrying the button stay the same for everybody and
cacheable; a post from another site is refused by its Origin instead (all a forged post could
do is change a list of public pages)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import kept


def from_this_site(request):
    origin = request.headers.get("Origin") or request.headers.get("Referer")
    return not origin or urlsplit(origin).netloc == request.get_host()


@csrf_exempt
@require_POST
def keep(request):
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = "/"
    found = kept.parse(request.POST.get("page", ""))
    if not found or not from_this_site(request):
        return HttpResponseRedirect(back)
    page_id, ids = found[0], kept.kept_ids(request)
    removing = request.POST.get("action") == "remove"
    ids = [pk for pk in ids if pk != page_id] + ([] if removing else [page_id])
    separator = "&" if "?" in back else "?"
    state = "removed" if removing else "kept"
    response = HttpResponseRedirect(f"{back}{separator}{state}={page_id}")
    return kept.remember(response, ids[-kept.MAX_KEPT :])


def service_worker(request):
    """At the site's root, so that it may serve every page offline (a worker's reach is its
    own folder)."""
    response = render(
        request,
        "shortlist/service-worker.js",
        {
            "static_prefix": settings.STATIC_URL,
            "offline_message": _("You are offline, and this page was not saved for offline use."),
        },
        content_type="text/javascript; charset=utf-8",
    )
    response["Cache-Control"] = "no-cache"
    return response


def manifest(request):
    """The site as an app on the phone's home screen."""
    icons = [
        {
            "src": static(f"shortlist/icon-{size}.png"),
            "sizes": f"{size}x{size}",
            "type": "image/png",
        }
        for size in (192, 512)
    ]
    data = {
        "name": "Familientisch",
        "short_name": "Familientisch",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#073d5e",
        "icons": icons,
    }
    return JsonResponse(data, content_type="application/manifest+json")
