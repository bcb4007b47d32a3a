"""The office learns what families look for, and what they do not find, from counts per month
kept on our own server: no cookie, nothing of the visitor stored, bots and staff left out, pages
from the page cache counted too, and old months deleted."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from familientisch.i18n.localization import synchronise_locales
from familientisch.search.documents import rebuild
from familientisch.statistics import counting
from familientisch.statistics.annotations import HEADER
from familientisch.statistics.counting import add, normalise, this_month
from familientisch.statistics.models import Kind, MonthlyCount
from familientisch.statistics.report import months_before
from tests.factories.home import EventIndexPageFactory
from tests.factories.partners import (
    PartnerIndexPageFactory,
    PartnerPageFactory,
    log_in_as_partner,
)
from tests.test_api_offers import offer

REPORT = "/admin/statistics/"
A_FAMILY = {
    "HTTP_USER_AGENT": "Mozilla/5.0 (Linux; Android 14) Familie",
    "REMOTE_ADDR": "203.0.113.7",
}


def counted(kind, key=None, language=None):
    rows = MonthlyCount.objects.filter(month=this_month(), kind=kind)
    if key is not None:
        rows = rows.filter(key=key)
    if language is not None:
        rows = rows.filter(language=language)
    return sum(rows.values_list("count", flat=True))


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("redaktion", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def test_the_monthly_report_shows_a_search_that_found_nothing(client, navigator, django_user_model):
    client.get("/de/suche/", {"q": "  Zwergen   THEATER "}, **A_FAMILY)
    client.get(navigator.url, {"q": "Schwimmkurs"}, **A_FAMILY)

    assert counted(Kind.SEARCH_WITHOUT_RESULTS, "zwergen theater", "de") == 1
    assert counted(Kind.SEARCH_WITHOUT_RESULTS, "schwimmkurs", "de") == 1
    editor = django_user_model.objects.create_user("redaktion", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    report = client.get(REPORT)
    assert report.status_code == 200
    without_results = report.text.split('data-kind="searches-without-results"')[1]
    assert "zwergen theater" in without_results
    assert "schwimmkurs" in without_results


def test_a_search_that_found_something_is_counted_but_not_as_found_nothing(client, navigator):
    offer(navigator, title="Krabbelgruppe", summary="Spielen und Austausch.")
    rebuild()
    client.get(navigator.url, {"q": "Krabbelgruppe"}, **A_FAMILY)
    client.get(navigator.url, {"q": "Krabbelgruppe", "page": "2"}, **A_FAMILY)

    assert counted(Kind.SEARCH, "krabbelgruppe") == 1  # the second page is the same search
    assert counted(Kind.SEARCH_WITHOUT_RESULTS) == 0


def test_the_navigator_filters_are_counted_and_a_typed_place_by_name_only(client, navigator):
    client.get(
        navigator.url,
        {"age": "3", "district": "bezirk-1", "near": "Bilk", "sort": "name"},
        **A_FAMILY,
    )
    filters = dict(MonthlyCount.objects.filter(kind=Kind.FILTER).values_list("key", "count"))
    assert filters == {"age=3": 1, "district=bezirk-1": 1, "near": 1}


def test_pages_answered_from_the_page_cache_are_counted_with_their_searches(
    client, navigator, page_cache
):
    first = client.get(navigator.url, {"q": "Schwimmkurs"}, **A_FAMILY)
    second = client.get(navigator.url, {"q": "Schwimmkurs"}, **A_FAMILY)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert counted(Kind.PAGE_VIEW, navigator.url, "de") == 2
    assert counted(Kind.SEARCH_WITHOUT_RESULTS, "schwimmkurs", "de") == 2
    assert not first.has_header(HEADER) and not second.has_header(HEADER)


def test_page_views_are_counted_per_page_and_language(client, navigator):
    synchronise_locales()
    client.get("/de/navigator/", **A_FAMILY)
    client.get("/ar/navigator/", **A_FAMILY)
    client.get("/ar/navigator/", **A_FAMILY)

    assert counted(Kind.PAGE_VIEW, "/de/navigator/", "de") == 1
    assert counted(Kind.PAGE_VIEW, "/ar/navigator/", "ar") == 2


def test_calendar_feed_fetches_are_counted_as_fetches(client, home):
    events = EventIndexPageFactory(parent=home)
    feed = f"{events.url}feed.ics"
    response = client.get(feed, **A_FAMILY)

    assert response["Content-Type"].startswith("text/calendar")
    assert counted(Kind.FEED_FETCH, feed) == 1
    assert counted(Kind.PAGE_VIEW) == 0


def test_no_cookie_is_set_and_nothing_of_the_visitor_is_stored(client, navigator):
    response = client.get(navigator.url, {"q": "Kita"}, **A_FAMILY)

    assert response.status_code == 200
    assert not response.cookies and not client.cookies
    assert not response.has_header(HEADER)
    stored = " ".join(" ".join(map(str, row)) for row in MonthlyCount.objects.values_list())
    assert "kita" in stored
    assert "203.0.113" not in stored
    assert "Mozilla" not in stored and "Android" not in stored


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "Yahoo! Slurp",
        "WhatsApp link preview",
        "Baiduspider",
    ],
)
def test_bots_are_not_counted(client, navigator, agent):
    client.get(navigator.url, {"q": "Kita"}, HTTP_USER_AGENT=agent)
    assert not MonthlyCount.objects.exists()


def test_the_office_at_work_is_not_counted(editor, navigator):
    editor.get(navigator.url, {"q": "Kita"})
    editor.get(REPORT)
    assert not MonthlyCount.objects.exists()


@pytest.mark.parametrize("upsert", [True, False], ids=["one statement", "other databases"])
def test_a_count_of_the_same_row_adds_one(db, monkeypatch, upsert):
    if not upsert:
        monkeypatch.setattr(counting, "UPSERT_VENDORS", set())
    add([(Kind.SEARCH, "kita"), (Kind.FILTER, "age=3")], "de")
    add([(Kind.SEARCH, "kita")], "de")
    add([(Kind.SEARCH, "kita")], "en")
    assert counted(Kind.SEARCH, "kita", "de") == 2
    assert counted(Kind.FILTER, "age=3", "de") == 1
    assert normalise(" Kita\t\nBILK " + "x" * 100) == ("kita bilk " + "x" * 100)[:80]


def test_the_report_and_its_csv_are_for_the_office_only(client, home, django_user_model):
    add([(Kind.SEARCH_WITHOUT_RESULTS, "schwimmkurs")], "de")
    assert client.get(REPORT)["Location"].startswith("/admin/login/")
    assert client.get(REPORT, {"format": "csv"})["Location"].startswith("/admin/login/")

    partner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home), with_accounts=True)
    log_in_as_partner(client, partner, "partnerin")
    for refused in (client.get(REPORT), client.get(REPORT, {"format": "csv"})):
        assert refused.status_code == 302
        assert "schwimmkurs" not in refused.content.decode()
    assert REPORT not in client.get("/admin/").text  # nor under Reports in the menu

    editor = django_user_model.objects.create_user("redaktion", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert REPORT in client.get("/admin/").text
    page = client.get(REPORT)
    csv = client.get(REPORT, {"format": "csv", "month": f"{this_month():%Y-%m}"})
    assert "<svg" in page.text and "<script" not in page.text.split("<svg")[1].split("</svg>")[0]
    assert csv["Content-Type"].startswith("text/csv")
    assert csv.content.decode().splitlines()[1] == (
        f"{this_month():%Y-%m},search_without_results,schwimmkurs,de,1"
    )


def test_a_search_that_looks_like_a_formula_is_only_text_in_the_csv(editor):
    add([(Kind.SEARCH, "=hyperlink(1)")], "de")
    csv = editor.get(REPORT, {"format": "csv"}).content.decode()
    assert ",'=hyperlink(1),de,1" in csv


def test_counts_older_than_the_retention_period_are_deleted(db, settings):
    settings.STATISTICS_RETENTION_MONTHS = 25
    months = months_before(this_month(), 27)
    current, kept, gone = months[0], months[25], months[26]
    for month in (current, kept, gone):
        add([(Kind.SEARCH, "kita")], "de", month=month)

    call_command("purge_personal_data", stdout=StringIO())

    assert sorted(MonthlyCount.objects.values_list("month", flat=True)) == [kept, current]
