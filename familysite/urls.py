from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from familientisch.urls import api_urls, offline_urls
from home import views as home_views
from home.sitemaps import language_sitemaps
from operations.views import healthz

sitemaps = language_sitemaps()

# 400.html, 403_csrf.html and 404.html are Django's own handlers' templates (templates/).
handler500 = "operations.views.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    *api_urls,
    *offline_urls,
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-language"},
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="sitemap-language",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    from operations.media import serve_media

    # With the headers that keep an uploaded SVG from running script (operations/media.py).
    urlpatterns += static(settings.MEDIA_URL, serve_media, document_root=settings.MEDIA_ROOT)

# Every public page carries its language in the path; "/" is redirected by LocaleMiddleware
# to the visitor's preferred language (Accept-Language), German when none fits.
urlpatterns += i18n_patterns(
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("familientisch.events.urls")),  # calendar feeds (.ics) of the events pages
    path("suche/", home_views.search, name="search"),
    path("barriere-melden/", home_views.barrier_report, name="barrier_report"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
