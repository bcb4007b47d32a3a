"""A family asks when it can go: open now, later today, tomorrow morning, this weekend, in the
evenings; public holidays of North Rhine-Westphalia count as closed; a card says "open now,
until 12:00" or when the place opens next, and the offer's page marks today's line."""

import datetime

import pytest

from familientisch.offers.hours import CITY_TIME_ZONE
from familientisch.offers.opening import holiday, holiday_notes, local_now, next_opening
from tests.factories.offers import OfferPageFactory

# Friday 2026-12-25 (Christmas Day) and the days around it, 10:00 in Düsseldorf.
THURSDAY = datetime.datetime(2026, 12, 24, 10, 0, tzinfo=CITY_TIME_ZONE)
MONDAY = datetime.datetime(2026, 12, 28, 10, 0, tzinfo=CITY_TIME_ZONE)


def slot(weekday, opens, closes):
    return {"type": "slot", "value": {"weekday": str(weekday), "opens": opens, "closes": closes}}


def hours(*slots):
    return [{"district": "bezirk-3", "opening_hours": list(slots)}]


def titles(client, navigator, **params):
    response = client.get(navigator.url, params)
    assert response.status_code == 200
    return [offer.title for offer in response.context["navigator"].page.object_list]


@pytest.fixture
def week(navigator):
    """Offers open on tomorrow's morning, today's whole day, and weekend evenings."""
    today = local_now().date()
    tomorrow = (today + datetime.timedelta(days=1)).weekday()
    OfferPageFactory(
        parent=navigator, title="Krabbelgruppe", places=hours(slot(tomorrow, "09:00", "11:00"))
    )
    OfferPageFactory(
        parent=navigator,
        title="Treff den ganzen Tag",
        places=hours(slot(today.weekday(), "00:00", "23:59")),
    )
    OfferPageFactory(
        parent=navigator,
        title="Abendsport",
        places=hours(slot(5, "18:00", "20:00"), slot(6, "18:00", "20:00")),
    )
    OfferPageFactory(parent=navigator, title="Nach Vereinbarung", places=hours())
    return navigator


def unless_holiday(day, names):
    return [] if holiday(day) else names


def test_open_tomorrow_morning_finds_the_playgroup(client, week):
    tomorrow = local_now().date() + datetime.timedelta(days=1)
    found = titles(client, week, when="tomorrow", daytime="morning")
    assert found == unless_holiday(tomorrow, ["Krabbelgruppe"])


def test_open_now_finds_the_place_open_all_day(client, week):
    found = titles(client, week, when="now")
    assert found == unless_holiday(local_now().date(), ["Treff den ganzen Tag"])


def test_evenings_of_any_day_find_the_evening_sport(client, week):
    assert titles(client, week, daytime="evening") == ["Abendsport", "Treff den ganzen Tag"]


def test_every_time_option_says_how_many_offers_it_leaves(client, week):
    response = client.get(week.url, {"daytime": "morning"})
    when = next(f for f in response.context["navigator"].times if f.name == "when")
    counts = {option.value: option.count for option in when.options}
    tomorrow = local_now().date() + datetime.timedelta(days=1)
    assert counts["tomorrow"] == (0 if holiday(tomorrow) else 1)


def test_a_public_holiday_counts_as_closed_and_is_said():
    playgroup = ((4, 9 * 60, 11 * 60),)  # Fridays 09:00-11:00
    opening = next_opening(playgroup, THURSDAY)
    # Neither Christmas Day (Friday 25th) nor New Year's Day (Friday 1st).
    assert opening.at == datetime.datetime(2027, 1, 8, 9, 0, tzinfo=CITY_TIME_ZONE)
    (note,) = holiday_notes("tomorrow", THURSDAY)
    assert "public holiday" in str(note)


def test_a_card_says_open_now_until_when_or_when_it_opens_next():
    morning = ((0, 9 * 60, 12 * 60), (2, 14 * 60, 16 * 60))  # Monday morning, Wednesday
    now = next_opening(morning, MONDAY)
    assert (now.open_now, now.at.time()) == (True, datetime.time(12, 0))
    later = next_opening(morning, MONDAY.replace(hour=13))
    assert (later.open_now, later.at.date()) == (False, datetime.date(2026, 12, 30))
    assert next_opening((), MONDAY) is None


def test_the_offer_page_marks_todays_line(client, week):
    offer = week.get_children().get(title="Treff den ganzen Tag").specific
    page = client.get(offer.url).content.decode()
    assert page.count('aria-current="date"') == 1
    assert "(today)" in page


def test_the_card_shows_when_the_place_opens_next(client, week):
    page = client.get(week.url).content.decode()
    assert "Next open:" in page or "Open now, until" in page


def test_a_time_nobody_is_open_suggests_dropping_it(client, week):
    response = client.get(week.url, {"when": "now", "daytime": "evening", "age": "30"})
    assert response.status_code == 200
    response = client.get(week.url, {"when": "weekend", "daytime": "morning"})
    assert response.status_code == 200
    (suggestion,) = response.context["navigator"].suggestions
    assert str(suggestion.label) == "When can you go?"
    assert "when=" not in suggestion.query_string and "daytime=" not in suggestion.query_string


def test_a_place_closed_for_the_holidays_is_not_open_then_and_says_so(client, navigator):
    today = local_now().date()
    tomorrow = today + datetime.timedelta(days=1)
    closure = {
        "type": "closure",
        "value": {"first_day": today.isoformat(), "last_day": tomorrow.isoformat()},
    }
    every_day = [slot(day, "00:00", "23:59") for day in range(7)]
    closed = OfferPageFactory(
        parent=navigator, title="In den Ferien zu", places=hours(*every_day, closure)
    )
    OfferPageFactory(parent=navigator, title="Immer offen", places=hours(*every_day))
    for when in ("now", "tomorrow"):
        found = titles(client, navigator, when=when)
        assert "In den Ferien zu" not in found
    page = client.get(closed.url).content.decode()
    assert "Closed from" in page
    opening = next_opening(((today.weekday(), 0, 1439),), closures=((today, tomorrow),))
    assert opening is None or opening.at.date() > tomorrow
