from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page carries its language in the path; "/" is redirected by LocaleMiddleware
# to the visitor's preferred language (Accept-Language), German when none fits.
urlpatterns += i18n_patterns(
    path("suche/", home_views.search, name="search"),
    path("barriere-melden/", home_views.barrier_report, name="barrier_report"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
