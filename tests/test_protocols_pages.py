"""Visitors read the network's minutes: newest first by year, searchable, members-only ones
only for members, with an agenda to jump through and a clean printout."""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from familientisch.i18n.localization import synchronise_locales
from familientisch.protocols.models import ProtocolPage
from familientisch.protocols.privacy import members_group, restrict_to_members
from tests.factories.protocols import (
    DocumentFactory,
    ProtocolIndexPageFactory,
    ProtocolPageFactory,
    agenda_item,
)


@pytest.fixture
def index(home):
    return ProtocolIndexPageFactory(parent=home)


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user("mitglied", password="pw")
    user.groups.add(members_group())
    return user


def protocol(index, day, title, *paragraphs, **fields):
    return ProtocolPageFactory(
        parent=index,
        title=title,
        meeting_date=day,
        agenda=[agenda_item(1, "Begrüßung", *paragraphs)],
        **fields,
    )


def test_the_index_lists_protocols_newest_first_grouped_by_year(client, index):
    protocol(index, datetime.date(2017, 11, 8), "Sitzung November 2017")
    protocol(index, datetime.date(2018, 2, 28), "Sitzung Februar 2018")
    protocol(index, datetime.date(2018, 6, 6), "Sitzung Juni 2018")
    html = client.get(index.url).content.decode()
    assert html.index('id="year-2018"') < html.index('id="year-2017"')
    assert html.index("Juni 2018") < html.index("Februar 2018") < html.index("November 2017")


def test_the_index_needs_the_same_queries_for_many_protocols(
    client, index, queries_of, django_assert_max_num_queries
):
    protocol(index, datetime.date(2018, 1, 1), "Eins")
    client.get(index.url)  # warm the site-root cache
    few = queries_of(lambda: client.get(index.url))
    for day in range(2, 12):
        protocol(index, datetime.date(2018, 1, day), f"Sitzung {day}")
    with django_assert_max_num_queries(few):
        response = client.get(index.url)
    assert response.content.decode().count('class="protocol-list"') == 1
    assert "Sitzung 11" in response.content.decode()


@pytest.mark.usefixtures("indexes")
def test_search_finds_protocols_by_their_agenda_text(client, index):
    protocol(index, datetime.date(2018, 6, 6), "Juni", "Der Familien-Navigator kommt.")
    protocol(index, datetime.date(2018, 9, 12), "September", "Netzwerk W stellt sich vor.")
    html = client.get(index.url, {"q": "Navigator"}).content.decode()
    assert "Juni" in html and "September" not in html
    assert "One protocol found" in html


@pytest.mark.usefixtures("indexes")
def test_search_stays_in_the_current_language(client, index):
    german = protocol(index, datetime.date(2018, 6, 6), "Juni", "Der Familien-Navigator kommt.")
    synchronise_locales()  # every language gets a copy of the German protocol
    english = ProtocolPage.objects.get(alias_of=german, locale__language_code="en")
    html = client.get(index.url, {"q": "Navigator"}).content.decode()
    assert "One protocol found" in html and german.url in html
    html = client.get(english.get_parent().url, {"q": "Navigator"}).content.decode()
    assert english.url in html and german.url not in html


def test_a_members_only_protocol_sends_anonymous_visitors_to_log_in(client, index):
    page = protocol(index, datetime.date(2018, 9, 12), "Intern", "Vertraulich.")
    restrict_to_members(page)
    response = client.get(page.url)
    assert response.status_code == 302
    assert "?next=" in response["Location"]


def test_a_member_reads_a_members_only_protocol(client, index, member):
    page = protocol(index, datetime.date(2018, 9, 12), "Intern", "Vertraulich.")
    restrict_to_members(page)
    client.force_login(member)
    assert "Vertraulich." in client.get(page.url).content.decode()
    assert "Members only" in client.get(index.url).content.decode()


def test_a_logged_in_non_member_is_turned_away(client, index, django_user_model):
    page = protocol(index, datetime.date(2018, 9, 12), "Intern", "Vertraulich.")
    restrict_to_members(page)
    client.force_login(django_user_model.objects.create_user("gast", password="pw"))
    assert "Vertraulich." not in client.get(page.url).content.decode()
    assert "Intern" not in client.get(index.url).content.decode()


@pytest.mark.usefixtures("indexes")
def test_neither_the_list_nor_the_search_leaks_members_only_protocols(client, index):
    protocol(index, datetime.date(2018, 6, 6), "Öffentlich", "Navigator für alle.")
    restrict_to_members(protocol(index, datetime.date(2018, 9, 12), "Intern", "Navigator intern."))
    for params in ({}, {"q": "Navigator"}):
        html = client.get(index.url, params).content.decode()
        assert "Öffentlich" in html and "Intern" not in html


def test_restricting_twice_keeps_one_restriction_to_the_members_group(index):
    page = protocol(index, datetime.date(2018, 9, 12), "Intern")
    restrict_to_members(page)
    restrict_to_members(page)
    restriction = PageViewRestriction.objects.get(page=page)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert list(restriction.groups.all()) == [Group.objects.get(name="Mitglieder")]


def test_the_agenda_is_a_table_of_contents_with_anchors(client, index):
    page = ProtocolPageFactory(
        parent=index,
        agenda=[
            agenda_item(1, "Begrüßung", "Hallo."),
            agenda_item("3a", "Welcome Points", "Mehr dazu.", subheading="Stadtbezirk 1"),
        ],
    )
    html = client.get(page.url).content.decode()
    assert '<a href="#top-1">1. Begrüßung</a>' in html
    assert '<a href="#top-3a">3a. Welcome Points</a>' in html
    assert 'id="top-1"' in html and 'id="top-3a"' in html
    assert "<h3>Stadtbezirk 1</h3>" in html
    assert html.count("<h1") == 1


def test_a_protocol_shows_attachments_with_type_and_size_and_the_next_meeting(client, index):
    document = DocumentFactory(title="Folien")
    page = ProtocolPageFactory(
        parent=index,
        attachments=[{"type": "attachment", "value": {"document": document.pk, "title": ""}}],
        next_meeting_date=datetime.date(2018, 9, 12),
        next_meeting_topics="Netzwerk W\nKinderrechte",
    )
    html = client.get(page.url).content.decode()
    assert "Folien</a>" in html and "(PDF, 15" in html
    assert 'datetime="2018-09-12"' in html and "<li>Kinderrechte</li>" in html


def test_protocol_pages_load_the_print_stylesheet_for_print_only(client, index):
    page = ProtocolPageFactory(parent=index)
    html = client.get(page.url).content.decode()
    assert 'href="/static/protocols/print.css" media="print"' in html
    css = client.get("/static/protocols/print.css").getvalue().decode()
    assert "size: A4" in css and 'content: " (" attr(href) ")"' in css


def test_a_member_logs_in_on_the_public_site_and_reads_the_protocol(client, index, member):
    page = protocol(index, datetime.date(2018, 9, 12), "Intern", "Vertraulich.")
    restrict_to_members(page)
    login_page = client.get(page.url, follow=True)
    assert login_page.request["PATH_INFO"] == "/de/login/"
    assert 'autocomplete="current-password"' in login_page.content.decode()
    member.set_password("geheim")
    member.save()
    response = client.post(
        "/de/login/",
        {"username": member.username, "password": "geheim", "next": page.url},
        follow=True,
    )
    assert "Vertraulich." in response.content.decode()
