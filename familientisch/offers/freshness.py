"""Offers that stay fresh by themselves: who confirms an offer, and how the date reaches every
language; the daily reminder to providers with a signed link per offer.

The date is a synchronised fact (i18n.facts): it is set on the German page and published, and
the publication carries it into the translations. The links carry the offer and the date it was
last checked, signed: once the offer is confirmed, the old links say so instead of confirming
again. Links are absolute from the site's root (core.mail), never from a request."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from familientisch.conf import setting
from familientisch.core.mail import admin_link, send_in_language, send_to_users, site_link
from familientisch.i18n.facts import is_source
from familientisch.links.checking import broken_links

from .models import OfferPage
from .reports import MistakeKind

SALT = "familientisch.offers.check"
CHECK_FIELDS = ("last_checked", "checked_by", "checked_via")


class LinkRefused(Exception):
    """A link that does not open its offer: tampered with (400) or out of date (410)."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status, self.message = status, message


def link_token(offer):
    return signing.dumps([offer.pk, str(offer.last_checked or "")], salt=SALT)


def offer_from_link(token):
    """The live German offer of a link, and whether the link is of the current check (the
    offer was not confirmed since the link was made)."""
    try:
        pk, checked = signing.loads(
            token, salt=SALT, max_age=datetime.timedelta(days=setting("OFFER_CHECK_LINK_DAYS"))
        )
    except signing.SignatureExpired as expired:
        message = _("This link has expired. The next reminder brings a new one.")
        raise LinkRefused(410, message) from expired
    except (signing.BadSignature, ValueError, TypeError) as bad:
        message = _("This link is not complete. Please copy the whole address from the mail.")
        raise LinkRefused(400, message) from bad
    offer = source_offers().filter(pk=pk).live().select_related("provider").first()
    if offer is None:
        raise LinkRefused(410, _("This offer is no longer in the Familien-Navigator."))
    return offer, str(offer.last_checked or "") == checked


def source_offers():
    # Translations share the German page's dates: the German pages are the ones to check.
    return OfferPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


def stamp(revision, offer):
    """The check (date, who) of `offer` written into `revision`, which is not re-created."""
    data = offer.serializable_data()
    revision.content.update({name: data[name] for name in CHECK_FIELDS})
    revision.save(update_fields=["content"])


CHECKED_ACTION = "familientisch_offers.checked"


def confirm(offer, user=None):
    """Checked today by `user` (None: the provider), published so that every language shows
    the date. A draft waiting on top of the live version (a partner's edit in moderation) is
    not published, which would also end its moderation: the live page and the draft get the
    date, the translations with the draft's publication. The page's history says who checked
    (Wagtail's audit log: "Confirmed as still correct", by the editor or by the provider)."""
    offer.mark_checked(user)
    by = "editor" if user else "provider"
    log(instance=offer, action=CHECKED_ACTION, user=user, data={"by": by})
    if offer.has_unpublished_changes and offer.latest_revision_id:
        OfferPage.objects.filter(pk=offer.pk).update(
            **{name: getattr(offer, name) for name in CHECK_FIELDS}
        )
        stamp(offer.latest_revision, offer)
        return
    offer.save_revision(user=user, changed=False, log_action=True).publish(user=user, changed=False)


def checked_on_publish(page, user):
    """An editor who publishes an edit of a German offer has looked at it (before_publish_page):
    the revision about to be published gets the date, so no second revision is made and the
    publication carries the date into the translations."""
    if isinstance(page, OfferPage) and is_source(page) and page.latest_revision_id:
        page.mark_checked(user)
        stamp(page.latest_revision, page)


def record_change(offer, message, name=""):
    """A provider's "something changed": stored as a mistake report first, then the editors
    who handle mistake reports are told."""
    report = offer.mistake_reports.create(kind=MistakeKind.PROVIDER, message=message, name=name)
    # Permissions as the admin grants them (groups, superusers), whatever other backends
    # (the login lockout) the site has.
    editors = (
        get_user_model()
        .objects.with_perm(
            "familientisch_offers.change_mistakereport",
            backend="django.contrib.auth.backends.ModelBackend",
        )
        .select_related("wagtail_userprofile")
    )
    send_to_users(
        editors,
        _("The provider of “%(title)s” reports a change"),
        "offers/emails/change_reported.txt",
        {
            "report": report,
            "offer_url": admin_link("wagtailadmin_pages:edit", offer.pk),
            "report_url": admin_link(
                "wagtailsnippets_familientisch_offers_mistakereport:edit", report.pk
            ),
        },
        title=offer.title,
    )
    return report


def check_links(offer, root, language):
    token, query = link_token(offer), "?" + urlencode({"lang": language})
    return {
        "offer": offer,
        "confirm_url": root + reverse("offer_check", args=[token]) + query,
        "change_url": root + reverse("offer_change", args=[token]) + query,
    }


def send_reminder(address, offers):
    """One mail to `address` listing `offers`, each with its links (note_reminded follows)
    and the links on its page that no longer open (the link check's). German: partners have
    no language of their own, and German is the network's language."""
    language = settings.LANGUAGE_CODE
    root = site_link("")  # the site's root once, not one lookup per link
    broken = broken_links(offers)
    return send_in_language(
        language,
        _("Are your offers in the Familien-Navigator still correct?"),
        "offers/emails/check_offers.txt",
        {
            "items": [
                {**check_links(offer, root, language), "broken_links": broken.get(offer.pk, [])}
                for offer in offers
            ],
            "link_days": setting("OFFER_CHECK_LINK_DAYS"),
        },
        [address],
    )


def note_reminded(offers, now):
    OfferPage.objects.filter(pk__in=[offer.pk for offer in offers]).update(provider_reminded_at=now)


def due_by_address(now):
    """The live German offers due for review, by the address to remind, leaving out addresses
    reminded within OFFER_REMINDER_INTERVAL_DAYS."""
    offers = source_offers().live().select_related("provider")
    since = now - datetime.timedelta(days=setting("OFFER_REMINDER_INTERVAL_DAYS"))
    reminded = {
        offer.reminder_address.lower()
        for offer in offers.filter(provider_reminded_at__gte=since)
        if offer.reminder_address
    }
    due = {}
    for offer in offers.due_for_review(timezone.localdate(now)).order_by("last_checked", "title"):
        address = offer.reminder_address
        if address and address.lower() not in reminded:
            due.setdefault(address.lower(), (address, []))[1].append(offer)
    return list(due.values())


def remind_providers(now=None):
    """The daily job: each provider once, with all of its offers that are due. Returns the
    number of mails queued."""
    now = now or timezone.now()
    with transaction.atomic():  # the queue sends once the reminders are noted
        due = due_by_address(now)
        sent = sum(send_reminder(address, offers) for address, offers in due)
        note_reminded([offer for _address, offers in due for offer in offers], now)
    return sent
