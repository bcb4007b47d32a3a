"""`load_demo` builds a translated site that shows every part of the product; running it again
changes nothing. The demo is loaded once for the package (`conftest.py`); each test reads it."""

import datetime as dt

from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.models import Page, PageViewRestriction, Revision, Site

from familientisch.events.models import EventHintContact, EventPage
from familientisch.protocols.models import ProtocolPage
from familientisch.taxonomy.models import Category
from home.models import HomePage, SiteLinks, StandardPage

LANGUAGES = ["de", "en", "tr", "ar", "fa", "uk", "ru", "pl"]


def test_load_demo_builds_a_translated_site_and_a_second_run_changes_nothing(client, db):
    home = HomePage.objects.get(locale__language_code="de")
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    slugs = set(home.get_children().live().values_list("slug", flat=True))
    assert {"navigator", "veranstaltungen", "protokolle", "partner"} <= slugs
    for code in LANGUAGES:
        localized = HomePage.objects.get(locale__language_code=code)
        assert localized.get_children().filter(slug="navigator").exists()

    assert "<h1>دليل العائلة</h1>" in client.get("/ar/navigator/").content.decode()
    assert 'class="notice"' in client.get("/fa/navigator/").content.decode()  # not translated
    with translation.override("uk"):
        counselling = Category.objects.get(slug="beratung", locale__language_code="de")
        assert counselling.localized_name == "Консультації"

    def counts():
        return [
            model.objects.count()
            for model in (Page, Revision, ProtocolPage, PageViewRestriction, EventHintContact)
        ]

    before = counts()
    call_command("load_demo")
    assert counts() == before


def test_an_administrator_sees_the_demo_page_tree(client, django_user_model, db):
    admin = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(admin)
    home = HomePage.objects.get(locale__language_code="de")
    response = client.get(f"/admin/pages/{home.pk}/")
    assert response.status_code == 200
    assert "Familien-Navigator" in response.content.decode()


def test_the_demo_fills_the_next_three_months_and_leaves_two_hints_in_review(db):
    german = EventPage.objects.filter(locale__language_code="de")
    horizon = timezone.now() + dt.timedelta(days=92)
    upcoming = german.live().upcoming().filter(start__lt=horizon)
    assert upcoming.count() >= 20
    assert upcoming.exclude(recurrence="none").count() >= 3
    assert upcoming.filter(status="cancelled").exists()
    assert upcoming.filter(online=True).exists()
    assert upcoming.values("district").distinct().count() >= 8
    hints = german.filter(live=False)
    assert hints.count() == 2
    assert all(hint.current_workflow_state.status == "in_progress" for hint in hints)
    assert EventHintContact.objects.count() == 2


def test_the_demo_adds_the_2018_meetings_one_members_only_and_one_attachment(db):
    german = ProtocolPage.objects.filter(locale__language_code="de")
    assert sorted(german.values_list("meeting_date__month", flat=True)) == [2, 6, 9]
    assert german.not_public().get().meeting_date == dt.date(2018, 9, 12)
    february = german.get(meeting_date__month=2)
    assert february.attachment_list[0]["extension"] == "TXT"


def test_the_demo_publishes_the_text_pages_and_links_them(db):
    home = Page.objects.get(depth=2, locale__language_code="de")
    slugs = set(StandardPage.objects.child_of(home).values_list("slug", flat=True))
    assert {"impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"} <= slugs
    easy = StandardPage.objects.get(slug="leichte-sprache", locale__language_code="de")
    assert easy.get_children().live().count() == 3
    links = SiteLinks.for_site(Site.objects.get(is_default_site=True))
    assert links.accessibility_page.slug == "barrierefreiheit"
    statement = links.accessibility_page.specific
    text = str(statement.body)
    for phrase in ["teilweise", "PDF", "Karte", "axe", "Ombudsstelle", "barriere-melden"]:
        assert phrase in text
