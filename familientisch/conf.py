"""The plugin's settings, each with its default, in one place: a host site sets only what
differs. The table in README ("Add Familientisch to an existing Wagtail site") lists them."""

from django.conf import settings

DEFAULTS = {
    # Page types ("app_label.Model") under which the navigator, events, partners and protocols
    # index pages may be created; None: under any page.
    "FAMILIENTISCH_SECTION_PARENT_PAGE_TYPES": None,
    # Navigator map tiles (e.g. a self-hosted tile server); empty: markers on a plain ground,
    # and no request leaves the site.
    "NAVIGATOR_MAP_TILES_URL": "",
    "NAVIGATOR_MAP_ATTRIBUTION": "",
    # A self-hosted geocoder for street addresses typed into "Where?" ("nominatim" or "photon"
    # at GEOCODER_URL, seconds to wait); empty: quarters and postcodes of the gazetteer only.
    "GEOCODER_URL": "",
    "GEOCODER_KIND": "nominatim",
    "GEOCODER_TIMEOUT": 3,
    # Route planners linked beside every address: (label, address with {lat}, {lon} and
    # {language}); the visitor opens them on purpose, public pages never load them.
    "ROUTE_LINKS": [
        (
            "OpenStreetMap",
            "https://www.openstreetmap.org/directions?route=%3B{lat}%2C{lon}#map=16/{lat}/{lon}",
        ),
        (
            "VRR",
            "https://efa.vrr.de/vrrstd/XSLT_TRIP_REQUEST2?language={language}"
            "&type_destination=coord&name_destination={lon}:{lat}:WGS84[dd.ddddd]",
        ),
    ],
    # Public holidays on which places count as closed: (country, state) as the `holidays`
    # library names them.
    "CITY_HOLIDAYS": ("DE", "NW"),
    # Who gets the "report a mistake" mails of the navigator.
    "NAVIGATOR_EDITORS_EMAILS": [],
    # The groups that open visitors' reports (mistakes, barriers) and mark them handled, and
    # the groups that approve partners' logos for publication, and those that invite a
    # partner's accounts (a group and its first user, in one action of the admin).
    "REPORT_HANDLER_GROUPS": ["Editors", "Moderators"],
    "LOGO_APPROVER_GROUPS": ["Moderators"],
    "PARTNER_INVITER_GROUPS": ["Editors", "Moderators"],
    "SYNONYM_EDITOR_GROUPS": ["Editors", "Moderators"],
    # The groups that read the monthly statistics (familientisch.statistics), and how many months
    # before the current one its counts are kept.
    "STATISTICS_VIEWER_GROUPS": ["Editors", "Moderators"],
    "STATISTICS_RETENTION_MONTHS": 25,
    # Days a mistake report (with its sender's address) and a hint's contact data are kept.
    "MISTAKE_REPORT_RETENTION_DAYS": 90,
    "EVENT_HINT_CONTACT_RETENTION_DAYS": 30,
    # The group whose members moderate event hints, and the group that may read private minutes.
    "EVENT_HINT_MODERATORS_GROUP": "Moderators",
    "EVENT_HINT_REVISION_DAYS": 14,
    "PROTOCOLS_MEMBERS_GROUP": "Mitglieder",
    # How far ahead the events list looks; the domain of calendar entries' UIDs (empty: the
    # site's host name).
    "EVENTS_UPCOMING_DAYS": 183,
    "EVENTS_ICAL_UID_DOMAIN": "",
    # The largest logo file a partner may upload, in bytes.
    "PARTNERS_LOGO_MAX_UPLOAD_SIZE": 2 * 1024 * 1024,
    # What a partner's page lists: (model label, link field to the partner, queryset method
    # choosing the current ones); the partner's "My organisation" in the admin lists them all.
    "PARTNER_ACTIVITIES": [
        ("familientisch_offers.OfferPage", "provider", "current"),
        ("familientisch_events.EventPage", "organiser", "upcoming"),
    ],
    # What an offer or event lists as "also at this place": (model label, path to its street
    # and postcode, queryset method choosing the current ones).
    "PLACE_ACTIVITIES": [
        ("familientisch_events.EventPage", "", "upcoming"),
        ("familientisch_offers.OfferPage", "places__", "current"),
    ],
    # The region named in the HSDS open data, and the address it names as the one who assures
    # that an offer was checked (the office's, never an editor's own; empty: DEFAULT_FROM_EMAIL).
    "HSDS_STATE_PROVINCE": "Nordrhein-Westfalen",
    "HSDS_ASSURER_EMAIL": "",
    # The daily `remind_providers`: offers due for review this many days before they go stale
    # are included; a provider gets at most one reminder in OFFER_REMINDER_INTERVAL_DAYS; the
    # links in it ("still correct", "something changed") work for OFFER_CHECK_LINK_DAYS.
    "OFFER_CHECK_NOTICE_DAYS": 14,
    "OFFER_REMINDER_INTERVAL_DAYS": 30,
    "OFFER_CHECK_LINK_DAYS": 30,
    # The daily `check_links`: its user agent (empty: "Familientisch-Linkpruefung/1.0
    # (+WAGTAILADMIN_BASE_URL)"), seconds to wait for an answer, seconds between two requests
    # to one host, hosts asked at the same time, and the failing days in a row after which a
    # link counts as broken (the inbox, "check needed", the provider's reminder).
    "LINK_CHECKER_USER_AGENT": "",
    "LINK_CHECKER_TIMEOUT": 10,
    "LINK_CHECKER_HOST_INTERVAL": 1.0,
    "LINK_CHECKER_HOSTS_AT_ONCE": 4,
    "LINK_CHECKER_FAILING_DAYS": 3,
    # Public forms (hints, reports): at most this many sends per sender and period (seconds),
    # counted in this cache; proxies (networks) whose X-Forwarded-For is believed.
    "PUBLIC_FORM_RATE_LIMIT": (5, 3600),
    "PUBLIC_FORM_RATE_LIMIT_CACHE": "default",
    "TRUSTED_PROXIES": [],
    # Paths without a language of their own (never redirected to a language prefix).
    "LANGUAGE_NEUTRAL_PATHS": (
        "/api/",
        "/admin/",
        "/documents/",
        "/service-worker.js",
        "/manifest.webmanifest",
        "/my-list/",
        "/city-map.geojson",
        "/offer-check/",
    ),
    # Languages whose translations the engine brings up to date when German text changes (only
    # the changed texts), those of them published at once (else a draft for review), and the
    # characters the engine may translate per month.
    "MACHINE_TRANSLATION_LANGUAGES": [],
    "MACHINE_TRANSLATION_PUBLISHED_LANGUAGES": [],
    "MACHINE_TRANSLATION_MONTHLY_CHARACTERS": 500_000,
    # PostgreSQL's text search configuration per language; "simple" only folds case, for the
    # languages PostgreSQL has no stemmer for (Farsi, Ukrainian, Polish).
    "TEXT_SEARCH_CONFIGS": {
        "de": "german",
        "en": "english",
        "tr": "turkish",
        "ru": "russian",
        "ar": "arabic",
        "fa": "simple",
        "uk": "simple",
        "pl": "simple",
    },
}


def setting(name):
    return getattr(settings, name, DEFAULTS[name])
