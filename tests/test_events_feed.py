"""Calendars subscribe to the events: RFC 5545 with RRULE, EXDATE, cancellations and time zone."""

import datetime as dt

import pytest
from icalendar import Calendar

from familientisch.events.occurrences import BERLIN
from tests.factories.events import EventCancelledDateFactory, EventPageFactory, in_days
from tests.factories.home import EventIndexPageFactory


@pytest.fixture
def index(home):
    return EventIndexPageFactory(parent=home)


def fetch_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_carries_a_weekly_series_with_its_cancelled_date(client, index):
    first = in_days(2, 17, 30)
    event = EventPageFactory(
        parent=index,
        title="Spielgruppe",
        start=first,
        end=first + dt.timedelta(hours=1, minutes=30),
        recurrence="weekly",
        recurrence_until=first.date() + dt.timedelta(weeks=8),
    )
    cancelled = first.date() + dt.timedelta(weeks=2)
    EventCancelledDateFactory(page=event, date=cancelled)
    calendar = fetch_calendar(client, index.url + "feed.ics")
    entry = vevents(calendar)["Spielgruppe"]
    assert entry["uid"] == f"{event.translation_key}@localhost"
    assert entry.decoded("dtstart") == first
    assert entry["dtstart"].params["TZID"] == "Europe/Berlin"
    assert entry.decoded("dtstart").tzinfo.key == "Europe/Berlin"
    assert entry["rrule"]["FREQ"] == ["WEEKLY"]
    assert entry["rrule"]["UNTIL"][0].date() == first.date() + dt.timedelta(weeks=8)
    excluded = [moment.dt for moment in entry["exdate"].dts]
    assert excluded == [dt.datetime.combine(cancelled, first.timetz())]
    assert entry["status"] == "CONFIRMED"
    timezones = calendar.walk("VTIMEZONE")
    assert [str(zone["tzid"]) for zone in timezones] == ["Europe/Berlin"]
    assert b"DTSTART;TZID=Europe/Berlin:" in client.get(index.url + "feed.ics").content


def test_a_cancelled_event_is_marked_cancelled_with_a_raised_sequence_and_the_same_uid(
    client, index
):
    event = EventPageFactory(parent=index, title="Elternabend", start=in_days(4, 19))
    before = vevents(fetch_calendar(client, event.url + "event.ics"))["Elternabend"]
    event.status = "cancelled"
    event.save_revision().publish()
    after = vevents(fetch_calendar(client, event.url + "event.ics"))["Elternabend"]
    assert after["status"] == "CANCELLED"
    assert after["sequence"] > before["sequence"]
    assert after["uid"] == before["uid"]
    # Only changes to the schedule or status raise it: a new summary does not.
    event.summary = "Neuer Text"
    event.save_revision().publish()
    again = vevents(fetch_calendar(client, event.url + "event.ics"))["Elternabend"]
    assert again["sequence"] == after["sequence"]


def test_an_all_day_event_has_dates_without_time(client, index):
    EventPageFactory(
        parent=index,
        title="Familienfest",
        all_day=True,
        start=in_days(6, 0),
        end=in_days(7, 0),
    )
    entry = vevents(fetch_calendar(client, index.url + "feed.ics"))["Familienfest"]
    assert entry.decoded("dtstart") == in_days(6).date()
    assert entry.decoded("dtend") == in_days(8).date()


def test_the_feed_takes_the_filters_of_the_index(client, index):
    EventPageFactory(parent=index, title="Für Babys", age_min_months=0, age_max_months=11)
    EventPageFactory(parent=index, title="Für Jugendliche", age_min_months=144)
    EventPageFactory(parent=index, title="Vorbei", start=in_days(-3), end=in_days(-3, 12))
    titles = set(vevents(fetch_calendar(client, index.url + "feed.ics?age=0")))
    assert titles == {"Für Babys"}
    assert set(vevents(fetch_calendar(client, index.url + "feed.ics"))) == {
        "Für Babys",
        "Für Jugendliche",
    }


def test_times_are_stored_aware_and_shown_in_berlin_time(client, index):
    event = EventPageFactory(parent=index, title="Sommerfest", start=in_days(3, 15))
    event.refresh_from_db()
    assert event.start.utcoffset() is not None
    assert event.start.astimezone(BERLIN).hour == 15
    assert "15:00" in client.get(event.url).content.decode()
