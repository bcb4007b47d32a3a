"""Setting up and giving the second factor in the admin (accounts.second_factor asks for it),
and an administrator's reset of someone's second factor (a lost phone without codes). A
passkey is set up and given by django-otp-webauthn's script on the same pages."""

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from wagtail.log_actions import log

APP_DEVICE = "Authenticator app"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=gettext_lazy("The six digits your authenticator app shows, or a recovery code."),
    )


def next_url(request):
    target = request.POST.get("next") or request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if safe and target else "wagtailadmin_home"


@require_http_methods(["GET", "POST"])
def setup(request):
    """An authenticator app, by QR code or by typing its key; confirmed by its first code."""
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return TemplateResponse(request, "accounts/second_factor_setup.html", {"done": True})
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    device = device or TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Your second factor is set up. Now make recovery codes."))
            return redirect("accounts_recovery_codes")
        form.add_error("code", _("This code is not right. Check the time on your phone."))
    context = {
        "done": False,
        "form": form,
        "key": device.key,
        "qr_code": mark_safe(segno.make(device.config_url).svg_inline(scale=4)),  # noqa: S308
        "next": request.GET.get("next", ""),
    }
    return TemplateResponse(request, "accounts/second_factor_setup.html", context)


@require_http_methods(["GET", "POST"])
def verify(request):
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"].strip())
        if device is not None:  # a recovery code is used up by this match
            otp_login(request, device)
            return redirect(next_url(request))
        form.add_error("code", _("This code is not right."))
    passkeys = WebAuthnCredential.objects.filter(user=request.user, confirmed=True)
    context = {
        "form": form,
        # where the passkey's script goes too (its view would go to LOGIN_REDIRECT_URL)
        "next": request.POST.get("next") or request.GET.get("next") or reverse("wagtailadmin_home"),
        "has_passkey": passkeys.exists(),
    }
    return TemplateResponse(request, "accounts/second_factor_verify.html", context)


@require_http_methods(["GET", "POST"])
def reset(request, user_id):
    """An administrator removes another user's second factor; they set up a new one."""
    if not request.user.has_perm("auth.change_user"):
        raise PermissionDenied
    person = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        for device in devices_for_user(person, confirmed=None):
            device.delete()
        log(instance=person, action="accounts.second_factor_reset", user=request.user)
        messages.success(request, _("The second factor of %(user)s is reset.") % {"user": person})
        return redirect("wagtailusers_users:index")
    return TemplateResponse(request, "accounts/second_factor_reset.html", {"person": person})
