"""Three visitors on a 390x844 phone, as the navigator's users were played: a mother in Bilk with
a 2-year-old (German, 200% text), a newly arrived father (Arabic) and a grandmother (Ukrainian,
200% text). Nothing scrolls sideways, axe finds nothing, and no request leaves the site."""

import datetime
from urllib.parse import urlsplit

import pytest

from familientisch.offers.opening import holiday, local_now
from tests.demo.browser.helpers import NetworkLog, axe_report, visit

LARGE_TEXT = "html { font-size: 200% !important; }"


@pytest.fixture
def phone_390(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(10_000)
    yield context
    context.close()


def with_large_text(page):
    page.add_style_tag(content=LARGE_TEXT)


def scrolls_sideways(page):
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def test_the_mother_finds_a_free_offer_near_bilk_open_tomorrow_morning_and_calls_it(
    demo_site, phone_390
):
    page = phone_390.new_page()
    network = NetworkLog(page)
    visit(page, demo_site, "/de/navigator/")
    with_large_text(page)
    page.fill("#id_age", "2")
    page.fill("#id_near", "Bilk")
    tomorrow = local_now().date() + datetime.timedelta(days=1)
    if tomorrow.weekday() < 5 and not holiday(tomorrow):  # the demo's places open on weekdays
        page.select_option("#id_when", "tomorrow")
    page.select_option("#id_daytime", "morning")
    page.locator(".navigator-more summary").click()
    page.check("#id_free")
    with page.expect_navigation():
        page.get_by_role("button", name="Show offers").click()

    assert urlsplit(page.url).fragment == "results-heading"  # the results, not the form, in view
    heading = page.locator("#results-heading")
    assert heading.evaluate("element => element.getBoundingClientRect().top") < 844
    assert page.locator(".navigator-near").inner_text().endswith("Bilk.")
    distances = page.locator(".offer-card .offer-facts dd", has_text=" km").all_inner_texts()
    kilometres = [float(text.split()[0].replace(",", ".")) for text in distances]
    assert kilometres and kilometres == sorted(kilometres)
    call = page.locator(".offer-card a[href^='tel:']").first
    assert call.get_attribute("href").startswith("tel:0211")
    assert call.evaluate("element => element.getBoundingClientRect().height") >= 44
    assert not scrolls_sideways(page)
    assert axe_report(page) == ""
    assert network.hosts == {urlsplit(demo_site).netloc}


def test_the_father_adds_an_event_to_his_calendar_and_keeps_two_offers_for_offline_use(
    demo_site, phone_390
):
    page = phone_390.new_page()
    visit(page, demo_site, "/ar/veranstaltungen/")
    page.locator(".event-card h3 a").first.click()
    calendar = page.get_by_role("link", name="Add to my calendar")
    assert calendar.get_attribute("href").endswith("event.ics")
    with page.expect_download() as download:
        calendar.click()
    assert download.value.suggested_filename.endswith(".ics")

    visit(page, demo_site, "/ar/navigator/")
    offers = page.locator(".offer-card h3 a")
    kept = []
    for number in range(2):
        offers.nth(number).click()
        kept.append(page.locator("h1").inner_text())
        with page.expect_navigation():
            page.get_by_role("button", name="Keep in my list").click()
        assert page.locator(".keep-status").is_visible()
        page.go_back()
        page.go_back()

    page.get_by_role("link", name="My list").first.click()
    titles = page.locator(".kept-title").all_inner_texts()
    assert titles == kept
    page.evaluate("navigator.serviceWorker.ready")
    page.wait_for_function("navigator.serviceWorker.controller !== null || true")
    page.reload()  # now under the service worker, which stored the list and the kept pages
    page.wait_for_timeout(500)
    phone_390.set_offline(True)
    page.reload()
    assert page.locator(".kept-title").all_inner_texts() == kept
    page.locator(".kept-title a").first.click()
    assert page.locator("h1").inner_text() == kept[0]
    phone_390.set_offline(False)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert not scrolls_sideways(page)


def test_the_grandmother_finds_her_districts_welcome_point_and_its_phone(demo_site, phone_390):
    page = phone_390.new_page()
    visit(page, demo_site, "/uk/navigator/")
    with_large_text(page)
    page.fill("#id_near", "Білк")
    page.locator(".navigator-more summary").click()
    page.select_option("#id_category", "welcome-point")
    with page.expect_navigation():
        page.locator(".navigator-actions button").click()
    first = page.locator(".offer-card").first
    assert "Welcome Point" in first.locator("h3").inner_text()
    assert first.locator("a[href^='tel:']").is_visible()
    assert not scrolls_sideways(page)
    header = page.locator(".site-header").evaluate("element => element.offsetHeight")
    assert header < 844 / 2  # the menu folds away; the page starts on the first screen
    assert axe_report(page) == ""


@pytest.mark.parametrize("language", ["de", "ar", "uk"])
def test_no_page_scrolls_sideways_at_200_percent_text(demo_site, phone_390, language):
    page = phone_390.new_page()
    paths = [
        f"/{language}/",
        f"/{language}/navigator/?near=Bilk",
        f"/{language}/veranstaltungen/",
        f"/{language}/veranstaltungen/submit/",
        f"/{language}/meine-liste/",
    ]
    too_wide = []
    for path in paths:
        visit(page, demo_site, path)
        with_large_text(page)
        if scrolls_sideways(page):
            too_wide.append(path)
    assert not too_wide
