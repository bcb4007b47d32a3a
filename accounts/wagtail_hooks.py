from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import ListingButton

from . import factor_views, invitations, views


@hooks.register("register_admin_urls")
def account_security_urls():
    return [
        path("account/second-factor/", factor_views.setup, name="accounts_second_factor_setup"),
        path(
            "account/second-factor/verify/",
            factor_views.verify,
            name="accounts_second_factor_verify",
        ),
        path(
            "account/second-factor/reset/<int:user_id>/",
            factor_views.reset,
            name="accounts_second_factor_reset",
        ),
        path("account/recovery-codes/", views.recovery_codes, name="accounts_recovery_codes"),
        path("account/sessions/", views.staff_sessions, name="accounts_sessions"),
        path("account/passkeys/", views.passkeys, name="accounts_passkeys"),
        # django-otp-webauthn's JSON views (namespace otp_webauthn), for logged-in staff only
        path("webauthn/", include("django_otp_webauthn.urls")),
    ]


@hooks.register("register_account_menu_item")
def second_factor_item(request):
    return {
        "url": reverse("accounts_second_factor_setup"),
        "label": _("Second factor"),
        "help_text": _("Log in with a code from an authenticator app as well as your password."),
    }


@hooks.register("register_account_menu_item")
def passkeys_item(request):
    return {
        "url": reverse("accounts_passkeys"),
        "label": _("Passkeys"),
        "help_text": _(
            "Add a passkey: this device confirms it is you, in place of the app's code."
        ),
    }


@hooks.register("register_user_listing_buttons")
def reset_second_factor_button(user, request_user):
    if request_user.has_perm("auth.change_user") and user != request_user:
        yield ListingButton(
            _("Reset second factor"),
            reverse("accounts_second_factor_reset", args=[user.pk]),
            priority=100,
        )


@hooks.register("register_log_actions")
def account_log_actions(actions):
    actions.register_action(
        "accounts.second_factor_reset", _("Reset second factor"), _("Second factor reset")
    )


@hooks.register("register_account_menu_item")
def recovery_codes_item(request):
    return {
        "url": reverse("accounts_recovery_codes"),
        "label": _("Recovery codes"),
        "help_text": _("Codes for logging in when your phone with the authenticator is lost."),
    }


@hooks.register("register_account_menu_item")
def sessions_item(request):
    return {
        "url": reverse("accounts_sessions"),
        "label": _("Where you are logged in"),
        "help_text": _("See your sessions and log out everywhere else."),
    }


@hooks.register("after_create_user")
def invite_new_staff(request, user):
    if invitations.invite_staff(user):
        messages.success(
            request, _("%(user)s is invited by mail to choose a password.") % {"user": user}
        )
