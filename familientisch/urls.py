"""The plugin's addresses, for a host site's urls.py: `path("", include("familientisch.urls"))`
before Wagtail's own (README, "Add Familientisch to an existing Wagtail site"). The pages
themselves (navigator, events, partners, protocols) are Wagtail pages and need no address here.

- `api/v1/`: the JSON API, version 1, each app contributing its router;
- the calendar feeds (`.../feed.ics`, `.../event.ics`) of the events pages;
- the service worker and web app manifest (the site on a phone's home screen, offline) and
  the keep button of "my list"; the navigator's own base map;
- the pages a provider opens from a reminder mail to confirm an offer or report a change,
  whose language is in the link (`?lang=`).

A site with a language prefix in every address (this one) mounts `api_urls` and `offline_urls`
outside and
`familientisch.events.urls` inside its `i18n_patterns`."""

from django.urls import include, path

from familientisch.api.service import OPTIONAL_TOKEN, FamilyAPI, unknown_endpoint
from familientisch.events.api import router as events_router
from familientisch.offers import checking
from familientisch.offers.api import router as offers_router
from familientisch.offers.city_map import serve_city_map
from familientisch.offers.hsds import router as hsds_router
from familientisch.partners.api import router as partners_router
from familientisch.protocols.api import router as protocols_router
from familientisch.shortlist import views as shortlist_views
from familientisch.taxonomy.api import router as taxonomies_router

api = FamilyAPI(
    title="Familientisch API",
    version="1",
    description=(
        "Offers, events, partners and protocols of the Familientisch, in every site language. "
        "Every list takes `locale`; filters take the same slugs as the website's."
    ),
    urls_namespace="api-v1",
    docs_url="docs/",
    auth=OPTIONAL_TOKEN,
)
api.add_router("", taxonomies_router)
api.add_router("", protocols_router)
api.add_router("", partners_router)
api.add_router("", offers_router)
api.add_router("", events_router)
api.add_router("", hsds_router)

api_urls = [
    path("api/v1/", api.urls),
    path("api/<path:rest>", unknown_endpoint),
]
# Without a language: the service worker must sit at the root to serve every page offline;
# the links in the providers' reminders carry their language as `lang`.
offline_urls = [
    path("service-worker.js", shortlist_views.service_worker, name="service_worker"),
    path("manifest.webmanifest", shortlist_views.manifest, name="manifest"),
    path("my-list/keep/", shortlist_views.keep, name="shortlist_keep"),
    path("city-map.geojson", serve_city_map, name="city_map"),
    path("offer-check/<str:token>/", checking.check_offer, name="offer_check"),
    path("offer-check/<str:token>/changed/", checking.report_change, name="offer_change"),
]
urlpatterns = [*api_urls, *offline_urls, path("", include("familientisch.events.urls"))]
