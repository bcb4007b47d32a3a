"""The site search shows what a family needs to decide (the summary with the words marked, an
offer's district and ages, an event's next date), finds events on their page and in the API,
says "did you mean" for a near miss, and never shows a private page, in any language."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from familientisch.i18n.localization import synchronise_locales
from familientisch.search.documents import rebuild
from tests.factories.events import EventPageFactory, in_days
from tests.factories.home import EventIndexPageFactory, StandardPageFactory
from tests.factories.offers import OfferPageFactory


@pytest.fixture
def events(navigator, home):
    return EventIndexPageFactory(parent=home)


def site_search(client, words, language="de", **params):
    response = client.get(f"/{language}/suche/", {"q": words, **params})
    assert response.status_code == 200
    return response


def test_an_offer_result_shows_its_summary_district_and_ages(client, navigator):
    OfferPageFactory(
        parent=navigator,
        title="Babytreff Eller",
        summary="Austausch rund ums erste Babyjahr.",
        age_min_months=0,
        age_max_months=11,
        places=[{"district": "bezirk-8"}],
    )
    rebuild()
    html = site_search(client, "Babytreff").text
    assert "<mark>Babytreff</mark> Eller" in html
    assert "Austausch rund ums erste Babyjahr." in html
    assert "Stadtbezirk 8" in html
    assert "0–1 years" in html


def test_an_event_is_found_with_its_next_date_on_the_site_its_page_and_the_api(client, events):
    EventPageFactory(parent=events, title="Krabbelgruppe im Stadtteiltreff", start=in_days(2))
    EventPageFactory(parent=events, title="Lesung für Jugendliche", start=in_days(3))
    rebuild()
    html = site_search(client, "Spielgruppe").text
    assert "<mark>Krabbelgruppe</mark> im Stadtteiltreff" in html and "Lesung" not in html
    assert "<time" in html  # its next date
    calendar = client.get(events.url, {"q": "Spielgruppe"})
    assert [e["event"].title for e in calendar.context["entries"]] == [
        "Krabbelgruppe im Stadtteiltreff"
    ]
    data = client.get("/api/v1/events/", {"q": "Spielgruppe"}).json()
    assert [item["title"] for item in data["results"]] == ["Krabbelgruppe im Stadtteiltreff"]


def test_a_near_miss_shows_the_pages_of_the_nearest_word(client, home):
    StandardPageFactory(parent=home, title="Elternberatung", introduction="Rat für Eltern.")
    rebuild()
    html = site_search(client, "Elternberatnug").text
    assert "elternberatung" in html and "Elternberatung</mark>" in html


def test_the_offers_api_finds_german_offers_by_a_word_in_another_language(client, navigator):
    OfferPageFactory(parent=navigator, title="Welcome Point Bilk", categories=["welcome-point"])
    synchronise_locales()
    rebuild()
    data = client.get("/api/v1/offers/", {"locale": "ar", "q": "نقطة الترحيب"}).json()
    assert [item["title"] for item in data["results"]] == ["Welcome Point Bilk"]


def test_a_private_page_is_found_in_no_language_and_a_published_one_at_once(client, home, indexes):
    members = Group.objects.create(name="Mitglieder")
    private = StandardPageFactory(parent=home, title="Interne Absprachen")
    open_page = StandardPageFactory(parent=home, title="Offene Absprachen")
    synchronise_locales()
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(members)
    open_page.save_revision().publish()
    for language in ("de", "ar", "uk"):
        titles = [
            page.title for page in site_search(client, "Absprachen", language).context["results"]
        ]
        assert titles == ["Offene Absprachen"], language


def test_the_site_search_needs_the_same_queries_for_few_or_many_results(
    client, navigator, events, django_assert_max_num_queries
):
    for n in range(8):
        OfferPageFactory(
            parent=navigator, title=f"Familientreff {n}", places=[{"district": "bezirk-1"}]
        )
        EventPageFactory(parent=events, title=f"Familienfest {n}")
    rebuild()
    # The frame on a cold cache (the footer's help line and the header's "my list" are read
    # once, then cached), the results, whose number does not count, and the statistics' one
    # statement that counts the search.
    with django_assert_max_num_queries(29):
        html = site_search(client, "Familie").text
    assert html.count('class="result"') == 10


def test_the_words_are_kept_when_the_language_is_switched(client, home):
    synchronise_locales()
    html = site_search(client, "Hebamme", "de").text
    assert 'href="/ar/suche/?q=Hebamme" lang="ar" hreflang="ar"' in html
