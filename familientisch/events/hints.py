"""An event hint becomes a draft EventPage in the review workflow; it is never published here.
Used by the public form and the API, so both take the same path. The events index stores the
page (EventIndexPage.add_hint); this module turns what was sent in into its fields."""

import io
import secrets

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.text import Truncator, slugify
from django.utils.translation import get_language
from wagtail.images import get_image_model
from wagtail.models import Locale

from familientisch.conf import setting

from .forms import EventHintForm
from .moderation import confirm_receipt


def retention_days():
    """Days a hint's contact is kept after the event or the rejection (events.retention)."""
    return setting("EVENT_HINT_CONTACT_RETENTION_DAYS")


def new_reference():
    return f"VH-{timezone.localdate():%Y}-{secrets.token_hex(3).upper()}"


def source_index(index):
    """Hints are written into the German (source) tree, whatever language the form was in."""
    return index.get_translation_or_none(Locale.get_default()) or index


def hint_fields(data):
    """The event page's fields from what the hint form received (new or revised)."""
    return {
        "title": data["title"],
        "summary": Truncator(data["description"]).chars(300),
        "description": linebreaks(escape(data["description"])),
        "start": EventHintForm.start_moment(data),
        "end": EventHintForm.end_moment(data),
        "all_day": not data.get("start_time"),
        "place_name": data.get("place_name", ""),
        "street": data.get("street", ""),
        "postcode": data.get("postcode", ""),
        "district": data.get("district"),
        "online": bool(data.get("online_url")),
        "online_url": data.get("online_url", ""),
    }


@transaction.atomic
def store_hint(index, data, organiser=None, reference=None):
    index = source_index(index)
    reference = reference or new_reference()
    contact = {
        "reference": reference,
        "email": data["contact_email"],
        "organiser_name": data["organiser_name"],
        "language": get_language() or "de",
    }
    return index.add_hint(
        contact,
        slug=slugify(f"{data['title'][:60]} {reference}"),
        organiser=organiser or data.get("partner"),
        image=store_image(data.get("image"), data["title"]),
        **hint_fields(data),
    )


def store_image(image, title):
    if not image:
        return None
    content, extension = image
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(content), name=f"event-hint.{extension}")
    )


def submit_hint(index, data, organiser=None):
    """Store first, then mail: the hint survives a mail server that is down. (The moderators
    hear of it when it enters the review: events.signals.)"""
    page, contact = store_hint(index, data, organiser)
    confirm_receipt(page, contact)
    return page, contact
