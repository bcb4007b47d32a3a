"""Families find upcoming events: past ones drop out, repeating ones show their next dates,
and the filters (date range, age, district, category, language) narrow the list."""

import datetime as dt
import json
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from familientisch.events.models import EventPage
from familientisch.events.occurrences import BERLIN, expand
from familientisch.taxonomy.models import Category, District, Language
from tests.factories.events import (
    EventCancelledDateFactory,
    EventPageFactory,
    berlin,
    in_days,
)
from tests.factories.home import EventIndexPageFactory, PartnerIndexPageFactory
from tests.factories.partners import PartnerPageFactory


@pytest.fixture
def index(home):
    call_command("seed_taxonomies")
    return EventIndexPageFactory(parent=home)


def repeating_event(index, title, first, recurrence, until, hours=1, **fields):
    """An event of `hours` from `first` that repeats (weekly, monthly) until the day `until`."""
    return EventPageFactory(
        parent=index,
        title=title,
        start=first,
        end=first + dt.timedelta(hours=hours),
        recurrence=recurrence,
        recurrence_until=until,
        **fields,
    )


def listed_titles(client, index, query=""):
    response = client.get(index.url + query)
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html), html


def test_past_events_drop_out_and_upcoming_ones_are_listed_in_order(client, index):
    EventPageFactory(parent=index, title="Gestern", start=in_days(-1), end=in_days(-1, 12))
    EventPageFactory(parent=index, title="Übermorgen", start=in_days(2))
    EventPageFactory(parent=index, title="Morgen", start=in_days(1))
    titles, _html = listed_titles(client, index)
    assert titles == ["Morgen", "Übermorgen"]


def test_a_weekly_event_shows_its_next_dates_and_skips_a_cancelled_one(client, index):
    first = in_days(-13, 9, 30)
    event = repeating_event(
        index, "Krabbelgruppe", first, "weekly", first.date() + dt.timedelta(weeks=10)
    )
    skipped = first.date() + dt.timedelta(weeks=3)
    EventCancelledDateFactory(page=event, date=skipped)
    titles, html = listed_titles(client, index)
    assert titles == ["Krabbelgruppe"]
    assert f'datetime="{berlin(first.date() + dt.timedelta(weeks=2), 9, 30).isoformat()}' in html
    assert skipped.isoformat() not in html
    assert EventPage.objects.upcoming().filter(pk=event.pk).exists()


def test_a_repeating_event_whose_last_date_has_passed_drops_out(client, index):
    first = in_days(-60)
    repeating_event(index, "Vorbei", first, "monthly", first.date() + dt.timedelta(days=40))
    assert listed_titles(client, index)[0] == []


@pytest.mark.django_db  # a Page looks up its content type when it is made
def test_monthly_recurrence_keeps_the_berlin_wall_clock_time_and_skips_missing_days():
    event = EventPage(
        start=berlin(dt.date(2027, 1, 31), 18),
        end=berlin(dt.date(2027, 1, 31), 20),
        recurrence="monthly",
        recurrence_until=dt.date(2027, 5, 31),
    )
    event.cancelled_date_set = {dt.date(2027, 5, 31)}
    window = (berlin(dt.date(2027, 1, 1)), berlin(dt.date(2027, 12, 1)))
    dates = [o.start for o in expand(event, *window)]
    # February and April have no 31st (RFC 5545); May 31st is cancelled; summer time begins.
    assert dates == [berlin(dt.date(2027, 1, 31), 18), berlin(dt.date(2027, 3, 31), 18)]
    assert dates[1].astimezone(dt.UTC).hour == 16


def test_filters_by_age_district_category_and_language(client, index):
    bilk = District.objects.get(slug="bezirk-3")
    early_help = Category.objects.get(slug="fruehe-hilfen")
    arabic = Language.objects.get(code="ar")
    match = EventPageFactory(
        parent=index, title="Passt", age_min_months=0, age_max_months=35, district=bilk
    )
    match.categories.set([early_help])
    match.languages.set([arabic])
    match.save_revision().publish()
    EventPageFactory(parent=index, title="Für Jugendliche", age_min_months=144, district=bilk)
    EventPageFactory(
        parent=index, title="Anderer Bezirk", district=District.objects.get(slug="bezirk-1")
    )
    query = "?age=2&district=bezirk-3&category=fruehe-hilfen&language=ar"
    assert listed_titles(client, index, query)[0] == ["Passt"]
    assert listed_titles(client, index, "?district=bezirk-3")[0] == ["Für Jugendliche", "Passt"]


def test_a_date_range_limits_the_list(client, index):
    EventPageFactory(parent=index, title="Bald", start=in_days(2))
    EventPageFactory(parent=index, title="Später", start=in_days(40))
    later = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    assert listed_titles(client, index, f"?from={later}")[0] == ["Später"]
    assert listed_titles(client, index, f"?to={later}")[0] == ["Bald"]


def test_bad_filter_values_are_ignored_with_a_note_not_an_error(client, index):
    EventPageFactory(parent=index, title="Morgen", start=in_days(1))
    titles, html = listed_titles(client, index, "?age=zwei&district=atlantis&from=gestern&month=13")
    assert titles == ["Morgen"]
    assert html.count("was not understood and is ignored") == 4


def test_the_month_view_lists_every_date_of_the_month_by_day(client, index):
    first = berlin(dt.date(2027, 3, 2), 10)
    repeating_event(index, "Eltern-Café", first, "weekly", dt.date(2027, 6, 1), hours=2)
    EventPageFactory(parent=index, title="Im April", start=berlin(dt.date(2027, 4, 3), 10))
    response = client.get(index.url + "?month=2027-03")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count(">Eltern-Café</a>") == 5
    assert "Im April" not in html
    assert "month=2027-04" in html and "month=2027-02" in html


def test_the_list_needs_the_same_number_of_queries_for_many_events(
    client, index, django_assert_max_num_queries
):
    for number in range(3):
        EventPageFactory(parent=index, start=in_days(number + 1))
    client.get(index.url)  # warm caches (site, locales)
    with django_assert_max_num_queries(30) as few:
        client.get(index.url)
    for number in range(20):
        event = EventPageFactory(parent=index, start=in_days(number + 1))
        event.categories.set([Category.objects.first()])
        event.save_revision().publish()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(index.url)


def test_the_event_page_carries_schema_org_event_markup(client, index, home):
    partners = PartnerIndexPageFactory(parent=home)
    partner = PartnerPageFactory(
        parent=partners, title="Kinderschutzbund", website="https://ksb.example"
    )
    first = in_days(5, 16)
    event = repeating_event(
        index,
        "Vorlesestunde",
        first,
        "weekly",
        first.date() + dt.timedelta(weeks=4),
        organiser=partner,
        status="postponed",
    )
    EventCancelledDateFactory(page=event, date=first.date() + dt.timedelta(weeks=1))
    html = client.get(event.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.+?)</script>', html).group(1)
    )
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["startDate"] == first.astimezone(BERLIN).isoformat()
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["streetAddress"] == "Bachstraße 145"
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Kinderschutzbund",
        "url": "https://ksb.example",
    }
    assert data["isAccessibleForFree"] is True
    assert data["eventSchedule"]["repeatFrequency"] == "P1W"
    assert data["eventSchedule"]["exceptDate"] == [
        (first.date() + dt.timedelta(weeks=1)).isoformat()
    ]
    assert partner.events.live().upcoming().get() == event


def test_an_online_event_has_a_virtual_location(client, index):
    event = EventPageFactory(
        parent=index, title="Elternabend online", online=True, online_url="https://meet.example/x"
    )
    html = client.get(event.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.+?)</script>', html).group(1)
    )
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example/x"}
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_an_all_day_event_over_two_days_shows_both_dates_without_times(client, index):
    event = EventPageFactory(
        parent=index, title="Familienfest", all_day=True, start=in_days(6, 14), end=in_days(7, 9)
    )
    event.refresh_from_db()
    assert event.start == in_days(6, 0)
    html = client.get(event.url).content.decode()
    assert f'<time datetime="{in_days(6).date().isoformat()}">' in html
    assert f'<time datetime="{in_days(7).date().isoformat()}">' in html
    assert "(all day)" in html
