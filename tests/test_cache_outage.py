"""Redis stops answering: families still read every page (uncached), while the public forms
refuse what their rate limit cannot count, with a message instead of an error page."""

import pytest

from familientisch.events.models import EventPage
from familysite.settings.base import redis_caches
from tests.factories.home import EventIndexPageFactory
from tests.factories.offers import OfferPageFactory, build_navigator
from tests.test_events_hints import hint
from tests.test_production_health import closed_port


@pytest.fixture
def redis_down(settings):
    """The production cache configuration, pointed at a port where no Redis listens."""
    location = f"redis://127.0.0.1:{closed_port()}/0"
    settings.CACHES = redis_caches(location, location)
    settings.PUBLIC_FORM_RATE_LIMIT_CACHE = "rate-limits"
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def offer(home):
    return OfferPageFactory(parent=build_navigator(home), title="Elterncafé Bilk")


def test_home_navigator_and_offer_pages_render_while_redis_is_down(client, offer, redis_down):
    for path in ["/de/", "/de/navigator/", offer.url]:
        response = client.get(path)
        assert response.status_code == 200, path
    assert "Elterncafé Bilk" in response.content.decode()


def test_a_hint_is_refused_with_a_message_while_its_rate_limit_cannot_count(
    client, home, redis_down
):
    index = EventIndexPageFactory(parent=home)
    response = client.post(index.url + "submit/", hint())
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "cannot take submissions at the moment" in html
    assert 'value="Volksgarten"' in html  # what was typed is kept
    assert not EventPage.objects.filter(title="Spielenachmittag im Park").exists()


def test_healthz_still_reports_the_outage(client, db, redis_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable"}
