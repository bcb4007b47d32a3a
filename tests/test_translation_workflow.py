"""Translators work in synchronised trees, with machine drafts, PO files and an overview."""

import polib
import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import rich_text
from wagtail_localize.models import Translation

from familientisch.i18n.localization import synchronise_locales, translate, translation_for
from familientisch.taxonomy.models import Category
from tests.factories.home import OfferIndexPageFactory

LANGUAGES = ["en", "tr", "ar", "fa", "uk", "ru", "pl"]


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")


@pytest.fixture
def navigator(home):
    page = OfferIndexPageFactory(
        parent=home, title="Familien-Navigator", introduction="<p>Hilfe für Familien</p>"
    )
    synchronise_locales()
    return page


def test_a_new_german_page_shows_up_in_every_locale(client, editor, navigator):
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:add",
        args=["familientisch_events", "eventindexpage", navigator.get_parent().pk],
    )
    response = client.post(
        url,
        {
            "title": "Veranstaltungen",
            "slug": "veranstaltungen",
            "introduction": rich_text(""),
            "action-publish": "1",
        },
    )
    assert response.status_code == 302
    german = Page.objects.get(slug="veranstaltungen", locale__language_code="de")
    copies = Page.objects.filter(translation_key=german.translation_key).exclude(pk=german.pk)
    assert sorted(copies.values_list("locale__language_code", flat=True)) == sorted(LANGUAGES)
    assert all(page.alias_of_id == german.pk for page in copies)


def test_the_offline_test_translator_gives_a_draft_that_cannot_be_published(
    client, editor, navigator
):
    arabic_locale = Locale.objects.get(language_code="ar")
    translation = translation_for(navigator, arabic_locale)
    client.force_login(editor)
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.id]))
    assert response.status_code == 302
    arabic = navigator.get_translation(arabic_locale)
    refused = client.post(
        reverse("wagtailadmin_pages:edit", args=[arabic.pk]), {"action": "publish"}, follow=True
    )
    assert "Not published: this translation has texts of the test translator" in (
        refused.content.decode()
    )
    arabic.refresh_from_db()
    assert arabic.alias_of_id == navigator.pk  # still the German page, not scrambled German
    # What the test translator wrote is there for trying the editor: the words reversed.
    translation.save_target(publish=False)
    assert navigator.get_translation(
        arabic_locale
    ).get_latest_revision_as_object().introduction == ("<p>Familien für Hilfe</p>")


def test_po_export_and_import_round_trip(tmp_path, navigator):
    call_command("translations_po", "export", str(tmp_path), locale="tr")
    page_file = tmp_path / f"offerindexpage-{navigator.pk}.po"
    po = polib.pofile(str(page_file))
    for entry in po:
        entry.msgstr = {"Familien-Navigator": "Aile Rehberi"}.get(entry.msgid, entry.msgid)
    po.save(str(page_file))

    call_command("translations_po", "import", str(page_file), publish=True)

    turkish = navigator.get_translation(Locale.objects.get(language_code="tr"))
    assert turkish.title == "Aile Rehberi"
    assert turkish.live and turkish.alias_of_id is None


def test_overview_counts_translated_out_of_date_and_missing(client, editor, navigator):
    call_command("seed_taxonomies")
    translate(navigator, "en", {"Familien-Navigator": "Family navigator"})
    translate(Category.objects.get(slug="beratung"), "en", {"Beratung": "Counselling"})
    navigator.introduction = "<p>Hilfe und Rat für Familien</p>"
    navigator.save_revision().publish()  # the German text changes after translation

    client.force_login(editor)
    html = client.get(reverse("translation_overview")).content.decode()

    english = html.split('id="locale-en"')[1].split("</section>")[0]
    pages_row = english.split('data-kind="pages"')[1].split("</tr>")[0]
    assert 'data-count="translated">2 / 2' not in pages_row
    assert 'data-count="translated">1 / 2' in pages_row  # navigator translated, home missing
    assert 'data-count="out-of-date">1' in pages_row
    categories_row = english.split('data-kind="category"')[1].split("</tr>")[0]
    assert 'data-count="translated">1 / 9' in categories_row
    assert 'data-count="missing">8' in categories_row


def test_a_german_change_of_facts_alone_leaves_the_translation_up_to_date(
    client, editor, navigator
):
    translate(navigator, "en", {"Familien-Navigator": "Family navigator"})
    navigator.show_in_menus = not navigator.show_in_menus
    navigator.save_revision().publish()
    client.force_login(editor)
    html = client.get(reverse("translation_overview")).content.decode()
    english = html.split('id="locale-en"')[1].split("</section>")[0]
    assert 'data-count="out-of-date">0' in english.split('data-kind="pages"')[1]


def test_translated_page_is_served_in_its_language_without_fallback_notice(client, navigator):
    translate(navigator, "uk", {"Familien-Navigator": "Сімейний навігатор"})
    html = client.get("/uk/navigator/").content.decode()
    assert "<h1>Сімейний навігатор</h1>" in html
    assert 'class="notice"' not in html


def test_only_export_from_this_site_is_accepted(tmp_path, navigator):
    stranger = polib.POFile()
    stranger.metadata = {"X-WagtailLocalize-TranslationID": "00000000-0000-0000-0000-000000000000"}
    stranger.save(str(tmp_path / "x.po"))
    with pytest.raises(Exception, match="not a PO file exported by this site"):
        call_command("translations_po", "import", str(tmp_path / "x.po"))
    assert not Translation.objects.exists()


def test_a_translation_older_than_the_german_text_says_so_and_links_to_the_german(
    client, navigator
):
    english = translate(navigator, "en", {"Familien-Navigator": "Family navigator"})
    assert (
        "The German text of this page was changed" not in client.get(english.url).content.decode()
    )
    navigator.introduction = "<p>Hilfe und Rat für Familien</p>"
    navigator.save_revision().publish()
    html = client.get(english.url).content.decode()
    assert "The German text of this page was changed on" in html
    assert (
        f'<a href="{navigator.url}" hreflang="de" lang="de" dir="ltr">Deutsche Fassung</a>' in html
    )


def test_the_overview_counts_machine_translations_by_page_type_and_downloads_as_csv(
    client, editor, navigator
):
    arabic = Locale.objects.get(language_code="ar")
    translation = translation_for(navigator, arabic)
    client.force_login(editor)
    client.post(reverse("wagtail_localize:machine_translate", args=[translation.id]))
    translation.save_target(publish=True)  # published from code: a test, not the editor
    html = client.get(reverse("translation_overview")).content.decode()
    arabic_section = html.split('id="locale-ar"')[1].split("</section>")[0]
    navigators = arabic_section.split('data-kind="offerindexpage"')[1].split("</tr>")[0]
    assert 'data-count="machine">1' in navigators

    csv = client.get(reverse("translation_overview"), {"format": "csv"})
    assert csv["Content-Type"] == "text/csv; charset=utf-8"
    lines = csv.content.decode().splitlines()
    assert lines[0].startswith("language,content,total,translated,machine,out of date,missing")
    assert any(line.startswith("ar,offerindexpage,,") and ",machine," in line for line in lines)


def test_the_overview_filters_by_language_and_content(client, editor, navigator):
    client.force_login(editor)
    html = client.get(
        reverse("translation_overview"), {"language": "uk", "content": "offerindexpage"}
    ).content.decode()
    assert 'id="locale-uk"' in html and 'id="locale-ar"' not in html
    assert 'data-kind="offerindexpage"' in html and 'data-kind="pages"' not in html
