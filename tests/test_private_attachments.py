"""The attachments of members-only minutes are as private as the minutes: only members (and
the editors who manage documents) download them, and never from a shared cache (issue: a
document chosen in a private protocol downloaded for anyone, with Cache-Control: public)."""

import pytest
from django.contrib.auth.models import Group

from familientisch.protocols.privacy import members_group, restrict_to_members
from tests.factories.home import ProtocolIndexPageFactory, StandardPageFactory
from tests.factories.protocols import DocumentFactory, ProtocolPageFactory

pytestmark = pytest.mark.usefixtures("indexes")  # which pages use a document: reference index


@pytest.fixture
def minutes(home):
    """Members-only minutes with a presentation attached."""
    document = DocumentFactory(title="Haushaltsentwurf")
    page = ProtocolPageFactory(
        parent=ProtocolIndexPageFactory(parent=home),
        attachments=[{"type": "attachment", "value": {"document": document.pk, "title": ""}}],
    )
    restrict_to_members(page)
    return page, document


def download(client, document):
    return client.get(document.url)


def test_a_visitor_is_asked_to_log_in_for_an_attachment_of_private_minutes(client, minutes):
    _page, document = minutes
    response = download(client, document)
    assert response.status_code == 302
    assert response["Location"].startswith("/de/login/?next=/documents/")


def test_a_member_downloads_it_and_no_cache_keeps_a_copy(client, django_user_model, minutes):
    _page, document = minutes
    member = django_user_model.objects.create_user("mitglied", password="pw")
    member.groups.add(members_group())
    client.force_login(member)
    response = download(client, document)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert {"private", "no-store"} <= set(response["Cache-Control"].replace(" ", "").split(","))


def test_a_logged_in_non_member_is_refused(client, django_user_model, minutes):
    _page, document = minutes
    user = django_user_model.objects.create_user("partnerin", password="pw")
    user.groups.add(Group.objects.create(name="Partner Sonne"))
    client.force_login(user)
    assert download(client, document).status_code == 403


def test_an_attachment_that_a_public_page_also_offers_stays_public(client, home, minutes):
    _page, document = minutes
    StandardPageFactory(
        parent=home,
        body=[
            {
                "type": "paragraph",
                "value": f'<p><a linktype="document" id="{document.pk}">Plan</a></p>',
            }
        ],
    )
    response = download(client, document)
    assert response.status_code == 200


def test_the_development_server_never_hands_out_a_documents_file_directly(
    client, minutes, development_urls
):
    _page, document = minutes
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert download(client, document).status_code == 302  # the login, as before
