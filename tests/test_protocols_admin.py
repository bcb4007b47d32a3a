"""Editors upload minutes in the admin and land on the draft to check it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import GroupPagePermission

from familientisch.protocols.models import ProtocolPage
from tests.factories.protocols import ProtocolIndexPageFactory
from tests.test_protocols_import import SEED

URL = "/admin/protocols/import/"


@pytest.fixture
def index(home):
    return ProtocolIndexPageFactory(parent=home)


@pytest.fixture
def editor(django_user_model, index):
    user = django_user_model.objects.create_user("redaktion", password="pw")
    group = Group.objects.create(name="Redaktion Protokolle")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=index, permission=Permission.objects.get(codename="add_page")
    )
    user.groups.add(group)
    return user


def upload(client, name, data, index):
    return client.post(URL, {"file": SimpleUploadedFile(name, data), "parent": index.pk})


def test_an_editor_uploads_minutes_and_is_sent_to_the_new_draft(client, editor, index):
    client.force_login(editor)
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()
    response = upload(client, SEED.name, SEED.read_bytes(), index)
    page = ProtocolPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live
    message = client.get(response["Location"]).content.decode()
    assert "4 agenda items" in message


def test_a_bad_upload_is_explained_next_to_the_field_and_creates_nothing(client, editor, index):
    client.force_login(editor)
    response = upload(client, "notizen.pdf", b"%PDF-1.4", index)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Unknown file type" in html and 'aria-invalid="true" id="id_file"' in html
    response = upload(client, "brief.txt", b"Liebe Eltern, viele Gruesse", index)
    assert "does not look like minutes" in response.content.decode()
    assert not ProtocolPage.objects.exists()


def test_users_without_page_permission_get_neither_the_form_nor_the_menu_item(
    client, django_user_model, index
):
    user = django_user_model.objects.create_user("partner", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()
    response = upload(client, SEED.name, SEED.read_bytes(), index)
    assert response.status_code in (302, 403)
    assert not ProtocolPage.objects.exists()
