"""A real browser against the live demo site: Debian's chromium driven by Playwright.

One live server for the package, on the demo content that `tests/demo/conftest.py` loads once.
"""

import os
from pathlib import Path

import pytest
from pytest_django.live_server_helper import LiveServer

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


@pytest.fixture(scope="package")
def demo_site(chromium, demo, django_db_blocker):
    """The live server's address, serving the demo content of `tests/demo/conftest.py`. Not
    pytest-django's `live_server`: that one empties the database after every test."""
    server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    yield server.url
    server._live_server_modified_settings.disable()
    server.stop()


@pytest.fixture(autouse=True)
def _database_for_the_test_and_the_server(django_db_blocker):
    """Tests here read what the live server wrote, so they work outside a transaction."""
    with django_db_blocker.unblock():
        yield


def page_of_size(browser, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):
    yield from page_of_size(browser, 375, 812)


@pytest.fixture
def desktop(browser):
    yield from page_of_size(browser, 1280, 900)
