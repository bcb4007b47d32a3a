"""The second factor in the admin, on django-otp: a code from an authenticator app (TOTP) or
a recovery code (otp_static). With TWO_FACTOR_REQUIRED on, the admin asks for it of every
user in the groups of TWO_FACTOR_GROUPS (the roles that see visitors' personal data) and of
administrators, who set one up at their first login; anyone else who has set one up is
asked too. Partner accounts may, and need not. A passkey (django-otp-webauthn) is a second
factor as good as the app: user_has_device counts it, django_otp.login marks it given."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django_otp import user_has_device
from django_otp.middleware import OTPMiddleware

# Reachable before the second factor: logging in and out, setting it up, what their pages load.
OPEN_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "accounts_second_factor_setup",
    "accounts_second_factor_verify",
    # Passkeys (django-otp-webauthn): giving one, and adding the first (it refuses to add one
    # for a user who has a second factor and has not given it).
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
    "otp_webauthn:credential-registration-begin",
    "otp_webauthn:credential-registration-complete",
    "otp_webauthn:js-i18n-catalog",
}


def must_use_second_factor(user):
    if user.is_superuser or user_has_device(user, confirmed=True):
        return True
    return user.groups.filter(name__in=settings.TWO_FACTOR_GROUPS).exists()


class SecondFactorMiddleware(OTPMiddleware):
    """django-otp's middleware (request.user.is_verified()), and in the admin the way to the
    code for a user who must give one and has not yet. Synchronous only, like this site."""

    sync_capable, async_capable = True, False

    def __call__(self, request):
        self._install_lazy_accessors(request)
        return self.ask_for_second_factor(request) or self.get_response(request)

    def ask_for_second_factor(self, request):
        user = request.user
        if not (settings.TWO_FACTOR_REQUIRED and user.is_authenticated):
            return None
        if user.is_verified() or not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        if view_name(request.path_info) in OPEN_NAMES or not must_use_second_factor(user):
            return None
        step = "verify" if user_has_device(user, confirmed=True) else "setup"
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse(f'accounts_second_factor_{step}')}?{query}")


def view_name(path):
    try:
        return resolve(path).view_name
    except Resolver404:
        return None
