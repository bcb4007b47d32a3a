"""Apps show the next month's events: every date of a repeating event, cancelled dates left
out, with the events page's filters, and each event in full."""

import datetime as dt

import pytest
from django.utils import timezone

from familientisch.events.models import EventStatus, Recurrence
from familientisch.i18n.localization import synchronise_locales, translate
from familientisch.taxonomy.models import Category, District
from familientisch.taxonomy.seed import seed_taxonomies
from tests.factories.events import EventCancelledDateFactory, EventPageFactory, in_days
from tests.factories.home import EventIndexPageFactory, PartnerIndexPageFactory
from tests.factories.partners import PartnerPageFactory


@pytest.fixture
def index(home):
    seed_taxonomies()
    return EventIndexPageFactory(parent=home)


def dates(client, **params):
    response = client.get("/api/v1/events/", params)
    assert response.status_code == 200, response.content
    return response.json()


def weekly(index, weeks, **fields):
    start = in_days(1, 16)
    return EventPageFactory(
        parent=index,
        start=start,
        end=start + dt.timedelta(hours=1),
        recurrence=Recurrence.WEEKLY,
        recurrence_until=(start + dt.timedelta(weeks=weeks)).date(),
        **fields,
    )


def test_the_next_month_expands_a_weekly_event_and_skips_its_cancelled_date(client, index):
    event = weekly(index, 10, title="Krabbelgruppe")
    EventCancelledDateFactory(page=event, date=(event.start + dt.timedelta(weeks=1)).date())
    EventPageFactory(parent=index, title="Sommerfest", start=in_days(45))
    data = dates(client)
    starts = [dt.datetime.fromisoformat(r["start"]) for r in data["results"]]
    assert {r["title"] for r in data["results"]} == {"Krabbelgruppe"}
    assert event.start + dt.timedelta(weeks=1) not in starts
    assert starts[0] == event.start and starts[1] == event.start + dt.timedelta(weeks=2)
    assert len(starts) == 4  # days 1, 15, 22, 29 of the 30
    period = data["period"]
    assert dt.datetime.fromisoformat(period["start"]).date() == timezone.localdate()


def test_a_given_period_and_the_events_pages_filters(client, index):
    EventPageFactory(parent=index, title="Sommerfest", start=in_days(45), district=bilk())
    EventPageFactory(parent=index, title="Lesung", start=in_days(46))
    later = (timezone.localdate() + dt.timedelta(days=40)).isoformat()
    data = dates(client, **{"from": later, "district": "bezirk-3"})
    assert [r["title"] for r in data["results"]] == ["Sommerfest"]
    assert data["results"][0]["district"]["slug"] == "bezirk-3"


def test_an_upside_down_or_too_long_period_is_corrected_with_a_note(client, index):
    today = timezone.localdate()
    upside_down = dates(client, **{"from": today.isoformat(), "to": "2000-01-01"})
    assert upside_down["notes"] and len(upside_down["notes"]) == 1
    too_long = dates(client, **{"from": "2025-01-01", "to": "2030-01-01"})
    end = dt.datetime.fromisoformat(too_long["period"]["end"]).date()
    assert end == dt.date(2025, 1, 1) + dt.timedelta(days=366)
    assert client.get("/api/v1/events/", {"from": "0"}).status_code == 422
    unknown = dates(client, category="zauberei")
    assert "zauberei" in unknown["notes"][0]


def bilk():
    return District.objects.get(slug="bezirk-3", locale__language_code="de")


def test_arabic_dates_with_arabic_titles_and_category_names(client, index):
    event = EventPageFactory(parent=index, title="Elterncafé", summary="Kaffee und Gespräche.")
    event.categories.set([Category.objects.get(slug="beratung", locale__language_code="de")])
    event.save()
    synchronise_locales()
    translate(
        Category.objects.get(slug="beratung", locale__language_code="de"),
        "ar",
        {"Beratung": "استشارة"},
    )
    translate(event, "ar", {"Elterncafé": "مقهى الآباء"})
    result = dates(client, locale="ar")["results"][0]
    assert result["title"] == "مقهى الآباء"
    assert result["categories"] == [{"slug": "beratung", "name": "استشارة"}]
    assert "/ar/" in result["url"]


def test_one_event_with_rule_cancelled_dates_organiser_and_next_dates(client, home, index):
    organiser = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home), title="AWO")
    event = weekly(index, 3, title="Babytreff", organiser=organiser, district=bilk())
    cancelled = (event.start + dt.timedelta(weeks=1)).date()
    EventCancelledDateFactory(page=event, date=cancelled)
    data = client.get(f"/api/v1/events/{event.pk}/").json()
    assert data["recurrence"]["frequency"]["slug"] == "weekly"
    assert data["recurrence"]["rrule"].startswith("FREQ=WEEKLY;UNTIL=")
    assert data["cancelled_dates"] == [cancelled.isoformat()]
    assert data["status"]["slug"] == EventStatus.SCHEDULED
    assert data["organiser"]["title"] == "AWO"
    assert data["place"]["district"]["slug"] == "bezirk-3"
    assert len(data["next_occurrences"]) == 3
    assert data["ical_url"].endswith("/event.ics/")


def test_an_online_event_has_its_link_and_no_place(client, index):
    event = EventPageFactory(
        parent=index, place_name="", street="", online=True, online_url="https://meet.example/x"
    )
    data = client.get(f"/api/v1/events/{event.pk}/").json()
    assert data["online"] and data["online_url"] == "https://meet.example/x"
    assert data["place"] is None


def test_an_unknown_event_is_not_found(client, index):
    assert client.get("/api/v1/events/2147483647/").status_code == 404


def test_the_list_needs_the_same_queries_for_many_events(
    client, index, queries_of, django_assert_max_num_queries
):
    weekly(index, 8, district=bilk())
    params = {"page_size": 100}
    dates(client, **params)
    few = queries_of(lambda: dates(client, **params))
    for _number in range(6):
        weekly(index, 8, district=bilk())
    dates(client, **params)
    with django_assert_max_num_queries(few):
        assert dates(client, **params)["count"] == 7 * 5
