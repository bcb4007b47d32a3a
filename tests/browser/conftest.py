"""A real browser against the live demo site: Debian's chromium driven by Playwright.

The live server needs a transactional database, which is emptied after each test. Building the
demo (eight synchronised trees) takes many seconds, so it is built once per session, kept as
Django's serialized test data, and restored before each test by `serialized_rollback` (Django's
own mechanism, much faster than building it again).
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models.signals import post_save
from django.test import override_settings
from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

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


@pytest.fixture(scope="package")
def browser():
    if not CHROMIUM.exists():
        _browser_unavailable(HOW_TO_INSTALL)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _browser_unavailable("Playwright is missing: run `pip install -e '.[dev]'`")
    # Playwright's sync API keeps an event loop in this thread; Django refuses database calls
    # from such a thread unless told that it is safe, which it is here (one thread drives both).
    # Only while the browser tests run: `check --deploy` in later tests rejects the variable.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker):
    """Load the demo once and make it the data each transactional test starts from. The search
    index is left out (SQLite keeps it in a virtual table Django cannot serialize) and rebuilt
    per test."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        with override_settings(TEST_NON_SERIALIZED_APPS=["wagtail.search"]):
            snapshot = connection.creation.serialize_db_to_string()
    migrated_state = getattr(connection, "_test_serialized_contents", None)
    connection._test_serialized_contents = snapshot
    # wagtail-localize syncs trees whenever a synchronisation is saved, even from fixture data
    # (raw saves), before the locales it needs are restored; the snapshot is already in sync.
    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    yield
    post_save.connect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    connection._test_serialized_contents = migrated_state


@pytest.fixture
def demo_site(browser, demo_snapshot, live_server, django_db_serialized_rollback):
    """The live server's address, with the demo content in the database."""
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
