"""Staff are invited, never sent a password: an administrator creates the account without one
(WAGTAILUSERS_PASSWORD_REQUIRED is off), and the new user gets a mail, in their admin language,
with a link to choose it (Wagtail's password reset views; the link works for
PASSWORD_RESET_TIMEOUT and only until the password is set)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from familientisch.core.mail import admin_link, send_in_language, user_language
from familientisch.partners.invitations import set_password_link


def invite_staff(user):
    """Mail a new account without a usable password its set-password link."""
    if not user.email or (user.password and user.has_usable_password()):
        return False
    if not user.password:  # Wagtail's form leaves it empty, which Django would call usable
        user.set_unusable_password()
        user.save(update_fields=["password"])
    context = {
        "user": user,
        "set_password_url": set_password_link(user),
        "valid_days": settings.PASSWORD_RESET_TIMEOUT // (24 * 3600),
        "admin_url": admin_link("wagtailadmin_home"),
    }
    subject = _("Your account for the admin of %(site)s")
    template = "accounts/mail/invitation.txt"
    site = settings.WAGTAIL_SITE_NAME
    return bool(
        send_in_language(user_language(user), subject, template, context, [user.email], site=site)
    )
