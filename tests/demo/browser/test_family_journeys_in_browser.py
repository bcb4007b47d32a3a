"""The two journeys the site exists for, in a real browser: a family finds help for their
2-year-old in their district with the keyboard alone, and a partner sends an event hint,
correcting a mistake on the way."""

import datetime
from urllib.parse import parse_qs, urlsplit

from tests.demo.browser.helpers import follow_by_keyboard, tab_to, type_into, visit


def choose_by_keyboard(page, selector, typed):
    """Tab to a select and pick an option by typing its beginning, as keyboard users do."""
    field = page.locator(selector)
    for _ in range(80):
        page.keyboard.press("Tab")
        if field.evaluate("element => element === document.activeElement"):
            page.keyboard.type(typed)
            return
    raise AssertionError(f"the field {selector!r} cannot be reached with the Tab key")


def test_a_family_finds_offers_for_a_two_year_old_in_their_district_by_keyboard(demo_site, phone):
    visit(phone, demo_site, "/de/")
    follow_by_keyboard(phone, "Familien-Navigator")
    type_into(phone, "#id_age", "2")
    tab_to(phone, "More filters")  # on a phone the rarer filters wait behind a toggle
    phone.keyboard.press("Enter")
    choose_by_keyboard(phone, "#id_district", "Stadtbezirk 3")
    tab_to(phone, "Show offers")
    with phone.expect_navigation():
        phone.keyboard.press("Enter")

    query = parse_qs(urlsplit(phone.url).query)
    assert query["age"] == ["2"] and query["district"] == ["bezirk-3"]
    first = phone.locator(".offer-card h3 a").first
    title = first.inner_text()

    follow_by_keyboard(phone, title)
    assert phone.locator("h1").inner_text() == title
    phone.go_back()  # the browser's back key
    assert phone.locator("#id_age").input_value() == "2"
    assert phone.locator(".offer-card h3 a").first.inner_text() == title


def test_a_partner_sends_an_event_hint_and_corrects_a_mistake(demo_site, phone):
    visit(phone, demo_site, "/de/veranstaltungen/")
    follow_by_keyboard(phone, "Tell us about an event")
    type_into(phone, "#id_title", "Vorlesestunde für Kleine")
    type_into(phone, "#id_description", "Wir lesen Bilderbücher vor, auf Deutsch und Türkisch.")
    # Native date fields take typed digits in the browser's own format: filled directly.
    next_month = datetime.date.today() + datetime.timedelta(days=30)
    phone.locator("#id_start_date").fill(next_month.isoformat())
    type_into(phone, "#id_place_name", "Stadtteilbibliothek Bilk")
    type_into(phone, "#id_organiser_name", "Familienzentrum Sonnenblume")
    type_into(phone, "#id_contact_email", "kein-mail")
    phone.locator("#id_consent").check()
    tab_to(phone, "Send the event hint")
    with phone.expect_navigation():
        phone.keyboard.press("Enter")

    assert phone.locator("#id_contact_email").get_attribute("aria-invalid") == "true"
    assert phone.locator("#id_title").input_value() == "Vorlesestunde für Kleine"  # kept
    type_into(phone, "#id_contact_email", "kontakt@sonnenblume.example")
    if not phone.locator("#id_consent").is_checked():
        phone.locator("#id_consent").check()
    tab_to(phone, "Send the event hint")
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    errors = phone.locator(".errorlist").all_inner_texts()
    assert phone.locator("h1").inner_text() == "Thank you for your event hint", errors
    assert phone.get_by_role("status").is_visible()
