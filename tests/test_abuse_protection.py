"""Public forms share a honeypot and a rate limit per sender. Behind the site's own proxies
each visitor is counted apart; nobody can dodge the count by writing X-Forwarded-For."""

import pytest
from django import forms
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory, override_settings

from familientisch.core.abuse import HoneypotFormMixin, client_address, rate_limit_refusal
from familientisch.events.models import EventPage
from familientisch.taxonomy.seed import seed_taxonomies
from tests.factories.home import EventIndexPageFactory
from tests.test_api_event_hints import hint as api_hint
from tests.test_events_hints import hint as form_hint

PROXY = "10.0.0.2"


class ContactForm(HoneypotFormMixin, forms.Form):
    message = forms.CharField()


def request_from(peer, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().post("/", REMOTE_ADDR=peer, **extra)


def accepted(request, times=1, scope="test"):
    return [rate_limit_refusal(request, scope, "Zu viele") is None for _ in range(times)]


def test_a_person_leaves_the_honeypot_empty_and_passes():
    assert ContactForm({"message": "Hallo"}).is_valid()


def test_a_bot_filling_the_honeypot_is_refused():
    form = ContactForm({"message": "Hallo", "homepage": "http://spam.example"})
    assert not form.is_valid()
    assert "homepage" in form.errors


@override_settings(PUBLIC_FORM_RATE_LIMIT=(2, 60))
def test_the_third_submission_from_one_address_within_the_period_is_refused():
    request = request_from("203.0.113.7")
    assert accepted(request, 3) == [True, True, False]
    refusal = rate_limit_refusal(request, "test", "Zu viele")
    assert (refusal.status, refusal.message) == (429, "Zu viele")
    assert 55 <= refusal.retry_after <= 60
    assert accepted(request_from("203.0.113.8")) == [True]
    assert accepted(request, scope="another-form") == [True]


@override_settings(PUBLIC_FORM_RATE_LIMIT=(1, 60))
def test_a_forwarded_for_header_from_an_unknown_peer_is_ignored():
    assert client_address(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"
    assert accepted(request_from("203.0.113.7", "198.51.100.1")) == [True]
    assert accepted(request_from("203.0.113.7", "198.51.100.2")) == [False]


@override_settings(PUBLIC_FORM_RATE_LIMIT=(1, 60), TRUSTED_PROXIES=["10.0.0.0/24"])
def test_behind_a_trusted_proxy_two_visitors_have_separate_counts():
    first, second = request_from(PROXY, "198.51.100.1"), request_from(PROXY, "198.51.100.2")
    assert client_address(first) == "198.51.100.1"
    assert accepted(first) == [True]
    assert accepted(second) == [True]
    assert accepted(request_from(PROXY, "198.51.100.1")) == [False]


@override_settings(TRUSTED_PROXIES=["10.0.0.0/24"])
def test_an_address_the_visitor_wrote_in_front_is_not_believed():
    # The proxy appends the address it got the request from: only that one is vouched for.
    spoofed = request_from(PROXY, "192.0.2.99, 198.51.100.1, 10.0.0.3")
    assert client_address(spoofed) == "198.51.100.1"
    assert client_address(request_from(PROXY, "kein-eintrag")) == PROXY


@override_settings(PUBLIC_FORM_RATE_LIMIT=(1, 60))
def test_one_ipv6_network_is_one_sender():
    assert accepted(request_from("2001:db8:1:2::10")) == [True]
    assert accepted(request_from("2001:db8:1:2:ffff::1")) == [False]
    assert accepted(request_from("2001:db8:1:3::10")) == [True]


@pytest.mark.django_db
@override_settings(
    PUBLIC_FORM_RATE_LIMIT=(1, 60),
    PUBLIC_FORM_RATE_LIMIT_CACHE="rate-limits",
    CACHES={
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "rate-limits": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "familientisch_rate_limits",
        },
    },
)
def test_without_redis_the_count_lives_in_the_database_that_every_worker_shares():
    call_command("createcachetable", verbosity=0)
    assert accepted(request_from("203.0.113.7"), 2) == [True, False]
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM familientisch_rate_limits")
        assert cursor.fetchone()[0] == 2  # the count and the start of the period


@pytest.fixture
def index(home):
    seed_taxonomies()  # the API names districts by slug
    return EventIndexPageFactory(parent=home)


@override_settings(PUBLIC_FORM_RATE_LIMIT=(1, 3600))
def test_form_and_api_answer_429_with_retry_after_and_count_apart(client, index):
    form = [client.post(index.url + "submit/", form_hint(title=f"Fest {n}")) for n in range(2)]
    assert [response.status_code for response in form] == [200, 429]
    assert 3590 <= int(form[1]["Retry-After"]) <= 3600
    html = form[1].content.decode()
    assert "Too many hints from your address" in html
    assert 'value="Fest 1"' in html  # what was typed is kept

    def post(n):
        data = api_hint(title=f"App-Fest {n}")
        return client.post("/api/v1/event-hints/", data, content_type="application/json")

    api = [post(n) for n in range(2)]
    assert [response.status_code for response in api] == [201, 429]
    assert 3590 <= int(api[1]["Retry-After"]) <= 3600
    assert "Too many hints" in api[1].json()["detail"]
    assert EventPage.objects.filter(locale__language_code="de").count() == 2
