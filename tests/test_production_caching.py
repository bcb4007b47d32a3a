"""Anonymous visitors get cacheable pages; editors, members and forms never get a cached one,
and a publication reaches the next visitor at once."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import Group
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.urls import path
from wagtail.models import Locale, PageViewRestriction
from wagtail_factories import PageFactory
from wagtail_localize.models import Translation, TranslationSource

from familientisch.i18n.localization import synchronise_locales
from tests.factories.home import EventIndexPageFactory, OfferIndexPageFactory


@pytest.fixture
def navigator(home):
    return OfferIndexPageFactory(parent=home)


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_anonymous_pages_are_public_briefly_for_browsers_and_longer_for_the_proxy(
    client, navigator
):
    response = client.get("/de/navigator/")
    assert response.status_code == 200
    assert sorted(response["Cache-Control"].split(", ")) == ["max-age=60", "public", "s-maxage=300"]


def test_a_logged_in_editor_never_gets_a_cacheable_page(admin_client, navigator):
    response = admin_client.get("/de/navigator/")
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_members_only_pages_are_never_cacheable(client, django_user_model, navigator):
    members = Group.objects.create(name="Mitglieder")
    PageViewRestriction.objects.create(
        page=navigator, restriction_type=PageViewRestriction.GROUPS
    ).groups.add(members)
    member = django_user_model.objects.create_user("mitglied", password="x")
    member.groups.add(members)

    anonymous = client.get("/de/navigator/")
    client.force_login(member)
    for_member = client.get("/de/navigator/")

    assert anonymous.status_code == 302
    assert for_member.status_code == 200
    assert "public" not in anonymous["Cache-Control"]
    assert "public" not in for_member["Cache-Control"]


def contact_form(request):
    """A public form that sets no cache headers of its own, as an app's form view might."""
    form = Template('<form method="post">{% csrf_token %}<button>Senden</button></form>')
    return HttpResponse(form.render(RequestContext(request)))


urlpatterns = [path("kontakt/", contact_form)]


@pytest.mark.urls(__name__)
def test_a_form_with_a_csrf_token_is_never_cacheable(client, db):
    response = client.get("/kontakt/")
    assert b"csrfmiddlewaretoken" in response.content
    assert "public" not in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_a_password_protected_page_is_never_cacheable(client, navigator):
    PageViewRestriction.objects.create(
        page=navigator, restriction_type=PageViewRestriction.PASSWORD, password="familie"
    )
    response = client.get("/de/navigator/")
    assert b"csrfmiddlewaretoken" in response.content
    assert "public" not in response["Cache-Control"]


def test_the_server_side_cache_answers_the_second_anonymous_request(client, navigator, page_cache):
    first = client.get("/de/navigator/")
    second = client.get("/de/navigator/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_each_language_has_its_own_cached_page(client, navigator, page_cache):
    synchronise_locales()
    client.get("/de/navigator/")
    client.get("/ar/navigator/")
    german, arabic = client.get("/de/navigator/"), client.get("/ar/navigator/")
    assert german["X-Page-Cache"] == arabic["X-Page-Cache"] == "hit"
    assert b'lang="de"' in german.content
    assert b'lang="ar" dir="rtl"' in arabic.content


def test_a_published_change_is_live_on_the_next_anonymous_request(client, navigator, page_cache):
    client.get("/de/navigator/")
    navigator.title = "Familien-Navigator neu"
    navigator.save_revision().publish()
    response = client.get("/de/navigator/")
    assert response["X-Page-Cache"] == "miss"
    assert "Familien-Navigator neu" in response.content.decode()


def test_logged_in_visitors_bypass_the_server_side_cache(
    admin_client, client, navigator, page_cache
):
    client.get("/de/navigator/")
    response = admin_client.get("/de/navigator/")
    assert "X-Page-Cache" not in response


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.server.purged.add(f"{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy(settings):
    """A real HTTP cache stand-in on loopback that records the PURGE requests Wagtail sends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = set()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield server.purged
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_page_in_every_language_and_its_parent(navigator, proxy):
    navigator.save_revision().publish()
    assert {"localhost/de/navigator/", "localhost/ar/navigator/", "localhost/de/"} <= proxy


def test_unpublishing_purges_the_page(navigator, proxy):
    navigator.unpublish()
    assert {"localhost/de/navigator/", "localhost/de/"} <= proxy


def test_moving_a_page_purges_its_old_and_new_address(home, navigator, proxy):
    events = EventIndexPageFactory(parent=home)
    moved = PageFactory(parent=navigator, title="Elterncafé", slug="elterncafe")
    proxy.clear()
    moved.move(events, pos="last-child")
    assert {
        "localhost/de/navigator/elterncafe/",
        "localhost/de/veranstaltungen/elterncafe/",
        "localhost/de/navigator/",
        "localhost/de/veranstaltungen/",
    } <= proxy


def test_publishing_a_translation_purges_the_translated_page(
    navigator, proxy, django_capture_on_commit_callbacks
):
    synchronise_locales()
    source, _ = TranslationSource.get_or_create_from_instance(navigator)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    proxy.clear()
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert "localhost/en/navigator/" in proxy
