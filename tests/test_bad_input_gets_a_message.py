"""Odd input gets a page or a message, never a server error (issue: NUL bytes in searches and
dates at the ends of the calendar gave 500s, and a hint on 9999-12-31 lost what was typed)."""

import pytest
from django.core.management import call_command

from familientisch.events.models import EventPage
from tests.factories.home import EventIndexPageFactory, ProtocolIndexPageFactory
from tests.test_api_event_hints import hint as api_hint
from tests.test_api_event_hints import post as post_api_hint
from tests.test_events_hints import hint, submit

NUL = "Kinder\x00"


@pytest.fixture
def events(home):
    call_command("seed_taxonomies")
    return EventIndexPageFactory(parent=home)


@pytest.mark.parametrize(
    "query",
    [
        "?from=9999-12-31",
        "?to=9999-12-31",
        "?from=0001-01-01",
        "?month=9999-12",
        "?month=0001-01",
        "?month=0000-01",
        "feed.ics?from=9999-12-31",
        "feed.ics?to=0001-01-01",
    ],
)
def test_dates_at_the_ends_of_the_calendar_are_ignored_with_a_note(client, events, query):
    response = client.get(events.url + query)
    assert response.status_code == 200
    if "feed.ics" not in query:
        assert "was not understood and is ignored" in response.content.decode()


def test_an_all_day_hint_on_the_last_day_of_9999_is_refused_at_the_field(client, events):
    data = hint(start_date="9999-12-31", start_time="", end_time="")
    response = submit(client, events, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_start_date-error"' in html and "Volksgarten" in html
    assert not EventPage.objects.exists()


@pytest.mark.usefixtures("indexes")
def test_a_nul_character_in_a_search_is_dropped(client, home):
    protocols = ProtocolIndexPageFactory(parent=home)
    for address in ["/de/suche/", protocols.url]:
        response = client.get(address, {"q": NUL})
        assert response.status_code == 200
        assert 'value="Kinder"' in response.content.decode()
    response = client.get("/api/v1/protocols/", {"q": NUL})
    assert response.status_code == 200 and response.json()["results"] == []


def test_a_nul_character_in_a_hints_district_is_refused_by_the_schema(client, events):
    response = post_api_hint(client, api_hint(district="bezirk-1\x00"))
    assert response.status_code == 422
    assert not EventPage.objects.exists()
