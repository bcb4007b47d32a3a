"""Every public address carries its language; visitors land in the language they asked for."""

import pytest

from familientisch.i18n.localization import synchronise_locales, translate
from tests.factories.home import OfferIndexPageFactory


@pytest.fixture
def synced_site(home):
    OfferIndexPageFactory(parent=home)
    synchronise_locales()
    return home


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("ar,en;q=0.8", "/ar/"), ("uk", "/uk/"), ("ja", "/de/"), ("", "/de/")],
)
def test_root_redirects_to_the_preferred_language(client, synced_site, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_german_home_is_left_to_right(client, synced_site):
    html = client.get("/de/").content.decode()
    assert '<html lang="de" dir="ltr">' in html


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_arabic_and_farsi_pages_are_right_to_left(client, synced_site, code):
    response = client.get(f"/{code}/navigator/")
    assert response.status_code == 200
    assert f'<html lang="{code}" dir="rtl">' in response.content.decode()


def test_language_switcher_leads_to_the_same_page_in_every_language(client, synced_site):
    html = client.get("/de/navigator/").content.decode()
    for code in ["de", "en", "tr", "ar", "fa", "uk", "ru", "pl"]:
        assert f'href="/{code}/navigator/" lang="{code}" hreflang="{code}"' in html
        assert (
            f'<link rel="alternate" hreflang="{code}" href="http://testserver/{code}/navigator/">'
            in html
        )
    assert 'hreflang="x-default" href="http://testserver/de/navigator/"' in html


def test_skip_link_points_at_the_main_content(client, synced_site):
    html = client.get("/tr/").content.decode()
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html


def test_an_untranslated_page_is_shown_in_german_with_a_notice(client, synced_site):
    html = client.get("/ar/navigator/").content.decode()
    # Only the German text is marked German: the labels around it stay Arabic, right to left.
    assert '<main id="main" class="wrap" tabindex="-1">' in html
    assert '<h1 lang="de" dir="ltr">Familien-Navigator</h1>' in html
    assert '<p class="notice" lang="ar" dir="rtl">' in html


def test_a_german_page_has_no_fallback_notice(client, synced_site):
    html = client.get("/de/navigator/").content.decode()
    assert '<main id="main" class="wrap" tabindex="-1">' in html
    assert 'class="notice"' not in html


def test_each_language_has_a_sitemap_of_its_own_pages(client, synced_site):

    navigator = synced_site.get_children().get(slug="navigator").specific
    translate(navigator, "ar", {"Familien-Navigator": "دليل العائلة"})

    index = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/sitemap-ar.xml" in index
    arabic = client.get("/sitemap-ar.xml").content.decode()
    german = client.get("/sitemap-de.xml").content.decode()
    assert "<loc>http://testserver/ar/navigator/</loc>" in arabic
    assert "<loc>http://testserver/ar/</loc>" not in arabic  # still an alias of the German home
    assert "<loc>http://testserver/de/</loc>" in german


def test_a_missing_document_is_not_redirected_into_a_language(client, synced_site):
    assert client.get("/documents/999/missing.pdf").status_code == 404
