"""Protection of the public forms (event hints, mistake reports, barrier reports) against bots
and floods, shared so that every public form behaves the same way."""

import hashlib

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _


class HoneypotFormMixin(forms.Form):
    """A field people leave empty and bots fill in. It is hidden by CSS (`.honeypot`), and
    its label tells screen-reader users to skip it."""

    homepage = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_homepage(self):
        if self.cleaned_data["homepage"]:
            raise forms.ValidationError(_("This field must stay empty."))
        return ""


def client_address(request):
    # Behind the proxy the first forwarded address is the visitor's (the proxy sets it).
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and getattr(settings, "USE_X_FORWARDED_FOR", False):
        return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def within_rate_limit(request, scope):
    """Count a submission from this address; False once it exceeds the limit of the period.
    Only a hash of the address is kept, and only for the period."""
    limit, period = getattr(settings, "PUBLIC_FORM_RATE_LIMIT", (5, 3600))
    digest = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"rate-limit:{scope}:{digest}"
    cache.add(key, 0, period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, period)
        count = 1
    return count <= limit
