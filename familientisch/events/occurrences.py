"""The dates on which events take place, expanded from their recurrence rule.

Pure functions over plain values (no database): the index, the month view, the feeds and the
API all ask this module, so a weekly event shows the same dates everywhere. Recurrences follow
RFC 5545: a monthly event on the 31st skips months without one, and the wall-clock time stays
the same in Berlin across the change to and from summer time.
"""

import calendar
import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")
# Beyond these the arithmetic of dates overflows (a month view, an all-day end, a feed's
# range); no event lies there. Dates outside are refused or ignored, never an error page.
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(9000, 1, 1)

NONE, WEEKLY, MONTHLY = "none", "weekly", "monthly"
FAR_FUTURE = dt.datetime(9000, 1, 1, tzinfo=BERLIN)


@dataclass(frozen=True)
class Occurrence:
    event: object
    start: dt.datetime
    end: dt.datetime | None

    @property
    def date(self):
        return self.start.astimezone(BERLIN).date()


def _add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    if day.day > calendar.monthrange(year, month)[1]:
        return None
    return day.replace(year=year, month=month)


def local_start_dates(first_day, recurrence, until):
    """The local dates of the series in order: the first one, then one per week or month up to
    and including `until`."""
    if recurrence == NONE or until is None:
        yield first_day
        return
    step = 0
    while True:
        if recurrence == WEEKLY:
            day = first_day + dt.timedelta(weeks=step)
        else:
            day = _add_months(first_day, step)
            if day is None:
                step += 1
                continue
        if day > until:
            return
        yield day
        step += 1


def expand(event, window_start, window_end):
    """The occurrences of `event` that overlap [window_start, window_end), skipping cancelled
    dates. `event` needs start, end, recurrence, recurrence_until and cancelled_date_set."""
    local_start = event.start.astimezone(BERLIN)
    duration = event.end - event.start if event.end else None
    cancelled = event.cancelled_date_set
    for day in local_start_dates(local_start.date(), event.recurrence, event.recurrence_until):
        start = dt.datetime.combine(day, local_start.time(), tzinfo=BERLIN)
        end = start + duration if duration is not None else None
        if start >= window_end:
            return
        if day in cancelled or (end or start) < window_start:
            continue
        yield Occurrence(event, start, end)


def occurrences_between(events, window_start, window_end):
    """All occurrences of `events` in the window, in order of time."""
    found = [o for event in events for o in expand(event, window_start, window_end)]
    return sorted(found, key=lambda o: (o.start, o.event.title))


def next_occurrences(event, now, count):
    """The next `count` occurrences of one event from `now` on (a running one included)."""
    result = []
    for occurrence in expand(event, now, FAR_FUTURE):
        result.append(occurrence)
        if len(result) == count:
            break
    return result
