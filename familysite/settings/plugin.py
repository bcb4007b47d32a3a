"""The Familientisch plugin's settings for this site (familientisch/conf.py has them all, with
their defaults): where its sections hang, its groups, how long personal data is kept, the
navigator's maps. Part of base.py, kept apart so that each settings module stays short."""

import os

from .environment import env_list

# Protocols: members-only minutes are restricted to this group through Wagtail's page privacy.
PROTOCOLS_MEMBERS_GROUP = "Mitglieder"

# Partners: every uploaded SVG is checked for scripts and external references (any SVG in the
# media library is served from our domain); partner logos are limited in size.
# The sections of the plugin (navigator, events, partners, protocols) hang below the home page.
FAMILIENTISCH_SECTION_PARENT_PAGE_TYPES = ["home.HomePage"]

WAGTAILIMAGES_IMAGE_FORM_BASE = "familientisch.partners.image_forms.SafeSVGImageForm"
PARTNERS_LOGO_MAX_UPLOAD_SIZE = 2 * 1024 * 1024

# Events: editors who review event hints are the members of this group.
EVENT_HINT_MODERATORS_GROUP = "Moderators"

# Data protection: how many days each kind of personal data is kept. `manage.py
# purge_personal_data` (daily, deploy/systemd) deletes what is due; docs/production.md and the
# privacy page state the periods. Event hint contacts: after the event ended or the hint was
# rejected. Mistake and barrier reports: after they came in (the address then, the report once
# handled). Task results, which hold queued mails: after the task finished. Backups: deleted by
# the daily job (deploy/) after BACKUP_RETENTION_DAYS, read here for the privacy page.
EVENT_HINT_CONTACT_RETENTION_DAYS = int(os.environ.get("EVENT_HINT_CONTACT_RETENTION_DAYS", "30"))
MISTAKE_REPORT_RETENTION_DAYS = int(os.environ.get("MISTAKE_REPORT_RETENTION_DAYS", "90"))
BARRIER_REPORT_RETENTION_DAYS = int(os.environ.get("BARRIER_REPORT_RETENTION_DAYS", "365"))
TASK_RESULT_RETENTION_DAYS = int(os.environ.get("TASK_RESULT_RETENTION_DAYS", "14"))
BACKUP_RETENTION_DAYS = int(os.environ.get("BACKUP_RETENTION_DAYS", "30"))

# Familien-Navigator (offers app): Leaflet ships with the app (offers/static/offers/leaflet);
# without a tile address the maps show markers only and no request leaves the site.
NAVIGATOR_MAP_TILES_URL = os.environ.get("NAVIGATOR_MAP_TILES_URL", "")
NAVIGATOR_MAP_ATTRIBUTION = os.environ.get("NAVIGATOR_MAP_ATTRIBUTION", "")
NAVIGATOR_EDITORS_EMAILS = env_list("NAVIGATOR_EDITORS_EMAILS")
