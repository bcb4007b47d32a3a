"""The plugin's own settings with their defaults: a host site sets only what differs (README,
"Add Familientisch to an existing Wagtail site")."""

from django.conf import settings

DEFAULTS = {
    # Page types (app_label.Model) under which the navigator, events, partners and protocols
    # index pages may be created; None: under any page.
    "FAMILIENTISCH_SECTION_PARENT_PAGE_TYPES": None,
}


def setting(name):
    return getattr(settings, name, DEFAULTS[name])
