import importlib
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connection
from django.db.models.signals import post_save
from django.test.utils import CaptureQueriesContext, setup_databases, teardown_databases
from django.urls import clear_url_caches
from django.utils import translation
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import reference_index_auto_update_disabled

from familientisch.i18n.indexing import indexes_paused, search_indexed_models
from familientisch.i18n.localization import ensure_locales
from tests.database import restore, serialize
from tests.factories.home import make_home

DEMO_TESTS = Path(__file__).parent / "demo"
# The database the settings name, before any test database takes its place.
CONFIGURED_DATABASE = connection.settings_dict["NAME"]


def on_demo(item):
    return DEMO_TESTS in item.path.parents


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The tests on the demo content share one load of it (`tests/demo/conftest.py`), so they
    run together, first; the others follow in pytest-django's order (transactional last)."""
    items.sort(key=lambda item: not on_demo(item))


def pytest_xdist_make_scheduler(config, log):
    """With `-n`, the tests on the demo content go to one worker as one unit of work (the
    biggest, so it starts first); every other test goes wherever a worker is free."""
    from xdist.scheduler import LoadScopeScheduling

    class DemoOnOneWorker(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return "demo" if nodeid.startswith("tests/demo/") else nodeid

    return DemoOnOneWorker(config, log)


@pytest.fixture(scope="session")
def as_migrated(django_db_setup, django_db_blocker):
    """The database as the migrations left it, serialized once per run (and worker).

    pytest-django makes the test database only when a chosen test asks for `db` (or a marker);
    a run of the browser tests alone asks for none and would load the demo into, and later
    empty, the developer's own database. So the test database is made here if it is missing."""
    with django_db_blocker.unblock():
        made = None
        if connection.settings_dict["NAME"] == CONFIGURED_DATABASE:
            made = setup_databases(verbosity=0, interactive=False, aliases={DEFAULT_DB_ALIAS})
        yield serialize()
        if made:
            teardown_databases(made, verbosity=0)


@pytest.fixture
def committed_db(as_migrated, django_db_blocker):
    """Database access outside a test transaction, for a test whose data another process
    reads; the database is put back as the migrations left it afterwards, so that no test
    leaves it emptied (which also keeps `--reuse-db` safe)."""
    with django_db_blocker.unblock():
        yield
        restore(as_migrated)


@pytest.fixture
def locales(db):
    """The eight site languages, each synchronised from German."""
    return ensure_locales()


@pytest.fixture
def home(db):
    """A German home page as the root of the default site, with the eight languages."""
    return make_home()


@pytest.fixture
def navigator(home):
    """The seeded city vocabularies and a Familien-Navigator below the home page."""
    from tests.factories.offers import build_navigator

    return build_navigator(home)


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in German: a language activated by an earlier test never leaks."""
    yield
    translation.deactivate()


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


@pytest.fixture(autouse=True)
def _indexes_paused():
    """Saves in tests leave the search index and Wagtail's reference index alone: indexing
    every save is a good part of a save's cost, and only the tests of search and references
    read the indexes. Those ask for `indexes`."""
    with indexes_paused():
        yield


@pytest.fixture
def indexes():
    """The search index and the reference index updated on every save, as on the site."""
    for model in search_indexed_models():
        post_save.connect(post_save_signal_handler, sender=model)
    reference_index_auto_update_disabled.value = False
    yield
    reference_index_auto_update_disabled.value = True
    for model in search_indexed_models():
        post_save.disconnect(post_save_signal_handler, sender=model)


@pytest.fixture
def development_urls(settings):
    """The URLs as `make run` has them (DEBUG): the site serves the uploads itself."""
    settings.DEBUG = True
    urls = importlib.import_module(settings.ROOT_URLCONF)
    importlib.reload(urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(urls)
    clear_url_caches()
