"""schema.org Event markup, so that search engines can list the event with its state."""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from .occurrences import BERLIN, NONE

EVENT_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "moved-online": "https://schema.org/EventMovedOnline",
}
SCHEDULE_FREQUENCY = {"weekly": "P1W", "monthly": "P1M"}


def _when(event, moment):
    local = moment.astimezone(BERLIN)
    return local.date().isoformat() if event.all_day else local.isoformat()


def event_data(event, url, image_url=None):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": _when(event, event.start),
        "eventStatus": EVENT_STATUS[event.status],
        "eventAttendanceMode": (
            "https://schema.org/OnlineEventAttendanceMode"
            if event.is_online
            else "https://schema.org/OfflineEventAttendanceMode"
        ),
        "location": _location(event),
        "isAccessibleForFree": event.cost == "free",
        "inLanguage": event.locale.language_code,
    }
    if event.end:
        data["endDate"] = _when(event, event.end)
    description = event.summary or strip_tags(event.description)
    if description:
        data["description"] = description
    if image_url:
        data["image"] = image_url
    if event.organiser_id:
        organiser = event.organiser.localized
        data["organizer"] = {
            "@type": "Organization",
            "name": organiser.title,
            "url": organiser.website or organiser.full_url,
        }
    if event.cost == "free":
        data["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "EUR", "url": url}
    elif event.registration_url:
        data["offers"] = {"@type": "Offer", "url": event.registration_url}
    if event.recurrence != NONE and event.recurrence_until:
        local = event.start.astimezone(BERLIN)
        data["eventSchedule"] = {
            "@type": "Schedule",
            "repeatFrequency": SCHEDULE_FREQUENCY[event.recurrence],
            "startDate": local.date().isoformat(),
            "endDate": event.recurrence_until.isoformat(),
            "scheduleTimezone": "Europe/Berlin",
            **({} if event.all_day else {"startTime": local.strftime("%H:%M")}),
            **(
                {"exceptDate": [day.isoformat() for day in sorted(event.cancelled_date_set)]}
                if event.cancelled_date_set
                else {}
            ),
        }
    return data


def _location(event):
    if event.is_online:
        return {"@type": "VirtualLocation", "url": event.online_url}
    address = {
        "@type": "PostalAddress",
        "streetAddress": event.street,
        "postalCode": event.postcode,
        "addressLocality": event.city,
        "addressCountry": "DE",
    }
    place = {"@type": "Place", "name": event.place_name or event.city, "address": address}
    if event.latitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": event.latitude,
            "longitude": event.longitude,
        }
    return place


def script_tag(data):
    # The same escaping as Django's json_script: no "</script>" can end the block early.
    text = json.dumps(data, ensure_ascii=False).translate(
        {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
    )
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
