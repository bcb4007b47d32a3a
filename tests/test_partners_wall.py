"""Visitors see the partners as a wall of approved logos, can narrow it to one kind, and reach
each partner's page; the home page shows a still selection of logos."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.images import get_image_model

from familientisch.partners import demo
from familientisch.partners.models import PartnerKind, PartnerPage
from tests.factories.partners import (
    PartnerIndexPageFactory,
    PartnerPageFactory,
    PngLogoFactory,
    SvgLogoFactory,
)


@pytest.fixture
def index(home):
    return PartnerIndexPageFactory(parent=home)


def test_only_approved_logos_are_on_the_wall_and_the_rest_are_listed_by_name(client, index):
    PartnerPageFactory(parent=index, title="Familienzentrum Sonnenblume", approved_logo=True)
    waiting = PartnerPageFactory(parent=index, title="Elterncafé Am Markt", logo=PngLogoFactory())
    html = client.get("/de/partner/").content.decode()
    assert 'alt="Familienzentrum Sonnenblume"' in html
    assert 'href="/de/partner/familienzentrum-sonnenblume/"><img' in html
    assert 'alt="Elterncafé Am Markt"' not in html
    assert waiting.logo.file.name.rsplit("/", 1)[-1].split(".")[0] not in html
    assert '<a href="/de/partner/elterncafe-am-markt/">Elterncafé Am Markt</a>' in html


def test_logos_are_fitted_into_one_size_svg_included(client, index):
    PartnerPageFactory(
        parent=index, title="Kirchengemeinde", logo=SvgLogoFactory(), logo_approved=True
    )
    PartnerPageFactory(parent=index, title="Bäckerei", approved_logo=True)
    html = client.get("/de/partner/").content.decode()
    assert html.count(".max-240x120.") == 2
    assert '.max-240x120.svg" width="120" height="60"' in html


def test_the_wall_can_be_narrowed_to_one_kind_without_javascript(client, index):
    PartnerPageFactory(parent=index, title="Ev. Kirchengemeinde", kind=PartnerKind.CHURCH)
    PartnerPageFactory(parent=index, title="Bäckerei Morgenrot", kind=PartnerKind.COMPANY)
    html = client.get("/de/partner/?kind=church").content.decode()
    assert "Ev. Kirchengemeinde" in html
    assert "Bäckerei Morgenrot" not in html
    assert 'href="/de/partner/?kind=church" aria-current="page"' in html


def test_an_unknown_kind_shows_every_partner(client, index):
    PartnerPageFactory(parent=index, title="Bäckerei Morgenrot", kind=PartnerKind.COMPANY)
    assert "Bäckerei Morgenrot" in client.get("/de/partner/?kind=nonsense").content.decode()


def test_the_wall_needs_no_query_per_logo(client, index, django_assert_max_num_queries):
    for number in range(12):
        PartnerPageFactory(parent=index, title=f"Partner {number}", approved_logo=True)
    client.get("/de/partner/")  # the first visit makes the renditions
    # The site frame needs about 14 queries; one per logo would add 12 more.
    with django_assert_max_num_queries(16):
        response = client.get("/de/partner/")
    assert response.content.decode().count('class="partner-logo"') == 12


def test_the_partner_website_opens_safely_and_says_it_leaves_the_site(client, index):
    PartnerPageFactory(parent=index, title="Lichtblick", website="https://lichtblick.example")
    html = client.get("/de/partner/lichtblick/").content.decode()
    assert '<a href="https://lichtblick.example" rel="external noopener noreferrer">' in html
    assert "(leaves this site)" in html or "(verlässt diese Website)" in html
    assert html.count("<h1>") == 1


def render_home_logos(count):
    template = Template("{% load partner_tags %}{% partner_logos count=" + str(count) + " %}")
    return template.render(Context({"request": RequestFactory().get("/de/")}))


def test_the_home_page_shows_a_still_selection_of_approved_logos(index):
    for number in range(6):
        PartnerPageFactory(parent=index, title=f"Partner {number}", approved_logo=True)
    PartnerPageFactory(parent=index, title="Ohne Zustimmung", logo=PngLogoFactory())
    html = render_home_logos(4)
    assert html.count("<img") == 4
    assert "Ohne Zustimmung" not in html
    assert render_home_logos(4) == html
    assert 'href="/de/partner/">' in html


def test_the_home_logo_selection_is_left_out_without_approved_logos(index):
    PartnerPageFactory(parent=index, title="Ohne Logo")
    assert render_home_logos(12).strip() == ""


def test_demo_partners_cover_every_kind_and_load_only_once(home):
    demo.load(home)
    partners = PartnerPage.objects.all()
    assert partners.count() >= 25
    assert set(partners.values_list("kind", flat=True)) == set(PartnerKind.values)
    assert 0 < partners.exclude(logo_approved=True).count() < partners.count() / 4
    before = (partners.count(), get_image_model().objects.count())
    demo.load(home)
    assert (partners.count(), get_image_model().objects.count()) == before


def test_partners_are_in_german_alphabetical_order(client, index):
    for title in ["Buchhandlung Seitenwind", "Bäckerei Morgenrot", "Beratungsstelle Lichtblick"]:
        PartnerPageFactory(parent=index, title=title)
    html = client.get("/de/partner/").content.decode()
    positions = [html.index(name) for name in ["Bäckerei", "Beratungsstelle", "Buchhandlung"]]
    assert positions == sorted(positions)


def test_the_home_page_shows_partner_logos_without_a_carousel(client, index):
    PartnerPageFactory(parent=index, title="Familienzentrum Sonnenblume", approved_logo=True)
    html = client.get("/de/").content.decode()
    assert 'alt="Familienzentrum Sonnenblume"' in html
    assert "carousel" not in html and "<script" not in html.split("<footer")[0].split("<main")[1]
