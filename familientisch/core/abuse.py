"""Protection of the public forms (event hints, mistake reports, barrier reports) and the hint
API against bots and floods, shared so that every public form behaves the same way."""

import hashlib
import ipaddress
import logging
import math
import time
from dataclasses import dataclass

from django import forms
from django.core.cache import caches
from django.utils.translation import gettext_lazy as _

from familientisch.conf import setting

logger = logging.getLogger(__name__)

# A sender who could not be counted (the rate-limit cache does not answer) may try again then.
UNCOUNTED_RETRY_SECONDS = 60


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


def _ip(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address, proxies):
    return address is not None and any(address in network for network in proxies)


def client_address(request):
    """The sender's address. X-Forwarded-For counts only when the request comes from one of the
    TRUSTED_PROXIES, and is read from the right: each trusted proxy appends the address it got
    the request from, so the right-most address that is not a trusted proxy is the last one a
    trusted party vouches for. Whatever stands left of it the sender may have written."""
    peer = request.META.get("REMOTE_ADDR", "")
    networks = setting("TRUSTED_PROXIES")
    proxies = [ipaddress.ip_network(network, strict=False) for network in networks]
    if not _trusted(_ip(peer), proxies):
        return peer
    sender = peer
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _ip(hop)
        if address is None:  # not an address: nothing left of it can be trusted either
            break
        sender = str(address)
        if not _trusted(address, proxies):
            break
    return sender


def sender_address(request):
    """Whom the limits count (the rate limits here and the login lockout): the client address,
    and for IPv6 its /64 network, since one line or server usually has the whole network and
    could otherwise take a new address for every try."""
    text = client_address(request)
    address = _ip(text)
    if address is None or address.version == 4:
        return text
    if address.ipv4_mapped:
        return str(address.ipv4_mapped)
    return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)


@dataclass(frozen=True)
class Refusal:
    """A submission not taken: 429 when the sender has sent too many within the period, 503
    when the submissions could not be counted. `answer` puts the status and Retry-After on the
    response that carries the message."""

    status: int
    retry_after: int
    message: str

    def answer(self, response):
        response.status_code = self.status
        response["Retry-After"] = str(self.retry_after)
        return response


def _count(store, key, period):
    """This sender's submissions in the current period, this one included, and the seconds
    left of the period."""
    now = time.time()
    started = store.get_or_set(f"{key}:since", now, period)
    store.add(key, 0, period)
    try:
        count = store.incr(key)
    except ValueError:  # expired between add and incr
        store.set(key, 1, period)
        count = 1
    return count, max(1, math.ceil(started + period - now))


def rate_limit_refusal(request, scope, too_many):
    """Count a submission from this sender to `scope` (each form and the API have their own);
    None while it is within PUBLIC_FORM_RATE_LIMIT, otherwise the Refusal, with the message
    `too_many`. A cache that does not answer refuses: a flood must not pass uncounted. Only a
    hash of the address is kept, and only for the period."""
    limit, period = setting("PUBLIC_FORM_RATE_LIMIT")
    store = caches[setting("PUBLIC_FORM_RATE_LIMIT_CACHE")]
    digest = hashlib.sha256(sender_address(request).encode()).hexdigest()[:32]
    try:
        count, seconds_left = _count(store, f"rate-limit:{scope}:{digest}", period)
    except Exception:
        logger.exception("rate limit of %s cannot count: submission refused", scope)
        message = _("This form cannot take submissions at the moment. Please try again later.")
        return Refusal(503, UNCOUNTED_RETRY_SECONDS, message)
    if count > limit:
        return Refusal(429, seconds_left, too_many)
    return None
