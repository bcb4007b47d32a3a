"""The public site in a real browser: accessible by axe's WCAG 2.1 AA rules, usable with the
keyboard alone, mirrored in Arabic, light, and private (no request leaves the site)."""

from pathlib import Path
from urllib.parse import urlsplit

from familientisch.offers.models import OfferPage
from tests.demo.browser.helpers import (
    NetworkLog,
    addresses_to_check,
    axe_report,
    drawn_left_of,
    follow_by_keyboard,
    one_page_per_type,
    tab_to,
    type_into,
    visit,
)

BUDGET_BYTES = 100 * 1024
SCREENSHOTS = Path(__file__).resolve().parents[3] / "screenshots"


def test_every_page_type_passes_axe_in_german_and_arabic(demo_site, desktop):
    reports = []
    for language in ["de", "ar"]:
        for name, path in addresses_to_check(language).items():
            visit(desktop, demo_site, path)
            report = axe_report(desktop)
            if report:
                reports.append(f"== {name} ({path})\n{report}")
    assert not reports, "\n\n".join(reports)


def test_a_keyboard_user_reaches_a_section_and_comes_back(demo_site, phone):
    visit(phone, demo_site, "/de/")
    follow_by_keyboard(phone, "Leichte Sprache")
    assert phone.locator("h1").inner_text() == "Leichte Sprache"
    follow_by_keyboard(phone, "So benutzen Sie die Seite")
    assert phone.locator("h1").inner_text() == "So benutzen Sie die Seite"
    follow_by_keyboard(phone, "Leichte Sprache")  # the breadcrumb trail leads back
    follow_by_keyboard(phone, "Familientisch")
    assert urlsplit(phone.url).path == "/de/"


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(demo_site, phone):
    visit(phone, demo_site, "/de/impressum/")
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.className") == "skip-link"
    assert phone.locator(".skip-link").is_visible()
    phone.keyboard.press("Enter")
    assert phone.evaluate("document.activeElement.id") == "main"


def test_a_barrier_report_is_corrected_and_sent_by_keyboard(demo_site, phone):
    visit(phone, demo_site, "/de/datenschutz/")
    follow_by_keyboard(phone, "Report a barrier")
    assert phone.locator("#id_page_url").input_value().endswith("/de/datenschutz/")
    type_into(phone, "#id_email", "not an address")
    tab_to(phone, "Send report")
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert phone.locator("#id_description").get_attribute("aria-invalid") == "true"
    assert phone.locator("#id_description_error").is_visible()
    assert phone.locator("#id_email").input_value() == "not an address"  # kept to correct
    type_into(phone, "#id_description", "Der Kontrast ist zu schwach.")
    type_into(phone, "#id_email", "leser@example.org")
    tab_to(phone, "Send report")
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert phone.get_by_role("status").is_visible()


def test_arabic_pages_are_mirrored(demo_site, phone):
    for path in one_page_per_type("ar").values():
        visit(phone, demo_site, path)
        assert phone.locator("html").get_attribute("dir") == "rtl", path
        assert phone.evaluate("getComputedStyle(document.body).direction") == "rtl", path


def test_an_arabic_page_keeps_postcode_and_city_and_phone_number_in_their_order(demo_site, phone):
    offer = OfferPage.objects.live().filter(locale__language_code="ar", alias_of=None).first()
    place = offer.places.first()
    visit(phone, demo_site, offer.url)
    assert drawn_left_of(phone.locator(".offer-place address").first, place.postcode, place.city)
    area_code, number = offer.phone.split(" ", 1)
    assert drawn_left_of(phone.locator(".offer-call").first, area_code, number)


def test_a_german_only_offer_in_arabic_reads_right_to_left_with_its_german_text_marked(
    demo_site, phone
):
    offer = OfferPage.objects.live().filter(locale__language_code="ar").exclude(alias_of=None)[0]
    visit(phone, demo_site, offer.url)
    assert phone.evaluate("getComputedStyle(document.body).direction") == "rtl"
    heading = phone.locator("h1")
    assert heading.get_attribute("lang") == "de" and heading.get_attribute("dir") == "ltr"
    assert phone.evaluate("getComputedStyle(document.querySelector('h1')).direction") == "ltr"
    labels = phone.locator(".offer-facts dt").first
    assert labels.evaluate("element => element.closest('[lang]').lang") == "ar"
    assert axe_report(phone) == ""


def test_every_page_stays_within_the_budget_and_on_the_site(demo_site, phone):
    network = NetworkLog(phone)
    refused = []  # what the Content-Security-Policy blocked: the site's own code must not need it
    phone.on(
        "console",
        lambda message: "Content Security Policy" in message.text and refused.append(message.text),
    )
    own_host = urlsplit(demo_site).netloc
    weights = {}
    for language in ["de", "ar"]:
        for path in addresses_to_check(language).values():
            network.reset()
            visit(phone, demo_site, path)
            weights[path] = network.weight
            assert network.hosts == {own_host}, f"{path} talks to {network.hosts - {own_host}}"
            assert not refused, f"{path}: {refused}"
    heaviest = max(weights, key=weights.get)
    print(f"heaviest page: {heaviest}, {weights[heaviest]} bytes of HTML, CSS and JS")
    assert weights[heaviest] <= BUDGET_BYTES, f"{heaviest} weighs {weights[heaviest]} bytes"


def test_screenshots_of_every_page_type_on_a_phone_and_a_desktop(demo_site, phone, desktop):
    SCREENSHOTS.mkdir(exist_ok=True)
    for language in ["de", "ar"]:
        for name, path in addresses_to_check(language).items():
            slug = name.replace(".", "-").replace(" ", "-").lower()
            for width, browser_page in [(375, phone), (1280, desktop)]:
                visit(browser_page, demo_site, path)
                browser_page.screenshot(
                    path=SCREENSHOTS / f"{language}-{slug}-{width}.png", full_page=True
                )
            assert (SCREENSHOTS / f"{language}-{slug}-375.png").stat().st_size > 0


def test_pages_reflow_at_320_pixels_as_at_400_percent_zoom(demo_site, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    narrow = context.new_page()
    too_wide = {}
    for language in ["de", "ar"]:
        for path in addresses_to_check(language).values():
            visit(narrow, demo_site, path)
            width = narrow.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                too_wide[path] = width
    context.close()
    assert not too_wide, f"these pages scroll sideways at 320 px: {too_wide}"
