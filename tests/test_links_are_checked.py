"""The daily link check (issue #26): every outside link of offers, partners, events and text
pages is asked once a day, politely (robots.txt, one request per second per host, a time-out,
HEAD before GET); a link failing three days in a row marks its offer "check needed", goes to
the inbox once and into the provider's reminder, a permanent redirect goes to the inbox at
once. The outside world is a local server that the test starts (tests/local_services)."""

import datetime
import time
from http.server import BaseHTTPRequestHandler

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from familientisch.inbox.models import InboxItem
from familientisch.links.checking import check_links, check_needed
from familientisch.links.extraction import outside_links
from familientisch.links.models import CheckedLink, LinkProblem
from familientisch.offers.freshness import remind_providers
from familientisch.offers.models import OfferPage
from tests.factories.events import EventPageFactory
from tests.factories.home import EventIndexPageFactory, StandardPageFactory
from tests.factories.offers import OfferPageFactory
from tests.factories.partners import PartnerPageFactory
from tests.local_services import running

DAY = datetime.date(2026, 3, 2)
LONG_AGO = datetime.date.today() - datetime.timedelta(days=200)
TIMEOUT = 0.3
FAST = override_settings(
    LINK_CHECKER_TIMEOUT=TIMEOUT,
    LINK_CHECKER_HOST_INTERVAL=0.01,
    WAGTAILADMIN_BASE_URL="http://localhost",  # the site; the outside world is 127.0.0.1
)


class OutsideWebsite(BaseHTTPRequestHandler):
    """Answers by path; records (time, method, path, user agent) of every request."""

    requests = []
    missing = "/missing"  # the path that answers 404 (a test repairs it by changing this)

    def answer(self):
        self.requests.append(
            (time.monotonic(), self.command, self.path, self.headers.get("User-Agent"))
        )
        if self.path == "/robots.txt":
            return self.reply(200, b"User-agent: *\nDisallow: /private\n")
        if self.path == "/slow":
            time.sleep(TIMEOUT * 4)
        if self.path == "/moved":
            return self.reply(301, location="/ok")
        if self.path == "/elsewhere":
            return self.reply(302, location="/ok")
        if self.path == "/no-head" and self.command == "HEAD":
            return self.reply(405)
        status = {self.missing: 404, "/error": 500}.get(self.path, 200)
        return self.reply(status)

    def reply(self, status, body=b"<p>Hallo</p>", location=None):
        try:
            self.send_response(status)
            if location:
                self.send_header("Location", location)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(body)
        except OSError:  # the checker stopped waiting (the slow path)
            pass

    do_GET = do_HEAD = answer

    def log_message(self, *args):
        pass


@pytest.fixture
def website():
    OutsideWebsite.missing = "/missing"
    with running(OutsideWebsite) as address:
        yield address


@pytest.fixture
def provider(home):
    # no website: the tests that check links ask no host but their own server
    return PartnerPageFactory(parent=home, contact_email="kontakt@caritas.example", website="")


def links(offer):
    return {link.url.rsplit("/", 1)[1]: link for link in CheckedLink.objects.filter(page=offer)}


def problem_entries():
    kind = ContentType.objects.get_for_model(LinkProblem)
    return InboxItem.objects.filter(content_type=kind)


@FAST
def test_the_checker_reports_what_does_not_open_and_what_moved(navigator, website):
    hrefs = "".join(
        f'<a href="{website}/{path}">{path}</a>'
        for path in ("ok", "error", "slow", "moved", "elsewhere", "private", "no-head")
    )
    offer = OfferPageFactory(
        parent=navigator,
        website=f"{website}/missing",
        description=f'<p>{hrefs} <a href="http://localhost/impressum/">Impressum</a>'
        '<a href="mailto:info@example.org">Mail</a><a linktype="page" id="2">Start</a></p>',
    )
    check_links(today=DAY)

    found = links(offer)
    assert set(found) == {"ok", "missing", "error", "slow", "moved", "elsewhere", "no-head"}
    assert (found["ok"].status_code, found["ok"].failing_days) == (200, 0)
    assert (found["missing"].status_code, found["missing"].field) == (404, "website")
    assert (found["error"].status_code, found["error"].failing_days) == (500, 1)  # 5xx: broken
    assert (found["slow"].error, found["slow"].first_failed_on) == ("timed out", DAY)
    assert found["moved"].redirected_to == f"{website}/ok"
    assert found["moved"].permanent_redirect and not found["moved"].failing_days
    assert found["elsewhere"].redirected_to and not found["elsewhere"].permanent_redirect
    assert found["no-head"].status_code == 200

    asked = [(method, path) for _at, method, path, _agent in OutsideWebsite.requests]
    assert ("HEAD", "/no-head") in asked and ("GET", "/no-head") in asked
    assert ("GET", "/ok") not in asked  # HEAD was enough
    assert not any(path == "/private" for _method, path in asked)  # robots.txt says no
    assert all(
        agent == "Familientisch-Linkpruefung/1.0 (+http://localhost)"
        for *_rest, agent in OutsideWebsite.requests
    )
    # A permanent redirect is worth fixing at once; a temporary one is only recorded.
    assert [entry.source.kind for entry in problem_entries()] == ["redirected"]
    assert problem_entries().get().page.pk == offer.pk


def test_links_are_found_on_every_kind_of_page(navigator, provider, home):
    provider.website = "https://caritas.example"
    provider.save_revision().publish()
    offer = OfferPageFactory(parent=navigator, provider=provider, website="https://angebot.example")
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=home),
        online_url="https://treffen.example/raum",
        description='<p><a href="https://verein.example/?a=1&amp;b=2">Verein</a></p>',
    )
    text = StandardPageFactory(
        parent=home,
        body=[
            {"type": "paragraph", "value": '<p><a href="https://stadt.example/amt">Amt</a></p>'},
            {"type": "call_to_action", "value": {"text": "Los", "url": "https://los.example"}},
        ],
    )
    OfferPageFactory(parent=navigator, website="https://entwurf.example", live=False)

    found = {(page.pk, field, url) for page, field, url in outside_links()}
    assert found >= {
        (offer.pk, "website", "https://angebot.example"),
        (provider.pk, "website", "https://caritas.example"),
        (event.pk, "online_url", "https://treffen.example/raum"),
        (event.pk, "description", "https://verein.example/?a=1&b=2"),
        (text.pk, "body", "https://stadt.example/amt"),
        (text.pk, "body", "https://los.example"),
    }
    assert not any("entwurf" in url for _page, _field, url in found)  # drafts wait


@override_settings(LINK_CHECKER_TIMEOUT=TIMEOUT, WAGTAILADMIN_BASE_URL="http://localhost")
def test_a_host_gets_at_most_one_request_a_second(navigator, website):
    OfferPageFactory(
        parent=navigator,
        website=f"{website}/ok",
        description=f'<p><a href="{website}/missing">Weg</a></p>',
    )
    check_links(today=DAY)

    times = [at for at, *_rest in OutsideWebsite.requests]
    assert len(times) == 3  # robots.txt and two links
    assert all(later - earlier >= 0.95 for earlier, later in zip(times, times[1:], strict=False))


@FAST
def test_a_link_broken_three_days_needs_a_check_the_inbox_and_the_reminder(
    navigator, provider, website, admin_client
):
    offer = OfferPageFactory(
        parent=navigator,
        title="Elterncafé",
        provider=provider,
        last_checked=LONG_AGO,
        website=f"{website}/missing",
    )
    offers = OfferPage.objects.all()
    for day in (0, 1):
        check_links(today=DAY + datetime.timedelta(days=day))
    assert not check_needed(offers).exists() and not problem_entries().exists()

    check_links(today=DAY + datetime.timedelta(days=2))
    assert list(check_needed(offers)) == [offer]
    entry = problem_entries().get()
    assert (entry.page.pk, entry.source.provider.pk, entry.state) == (offer.pk, provider.pk, "new")
    assert f"{website}/missing does not open (404)" in str(entry)

    report = admin_client.get(reverse("offers_to_check")).content.decode()
    assert "Elterncafé" in report and "<td>1</td>" in report

    # The office closes the entry; the link stays broken: still one entry, not one a day.
    entry.state = InboxItem.State.HANDLED
    entry.save()
    check_links(today=DAY + datetime.timedelta(days=3))
    check_links(today=DAY + datetime.timedelta(days=3))  # a second run counts no extra day
    assert problem_entries().count() == 1
    assert CheckedLink.objects.get(page=offer).failing_days == 4

    assert remind_providers() == 1
    body = mail.outbox[-1].body
    assert "These links on its page no longer open" in body and f"- {website}/missing" in body

    # Repaired: no longer "check needed", the problem settled.
    OutsideWebsite.missing = "/nowhere"
    check_links(today=DAY + datetime.timedelta(days=4))
    assert not check_needed(offers).exists()
    assert LinkProblem.objects.get().resolved_on == DAY + datetime.timedelta(days=4)


@FAST
def test_a_link_removed_from_its_page_is_forgotten(navigator, website):
    offer = OfferPageFactory(parent=navigator, website=f"{website}/missing")
    check_links(today=DAY)
    offer.website = ""
    offer.save_revision().publish()
    check_links(today=DAY + datetime.timedelta(days=1))
    assert not CheckedLink.objects.exists()
