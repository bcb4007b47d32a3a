"""When can a family go: the navigator's "open now", "later today", "tomorrow", "this weekend"
and "mornings / afternoons / evenings" filters, and a card's "open now" or "next: Thu 09:00".

All of it is read from the opening hours kept in the FacetIndex (entries.py) as minutes of the
day, so a filter is a few set operations and no query. Public holidays of the city's state
(the `holidays` library, `CITY_HOLIDAYS`) count as closed: offices, clinics and meeting places
close then, and a family should not walk to a locked door.
"""

import datetime
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from familientisch.conf import setting

from .hours import CITY_TIME_ZONE

NOW, TODAY, TOMORROW, WEEKEND = "now", "today", "tomorrow", "weekend"
WHEN_CHOICES = [
    ("", _("any day")),
    (NOW, _("open now")),
    (TODAY, _("later today")),
    (TOMORROW, _("tomorrow")),
    (WEEKEND, _("this weekend")),
]
# Minutes of the day: a slot counts for a time of day when it overlaps it.
DAYTIMES = {
    "morning": (6 * 60, 12 * 60),
    "afternoon": (12 * 60, 17 * 60),
    "evening": (17 * 60, 24 * 60),
}
DAYTIME_CHOICES = [
    ("", _("any time of day")),
    ("morning", _("mornings")),
    ("afternoon", _("afternoons")),
    ("evening", _("evenings")),
]
SATURDAY, SUNDAY = 5, 6


def minutes(value):
    """'09:30:00' (as opening hours are stored) or a time: minutes after midnight."""
    if isinstance(value, str):
        hours, mins = value.split(":")[:2]
        return int(hours) * 60 + int(mins)
    return value.hour * 60 + value.minute


def slots_of(opening_hours):
    """((weekday, opens, closes) in minutes, ...) of the raw stream data of opening hours."""
    rows = getattr(opening_hours, "raw_data", opening_hours) or []
    return tuple(
        (
            int(row["value"]["weekday"]),
            minutes(row["value"]["opens"]),
            minutes(row["value"]["closes"]),
        )
        for row in rows
        if row["type"] == "slot"
    )


def closures_of(opening_hours):
    """((first day, last day), ...) of the closures in the raw stream data of opening hours."""
    rows = getattr(opening_hours, "raw_data", opening_hours) or []
    return tuple(
        (as_date(row["value"]["first_day"]), as_date(row["value"]["last_day"]))
        for row in rows
        if row["type"] == "closure"
    )


def as_date(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def closed_on(index, day):
    """The offers of a FacetIndex closed on `day` for a closure of their own."""
    return {pk for pk, spans in index.closures.items() if any(a <= day <= b for a, b in spans)}


@lru_cache(maxsize=32)
def _holidays(year, language):
    country, state = setting("CITY_HOLIDAYS")
    kind = holidays.country_holidays(country, subdiv=state, years=year)
    named = next(
        (name for name in kind.supported_languages if name.split("_")[0] == language),
        kind.default_language,
    )
    return holidays.country_holidays(country, subdiv=state, years=year, language=named)


def holiday(day):
    """The name of the public holiday on `day` (in the visitor's language where the library
    has it, else the country's), or None."""
    return _holidays(day.year, get_language() or "de").get(day)


def local_now(moment=None):
    return timezone.localtime(moment or timezone.now(), CITY_TIME_ZONE)


def overlaps(opens, closes, daytime):
    if not daytime:
        return True
    start, end = DAYTIMES[daytime]
    return opens < end and closes > start


def days_meant(when, today):
    """The dates `when` speaks of."""
    if when == TOMORROW:
        return [today + datetime.timedelta(days=1)]
    if when == WEEKEND:
        saturday = today + datetime.timedelta(days=(SATURDAY - today.weekday()) % 7)
        if today.weekday() == SUNDAY:
            return [today]
        return [saturday, saturday + datetime.timedelta(days=1)]
    return [today]


def daytimes_of(opens, closes):
    """ "" (any time) and every time of day a slot overlaps: the keys of the index's "open" sets."""
    return ["", *(daytime for daytime in DAYTIMES if overlaps(opens, closes, daytime))]


def open_offers(index, when, daytime, moment=None):
    """The ids of the offers of a FacetIndex open then."""
    if not when:  # on any day of an ordinary week, at that time of day
        return frozenset().union(*(index.having("open", (day, daytime)) for day in range(7)))
    now = local_now(moment)
    minute = now.hour * 60 + now.minute
    found = set()
    for day in days_meant(when, now.date()):
        if holiday(day):
            continue
        if when not in (NOW, TODAY):
            found |= index.having("open", (day.weekday(), daytime)) - closed_on(index, day)
            continue
        closed = closed_on(index, day)
        for pk, opens, closes in index.week.get(day.weekday(), ()):
            started = when == TODAY or opens <= minute
            if (
                started
                and closes > minute
                and overlaps(opens, closes, daytime)
                and pk not in closed
            ):
                found.add(pk)
    return frozenset(found)


def holiday_notes(when, moment=None):
    """What the visitor should know about the days `when` speaks of."""
    if not when:
        return []
    return [
        _("%(day)s is a public holiday (%(name)s): places count as closed.")
        % {"day": formats.date_format(day, "DATE_FORMAT"), "name": holiday(day)}
        for day in days_meant(when, local_now(moment).date())
        if holiday(day)
    ]


@dataclass
class Opening:
    """What a card says: open now until a time, or when it opens next."""

    open_now: bool
    at: datetime.datetime  # until when (open now) or when it opens next


def next_opening(own, moment=None, days_ahead=22, closures=()):
    """The Opening of one offer's slots, or None when it has no hours in the next weeks (public
    holidays and the place's own `closures` skipped)."""
    now = local_now(moment)
    minute = now.hour * 60 + now.minute
    for offset in range(days_ahead):
        day = now.date() + datetime.timedelta(days=offset)
        if holiday(day) or any(first <= day <= last for first, last in closures):
            continue
        for _weekday, opens, closes in sorted(s for s in own if s[0] == day.weekday()):
            if offset == 0 and closes <= minute:
                continue
            if offset == 0 and opens <= minute:
                return Opening(True, at_minute(day, closes))
            return Opening(False, at_minute(day, opens))
    return None


def at_minute(day, minute):
    return datetime.datetime.combine(day, datetime.time(minute // 60 % 24, minute % 60)).replace(
        tzinfo=CITY_TIME_ZONE
    )
