"""The one way the plugin's own mails leave: each recipient gets one message of their own (no
one sees the others' addresses), in their language, with absolute links.

Delivery is the site's EMAIL_BACKEND: in this project the queue of operations/mail.py, which
sends after the surrounding transaction has committed and retries while the mail server is
down. Links into the admin start from WAGTAILADMIN_BASE_URL; links to public pages from the
page's site (Site.root_url), both set per installation, never from the request that happens
to trigger the mail (a worker has none, and a request may come in through an internal port).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site


def admin_link(url_name, *args):
    """An absolute address in the admin, e.g. admin_link("wagtailadmin_pages:edit", page.pk)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(url_name, args=args)


def site_link(path):
    """An absolute public address for a path of the site (a view outside the page tree)."""
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return root.rstrip("/") + path


def unique_addresses(addresses):
    """Each address once, whatever its case; empty ones dropped; the first spelling kept."""
    seen, unique = set(), []
    for address in addresses:
        if address and address.lower() not in seen:
            seen.add(address.lower())
            unique.append(address)
    return unique


def send_in_language(language, subject, template, context, addresses, **subject_values):
    """One plain-text mail per address, rendered in `language`. `subject` is a (lazy) message
    with %(name)s placeholders filled from `subject_values`. Returns the number queued."""
    addresses = unique_addresses(addresses)
    if not addresses:
        return 0
    with translation.override(language or settings.LANGUAGE_CODE):
        title = str(subject) % subject_values if subject_values else str(subject)
        body = render_to_string(template, context)
    for address in addresses:
        EmailMessage(title, body, None, [address]).send()
    return len(addresses)


def user_language(user):
    """The language a staff user reads the admin in (their profile's choice), else German."""
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile and profile.preferred_language) or settings.LANGUAGE_CODE


def send_to_users(users, subject, template, context, **subject_values):
    """The mail to each active user with an address, each in their own admin language."""
    by_language, seen = {}, set()
    for user in users:
        if user.is_active and user.email and user.email.lower() not in seen:
            seen.add(user.email.lower())
            by_language.setdefault(user_language(user), []).append(user.email)
    sent = 0
    for language, addresses in by_language.items():
        sent += send_in_language(language, subject, template, context, addresses, **subject_values)
    return sent
