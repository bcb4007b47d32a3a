"""Onboarding a partner in one action of an editor: the partner gets a group of accounts if it
has none (named after the partner and set on its page, so partners.access and the apps'
signals grant the group its rights), the first user joins it, and a mail invites them to set
a password through Wagtail's own password reset views.

A new account has an unusable password until its owner sets one; the link is Django's
password reset token, valid for PASSWORD_RESET_TIMEOUT and only until the password is set. An
existing account with the address joins the group and is told so, with no password link."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _
from wagtail.users.models import UserProfile

from familientisch.core.mail import admin_link, send_in_language


class InvitationForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("Email"))
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        help_text=_("Also the language of the admin for a new account."),
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        users = get_user_model().objects
        # Another person's account must never join the partner because its name is the address.
        if users.filter(username__iexact=email).exclude(email__iexact=email).exists():
            raise forms.ValidationError(
                _("An account named %(email)s exists with another address."),
                params={"email": email},
            )
        return email


def partner_group(partner):
    """The partner's group, created with the partner's name when it has none."""
    if partner.group_id is not None:
        return partner.group
    name, number = partner.title[:140], 1
    while Group.objects.filter(name=name).exists():
        number += 1
        name = f"{partner.title[:140]} ({number})"
    group = Group.objects.create(name=name)
    partner.group = group
    # The live page, for the rights at once (the signals grant them on this save); and the
    # latest revision, so that publishing it later keeps the group.
    partner.save(update_fields=["group"])
    revision = partner.latest_revision
    if revision is not None:
        revision.content["group"] = group.pk
        revision.save(update_fields=["content"])
    return group


def account_for(first_name, last_name, email, language):
    """The account with `email`, or a new one with no usable password; and whether it is new."""
    users = get_user_model().objects
    user = users.filter(email__iexact=email).order_by("pk").first()
    if user is not None:
        return user, False
    # Without a password: Django stores an unusable one.
    user = users.create_user(email.lower(), email, first_name=first_name, last_name=last_name)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])
    return user, True


def set_password_link(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return admin_link("wagtailadmin_password_reset_confirm", uid, token)


@transaction.atomic
def invite(partner, first_name, last_name, email, language):
    """Give `partner` (a German partner page) its first or a further account, and mail it."""
    group = partner_group(partner)
    user, new = account_for(first_name, last_name, email, language)
    user.groups.add(group)
    context = {
        "partner": partner,
        "user": user,
        "set_password_url": set_password_link(user) if new else "",
        "valid_days": settings.PASSWORD_RESET_TIMEOUT // (24 * 3600),
        "admin_url": admin_link("partners_organisation"),
    }
    subject = _("Your account for %(partner)s")
    send_in_language(
        language, subject, "partners/mail/invitation.txt", context, [email], partner=partner.title
    )
    return user
