"""The public site around the sections: text pages, the links every page carries, search,
barrier reports, error pages and responsive images."""

import json
import re
import time

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import translation
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site
from wagtail_factories import ImageFactory

from familientisch.i18n.localization import synchronise_locales
from home.models import BarrierReport, SiteLinks
from tests.factories.home import StandardPageFactory
from tests.mail_server import SMTPServer, queued_mail, recipients, run_due_tasks, task_states


@pytest.fixture
def linked_site(home):
    """A home page with imprint, privacy, accessibility and easy German pages, chosen in the
    site links and synchronised into every language."""
    pages = {
        name: StandardPageFactory(parent=home, slug=slug, title=title)
        for name, slug, title in [
            ("imprint", "impressum", "Impressum"),
            ("privacy", "datenschutz", "Datenschutz"),
            ("accessibility", "barrierefreiheit", "Erklärung zur Barrierefreiheit"),
            ("easy_language", "leichte-sprache", "Leichte Sprache"),
        ]
    }
    StandardPageFactory(parent=pages["easy_language"], slug="so-gehts", title="So geht es")
    SiteLinks.objects.create(
        site=Site.objects.get(is_default_site=True),
        **{f"{name}_page": page for name, page in pages.items()},
    )
    synchronise_locales()
    return pages


def test_a_standard_page_shows_its_text_under_one_heading(client, linked_site):
    html = client.get("/de/impressum/").content.decode()
    assert html.count("<h1") == 1
    assert "<h1>Impressum</h1>" in html
    assert '<p class="lead">Wer diese Website anbietet.</p>' in html


def test_a_standard_page_lists_its_chapters_and_leads_back(client, linked_site):
    section = client.get("/de/leichte-sprache/").content.decode()
    assert 'href="/de/leichte-sprache/so-gehts/"' in section
    chapter = client.get("/de/leichte-sprache/so-gehts/").content.decode()
    assert 'aria-label="You are here"' in chapter
    assert 'href="/de/leichte-sprache/"' in chapter


def test_every_page_links_to_the_legal_pages_in_the_visitors_language(client, linked_site):
    html = client.get("/ar/datenschutz/").content.decode()
    for path in ["impressum", "datenschutz", "barrierefreiheit"]:
        assert f'href="/ar/{path}/"' in html
    assert 'class="easy-language" href="/ar/leichte-sprache/" lang="de"' in html
    assert 'href="/ar/barriere-melden/?page=http%3A%2F%2Ftestserver%2Far%2Fdatenschutz%2F"' in html


def test_the_site_links_cost_two_queries_whatever_their_number(
    rf, linked_site, django_assert_num_queries
):
    from home.templatetags.site_tags import site_links

    request = rf.get("/de/")
    Site.find_for_request(request)  # done by every page anyway, and cached on the request
    Site.get_site_root_paths()  # cached for the whole site
    with translation.override("tr"), django_assert_num_queries(2):
        links = site_links({"request": request})
    assert links["imprint"] == "/tr/impressum/"
    assert links["easy_language"] == "/tr/leichte-sprache/"


@pytest.mark.usefixtures("indexes")
def test_search_finds_pages_in_the_visitors_language_only_once(client, linked_site):
    response = client.get("/de/suche/", {"q": "Barrierefreiheit"})
    html = response.content.decode()
    assert html.count('href="/de/barrierefreiheit/"') == 2  # the result and the footer
    assert "/ar/barrierefreiheit/" not in html
    assert '<p class="result__type">Information</p>' in html


@pytest.mark.usefixtures("indexes")
def test_search_results_come_in_pages(client, home, django_assert_max_num_queries):
    for number in range(12):
        StandardPageFactory(parent=home, title=f"Elternberatung {number}")
    first = client.get("/de/suche/", {"q": "Elternberatung"}).content.decode()
    assert first.count('class="result"') == 10
    assert 'rel="next"' in first
    with django_assert_max_num_queries(25):
        second = client.get("/de/suche/", {"q": "Elternberatung", "page": 2}).content.decode()
    assert second.count('class="result"') == 2


def test_search_without_words_shows_only_the_form(client, home):
    html = client.get("/de/suche/").content.decode()
    assert 'name="q"' in html
    assert "result-count" not in html


def test_the_report_form_is_prefilled_with_the_page_the_visitor_came_from(client, home):
    html = client.get("/de/barriere-melden/", {"page": "https://example.org/de/x/"}).content
    assert b'value="https://example.org/de/x/"' in html


def test_a_barrier_report_is_stored_and_editors_are_told(
    client, home, django_user_model, django_capture_on_commit_callbacks
):
    django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "pw")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/ar/barriere-melden/",
            {"page_url": "http://localhost/ar/", "description": "Kontrast zu schwach"},
        )
    assert response.status_code == 302
    report = BarrierReport.objects.get()
    assert (report.description, report.language) == ("Kontrast zu schwach", "ar")
    assert mail.outbox[0].to == ["redaktion@example.org"]
    assert f"/admin/snippets/home/barrierreport/edit/{report.pk}/" in mail.outbox[0].body
    assert 'role="status"' in client.get(response["Location"]).content.decode()


def test_a_barrier_report_reaches_the_editors_once_the_mail_server_is_back(
    client, home, django_user_model, django_capture_on_commit_callbacks
):
    django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "pw")
    with SMTPServer() as server, override_settings(**queued_mail(server)):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/de/barriere-melden/",
                {"page_url": "http://localhost/de/", "description": "Kontrast zu schwach"},
            )
        assert response.status_code == 302
        assert BarrierReport.objects.get().description == "Kontrast zu schwach"
        run_due_tasks()
        # The notification task has done its part; its mail failed once and waits to be retried.
        assert task_states() == {"SUCCESSFUL": 1, "FAILED": 1, "READY": 1}
        server.refusing = False
        time.sleep(0.6)
        run_due_tasks()
    assert recipients(server) == ["redaktion@example.org"]
    assert "Kontrast zu schwach" in server.messages[0].get_payload(decode=True).decode()


def test_a_faulty_report_shows_errors_at_the_fields_and_keeps_the_values(client, home):
    response = client.post(
        "/de/barriere-melden/",
        {"page_url": "http://testserver/de/", "description": "", "email": "kaputt"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'aria-invalid="true"[^>]*aria-describedby="[^"]*id_description_error', html)
    assert 'id="id_description_error"' in html and 'id="id_email_error"' in html
    assert 'value="kaputt"' in html
    assert not BarrierReport.objects.exists()


def test_a_filled_honeypot_stores_nothing(client, home):
    client.post(
        "/de/barriere-melden/",
        {"page_url": "http://x.example/", "description": "Spam", "homepage": "http://spam"},
    )
    assert not BarrierReport.objects.exists()


@override_settings(PUBLIC_FORM_RATE_LIMIT=(1, 3600))
def test_a_flood_of_reports_is_stopped(client, home):
    data = {"page_url": "http://localhost/de/", "description": "Zu klein"}
    client.post("/de/barriere-melden/", data)
    response = client.post("/de/barriere-melden/", data)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Zu klein" in response.content.decode()  # what was typed is kept
    assert BarrierReport.objects.count() == 1


def test_editors_find_barrier_reports_in_the_admin(admin_client, home):
    BarrierReport.objects.create(page_url="http://testserver/de/", description="Zu klein")
    response = admin_client.get("/admin/snippets/home/barrierreport/")
    assert response.status_code == 200
    assert "http://testserver/de/" in response.content.decode()


def test_a_missing_page_is_reported_in_the_visitors_language(client, home):
    response = client.get("/ar/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'action="/ar/suche/"' in html


def test_the_error_page_needs_no_database():
    # No database fixture: any query would fail this test.
    with translation.override("fa"):
        html = render_to_string("500.html")
    assert '<html lang="fa" dir="rtl">' in html
    assert 'href="/fa/"' in html


def test_images_are_served_as_responsive_renditions(client, home):
    image = ImageFactory(file=get_test_image_file(size=(1600, 900)), title="Spielplatz")
    body = json.dumps(
        [
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "Kinder am Sandkasten",
                    "decorative": False,
                },
            }
        ]
    )
    StandardPageFactory(parent=home, slug="bilder", body=body)
    html = client.get("/de/bilder/").content.decode()
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    img = re.search(r"<img [^>]+>", html.split("<main")[1]).group(0)
    for attribute in ['alt="Kinder am Sandkasten"', 'loading="lazy"', "width=", "height="]:
        assert attribute in img
    assert "srcset=" in html and "sizes=" in html


def test_an_editor_opens_a_barrier_report_and_marks_it_handled(client, home, django_user_model):
    from django.contrib.auth.models import Group

    from home.models import BarrierReport

    report = BarrierReport.objects.create(
        page_url="/de/", description="Kontrast zu schwach", email="vater@barriere.example"
    )
    editor = django_user_model.objects.create_user("redaktion", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    edit = f"/admin/snippets/home/barrierreport/edit/{report.pk}/"
    assert "Kontrast zu schwach" in client.get(edit).content.decode()
    response = client.post(edit, {"handled": "on", "note": "Farben angepasst"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.handled and report.note == "Farben angepasst"
