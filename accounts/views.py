"""A staff member's own security pages in the admin's account menu: recovery codes for the
second factor, passkeys, and where they are logged in."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp_webauthn.models import WebAuthnCredential

from .models import StaffSession
from .sessions import end_sessions

RECOVERY_DEVICE = "Recovery codes"
RECOVERY_CODES = 10


@require_http_methods(["GET", "POST"])
def recovery_codes(request):
    """New codes replace the old ones and are shown once: each works once, in place of the
    app's code, for a lost phone."""
    user = request.user
    context = {"codes": None, "has_factor": user_has_device(request.user, confirmed=True)}
    if request.method == "POST" and context["has_factor"]:
        StaticDevice.objects.filter(user=user, name=RECOVERY_DEVICE).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
        context["codes"] = codes
    else:
        device = StaticDevice.objects.filter(user=user, name=RECOVERY_DEVICE).first()
        context["remaining"] = device.token_set.count() if device else 0
    return TemplateResponse(request, "accounts/recovery_codes.html", context)


@require_http_methods(["GET", "POST"])
def staff_sessions(request):
    sessions = StaffSession.objects.filter(user=request.user)
    if request.method == "POST":
        end_sessions(sessions.exclude(session_key=request.session.session_key))
        messages.success(request, _("All your other sessions are logged out."))
        return redirect("accounts_sessions")
    context = {"sessions": sessions, "current": request.session.session_key}
    return TemplateResponse(request, "accounts/sessions.html", context)


@require_http_methods(["GET", "POST"])
def passkeys(request):
    """Their passkeys, and one more (django-otp-webauthn's script, where the browser has them);
    a passkey they no longer have is removed here."""
    own = WebAuthnCredential.objects.filter(user=request.user, confirmed=True)
    if request.method == "POST":
        own.filter(pk=request.POST.get("remove")).delete()
        messages.success(request, _("The passkey is removed."))
        return redirect("accounts_passkeys")
    context = {"passkeys": own.order_by("created_at")}
    return TemplateResponse(request, "accounts/passkeys.html", context)
