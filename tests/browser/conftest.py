"""A real browser against the live demo site: Debian's chromium driven by Playwright.

The live server needs a transactional database, which is emptied after each test. Building the
demo (eight synchronised trees) takes many seconds, so it is built once per session, serialized
with Django's test-runner helper, and restored before each test (much faster than building it).
"""

import json
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.models.signals import post_save
from django.test import override_settings
from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

from home.models import HomePage

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOW_TO_INSTALL = (
    "the browser tests need Debian's chromium at /usr/bin/chromium: "
    "install it with `sudo apt-get install chromium` (never `playwright install`)"
)


def _browser_unavailable(reason):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI must run the browser tests, but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium():
    """Checked before anything else, so a machine without a browser skips at once."""
    if not CHROMIUM.exists():
        _browser_unavailable(HOW_TO_INSTALL)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _browser_unavailable("Playwright is missing: run `pip install -e '.[dev]'`")
    return sync_playwright


@pytest.fixture(scope="package")
def browser(chromium):
    # Playwright's sync API keeps an event loop in this thread; Django refuses database calls
    # from such a thread unless told that it is safe, which it is here (one thread drives both).
    # Only while the browser tests run: `check --deploy` in later tests rejects the variable.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = chromium().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture(scope="session")
def demo_snapshot(chromium, django_db_setup, django_db_blocker):
    """The demo, loaded once and kept as serialized data. The search index is left out (SQLite
    keeps it in a virtual table Django cannot serialize) and rebuilt per test."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        with override_settings(TEST_NON_SERIALIZED_APPS=["wagtail.search"]):
            objects = json.loads(connection.creation.serialize_db_to_string())
    # Content types first: signal handlers of raw saves (Wagtail's reference index) look them
    # up, and would create them under new ids if they came later.
    objects.sort(key=lambda item: item["model"] != "contenttypes.contenttype")
    return json.dumps(objects)


@pytest.fixture
def demo_site(demo_snapshot, browser, live_server):
    """The live server's address, with the demo content in the database. The database is
    emptied after each test (the live server needs real transactions), so each test after the
    first restores the snapshot."""
    if not HomePage.objects.exists():
        # Emptying the database recreates content types and permissions under new ids; the
        # snapshot brings its own.
        Permission.objects.all().delete()
        ContentType.objects.all().delete()
        ContentType.objects.clear_cache()
        # wagtail-localize syncs trees whenever a synchronisation is saved, even a raw save
        # from serialized data, before the locales it needs exist; the snapshot is in sync.
        post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
        try:
            connection.creation.deserialize_db_from_string(demo_snapshot)
        finally:
            post_save.connect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    call_command("update_index", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return live_server.url


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 375, "height": 812})
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()
