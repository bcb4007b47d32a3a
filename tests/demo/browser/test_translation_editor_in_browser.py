"""A translator types Arabic into wagtail-localize's editor: right to left and marked as Arabic,
beside the German source marked as German."""

from django.contrib.auth import get_user_model

from familientisch.events.models import EventIndexPage
from familientisch.offers.models import OfferPage
from tests.demo.browser.helpers import visit


def test_a_translator_types_arabic_right_to_left_beside_the_german_source(demo_site, desktop):
    # Committed, not in a test transaction: the live server logs the translator in.
    get_user_model().objects.create_superuser("translator", password="übersetzen")
    visit(desktop, demo_site, "/admin/login/")
    desktop.fill("#id_username", "translator")
    desktop.fill("#id_password", "übersetzen")
    desktop.press("#id_password", "Enter")
    desktop.wait_for_url(f"{demo_site}/admin/")
    arabic_events = EventIndexPage.objects.get(locale__language_code="ar")
    visit(desktop, demo_site, f"/admin/pages/{arabic_events.pk}/edit/")

    source = desktop.locator(".js-translation-editor li > p:first-child").first
    assert source.inner_text() == "Veranstaltungen"
    desktop.locator(".js-translation-editor li button").first.click()
    field = desktop.locator(".js-translation-editor textarea").first
    field.fill("الفعاليات 2026")

    assert field.evaluate("field => getComputedStyle(field).direction") == "rtl"
    assert field.evaluate("field => field.closest('[lang]').lang") == "ar"
    assert source.evaluate("p => [p.lang, getComputedStyle(p).direction]") == ["de", "ltr"]


def test_an_editor_changes_the_german_phone_and_the_arabic_page_shows_it_at_once(
    demo_site, desktop
):
    get_user_model().objects.create_superuser("redaktion", password="veröffentlichen")
    visit(desktop, demo_site, "/admin/login/")
    desktop.fill("#id_username", "redaktion")
    desktop.fill("#id_password", "veröffentlichen")
    desktop.press("#id_password", "Enter")
    desktop.wait_for_url(f"{demo_site}/admin/")
    arabic = OfferPage.objects.live().filter(locale__language_code="ar", alias_of=None).last()
    german = OfferPage.objects.get(
        translation_key=arabic.translation_key, locale__language_code="de"
    )
    visit(desktop, demo_site, f"/admin/pages/{german.pk}/edit/")
    desktop.fill("#id_phone", "0211 7654321")
    # The footer's "Publish", as the editor's click sends it.
    desktop.evaluate(
        "document.querySelector('[name=action-publish]').form"
        ".requestSubmit(document.querySelector('[name=action-publish]'))"
    )
    desktop.wait_for_url(f"{demo_site}/admin/pages/{german.get_parent().pk}/")
    visit(desktop, demo_site, arabic.url)
    assert "0211 7654321" in desktop.content()
