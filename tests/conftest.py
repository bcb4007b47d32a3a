import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from home.localization import ensure_locales
from tests.factories.home import HomePageFactory


@pytest.fixture
def locales(db):
    """The eight site languages, each synchronised from German."""
    return ensure_locales()


@pytest.fixture
def home(locales):
    """A German home page as the root of the default site."""
    # A transactional test that ran before may have emptied the database, root node included.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales)
    )
    root.get_children().delete()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"},
    )
    return home


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rate limits and cached names never leak."""
    cache.clear()


@pytest.fixture
def queries_of():
    """How many SQL queries an action makes: the baseline for "no query per row" tests."""

    def count(action):
        with CaptureQueriesContext(connection) as context:
            action()
        return len(context.captured_queries)

    return count
