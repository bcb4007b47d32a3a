"""A partner's own accounts edit exactly their partner page in the real Wagtail admin: their
changes wait for moderation, and they see nothing of other partners."""

import pytest
from wagtail.models import GroupCollectionPermission, GroupPagePermission, WorkflowState

from familientisch.i18n.localization import synchronise_locales
from familientisch.partners.models import PartnerPage
from tests.factories.partners import (
    PartnerGroupFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    PngLogoFactory,
    edit_form_data,
    log_in_as_partner,
)


@pytest.fixture
def index(home):
    return PartnerIndexPageFactory(parent=home)


@pytest.fixture
def own(index):
    return PartnerPageFactory(parent=index, title="Familienzentrum Sonnenblume", with_accounts=True)


@pytest.fixture
def other(index):
    return PartnerPageFactory(parent=index, title="Kinderhilfe Regenbogen", with_accounts=True)


@pytest.fixture
def partner_client(client, own):
    return log_in_as_partner(client, own, "sonnenblume")


def test_a_partner_opens_the_edit_view_of_their_own_page(partner_client, own):
    assert partner_client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200


@pytest.mark.usefixtures("indexes")
def test_a_partner_cannot_open_another_partners_page(partner_client, other):
    response = partner_client.get(f"/admin/pages/{other.pk}/edit/")
    assert response.status_code in (302, 403)
    assert (
        "Kinderhilfe Regenbogen" not in partner_client.get("/admin/pages/search/").content.decode()
    )


def test_the_page_explorer_takes_a_partner_straight_to_their_own_page(partner_client, own, other):
    response = partner_client.get(f"/admin/pages/{own.get_parent().pk}/", follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/pages/{own.pk}/"
    html = response.content.decode()
    assert "Familienzentrum Sonnenblume" in html
    assert "Kinderhilfe Regenbogen" not in html


def test_a_partner_cannot_publish_and_their_change_waits_for_moderation(partner_client, own):
    data = edit_form_data(partner_client, own)
    data["summary"] = "Jetzt auch mit Sprechstunde am Samstag."
    data["action-publish"] = "action-publish"
    partner_client.post(f"/admin/pages/{own.pk}/edit/", data)
    assert PartnerPage.objects.get(pk=own.pk).summary != data["summary"]

    del data["action-publish"]
    data["action-submit"] = "action-submit"
    response = partner_client.post(f"/admin/pages/{own.pk}/edit/", data)
    assert response.status_code == 302
    live = PartnerPage.objects.get(pk=own.pk)
    assert live.summary != data["summary"]
    assert live.get_latest_revision_as_object().summary == data["summary"]
    assert WorkflowState.objects.filter(object_id=str(own.pk), status="in_progress").exists()


def test_a_new_logo_from_a_partner_needs_approval_again(partner_client, own):
    PartnerPage.objects.filter(pk=own.pk).update(logo=PngLogoFactory(), logo_approved=True)
    own.refresh_from_db()
    data = edit_form_data(partner_client, own)
    assert "logo_approved" not in data
    data["logo"] = PngLogoFactory(collection=own.logo_collection).pk
    data["action-submit"] = "action-submit"
    partner_client.post(f"/admin/pages/{own.pk}/edit/", data)
    assert not PartnerPage.objects.get(pk=own.pk).get_latest_revision_as_object().logo_approved


def test_a_partner_uploads_logos_into_their_own_collection_only(partner_client, own, other):
    response = partner_client.get("/admin/images/add/")
    assert response.status_code == 200
    assert own.logo_collection.name == "Familienzentrum Sonnenblume"
    assert (
        GroupCollectionPermission.objects.filter(
            group=own.group, collection=own.logo_collection
        ).count()
        == 3
    )
    assert not GroupCollectionPermission.objects.filter(
        group=own.group, collection=other.logo_collection
    ).exists()


def test_choosing_another_group_moves_the_rights_to_it(own):
    before = own.group
    own.group = PartnerGroupFactory()
    own.save()
    assert not GroupPagePermission.objects.filter(group=before, page=own).exists()
    assert not GroupCollectionPermission.objects.filter(group=before).exists()
    assert GroupPagePermission.objects.filter(group=own.group, page=own).exists()


def test_only_the_german_page_is_given_to_the_partner(own, locales):
    synchronise_locales()
    assert PartnerPage.objects.filter(translation_key=own.translation_key).count() == 8
    assert list(
        GroupPagePermission.objects.filter(group=own.group).values_list("page", flat=True)
    ) == [own.pk]
