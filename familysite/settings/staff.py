"""The admin and its staff accounts (accounts/): where the admin is, whom it mails, and how
staff log in. Part of base.py, kept apart so that each settings module stays short."""

import os
from urllib.parse import urlsplit

from .environment import env_bool, env_list

WAGTAIL_SITE_NAME = "Familientisch"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Administrators are told of what they moderate, like everyone else, not of every submission.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# The admin makes no requests to other sites either: no avatars from Gravatar, no check for new
# Wagtail releases (the operators follow them in deploy/).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Staff accounts (accounts/): the roles that see visitors' personal data log in with a second
# factor once TWO_FACTOR_REQUIRED is on (the production default); a staff session ends after
# STAFF_SESSION_IDLE_MINUTES without a request.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", default=False)
OTP_TOTP_ISSUER = "Familientisch"
TWO_FACTOR_GROUPS = env_list("TWO_FACTOR_GROUPS", "Editors,Moderators")
# Passkeys (django-otp-webauthn) as a second factor next to the app, never in place of the
# password. They are bound to PASSKEY_RP_ID, the admin's host, and answer only on the origins of
# PASSKEY_ORIGINS (https, or http://localhost); both follow WAGTAILADMIN_BASE_URL unless set.
# Browsers refuse an address as RP ID: 127.0.0.1 is localhost here.
_admin = urlsplit(WAGTAILADMIN_BASE_URL)
_admin_host = "localhost" if _admin.hostname in {"127.0.0.1", "::1"} else _admin.hostname
_admin_origin = f"{_admin.scheme}://{_admin_host}" + (f":{_admin.port}" if _admin.port else "")
OTP_WEBAUTHN_RP_ID = os.environ.get("PASSKEY_RP_ID", _admin_host)
OTP_WEBAUTHN_RP_NAME = WAGTAIL_SITE_NAME
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list("PASSKEY_ORIGINS", _admin_origin)
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
STAFF_SESSION_IDLE_MINUTES = int(os.environ.get("STAFF_SESSION_IDLE_MINUTES", 30))
# A new account may have no password: its owner chooses one through the invitation mail.
WAGTAILUSERS_PASSWORD_REQUIRED = False
