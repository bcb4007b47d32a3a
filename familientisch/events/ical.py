"""iCalendar (RFC 5545) for subscriptions: one VEVENT per event, its repetition as RRULE and
its cancelled dates as EXDATE, so a calendar program expands the series itself."""

import datetime as dt

from django.http import HttpResponse
from django.utils.html import strip_tags
from icalendar import Calendar, Event, Timezone, vRecur

from .occurrences import BERLIN, MONTHLY, NONE

FREQUENCY = {"weekly": "WEEKLY", MONTHLY: "MONTHLY"}


def event_uid(event, host):
    # The translation key is shared by an event's language versions and never changes.
    return f"{event.translation_key}@{host}"


def _local(moment):
    return moment.astimezone(BERLIN)


def vevent(event, host, url):
    entry = Event()
    entry.add("uid", event_uid(event, host))
    entry.add("summary", event.title)
    entry.add("dtstamp", event.last_published_at or event.latest_revision_created_at or _now())
    entry.add("sequence", event.sequence)
    entry.add("url", url)
    description = event.summary or strip_tags(event.description)
    if description:
        entry.add("description", description)
    location = event.online_url if event.is_online else _address(event)
    if location:
        entry.add("location", location)
    if event.all_day:
        first = _local(event.start).date()
        last = _local(event.end).date() if event.end else first
        entry.add("dtstart", first)
        entry.add("dtend", last + dt.timedelta(days=1))
    else:
        entry.add("dtstart", _local(event.start))
        if event.end:
            entry.add("dtend", _local(event.end))
    if event.recurrence != NONE and event.recurrence_until:
        until = dt.datetime.combine(event.recurrence_until, dt.time(23, 59, 59), tzinfo=BERLIN)
        entry.add(
            "rrule",
            vRecur(freq=FREQUENCY[event.recurrence], until=until.astimezone(dt.UTC)),
        )
        start_time = _local(event.start).time()
        for day in sorted(event.cancelled_date_set):
            entry.add(
                "exdate",
                day if event.all_day else dt.datetime.combine(day, start_time, tzinfo=BERLIN),
            )
    entry.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    return entry


def _address(event):
    parts = [event.place_name, event.street, f"{event.postcode} {event.city}".strip()]
    return ", ".join(part for part in parts if part)


def _now():
    return dt.datetime.now(dt.UTC)


def calendar_response(events, host, url_for, name, filename):
    calendar = Calendar()
    calendar.add("prodid", "-//Familientisch//Veranstaltungen//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    calendar.add_component(
        Timezone.from_tzid(
            "Europe/Berlin", first_date=dt.date(2020, 1, 1), last_date=dt.date(2037, 1, 1)
        )
    )
    for event in events:
        calendar.add_component(vevent(event, host, url_for(event)))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
