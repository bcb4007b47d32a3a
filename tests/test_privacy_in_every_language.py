"""Members-only minutes stay members-only in every language, however and in whichever language
their privacy was set (issue: the English search listed minutes made private in German)."""

import pytest
from wagtail.models import Page, PageViewRestriction

from familientisch.i18n.localization import synchronise_locales, translate
from familientisch.protocols.privacy import members_group, restrict_to_members
from tests.factories.home import ProtocolIndexPageFactory
from tests.factories.protocols import ProtocolPageFactory, agenda_item

SECRET = "Haushaltsentwurf"


@pytest.fixture
def minutes(home):
    """Published German minutes with their copies in the seven other languages."""
    index = ProtocolIndexPageFactory(parent=home)
    page = ProtocolPageFactory(
        parent=index, title="Sitzung im September", agenda=[agenda_item(1, "Geld", SECRET)]
    )
    synchronise_locales()
    return page


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chefin", password="pw"))
    return client


def versions(page):
    return Page.objects.filter(translation_key=page.translation_key)


def restricted_to_members(page):
    group = members_group()
    return [
        list(PageViewRestriction.objects.filter(page=version).values_list("groups", flat=True))
        == [group.pk]
        for version in versions(page)
    ]


def set_privacy(editor, page, **data):
    response = editor.post(f"/admin/pages/{page.pk}/privacy/", data)
    assert response.status_code == 200


def test_privacy_set_on_the_german_minutes_after_their_copies_exist_holds_for_every_copy(
    client, editor, minutes
):
    set_privacy(editor, minutes, restriction_type="groups", groups=[members_group().pk])
    assert len(restricted_to_members(minutes)) == 8 and all(restricted_to_members(minutes))
    client.logout()
    english = versions(minutes).get(locale__language_code="en")
    assert client.get(english.url).status_code == 302  # to the login page


@pytest.mark.usefixtures("indexes")
def test_the_english_search_does_not_list_minutes_made_private_in_german(client, minutes):
    assert "Sitzung im September" in client.get("/en/suche/", {"q": SECRET}).content.decode()
    restrict_to_members(minutes)
    assert "Sitzung im September" not in client.get("/en/suche/", {"q": SECRET}).content.decode()


def test_privacy_set_on_the_arabic_copy_also_holds_for_the_german_minutes(editor, minutes):
    arabic = versions(minutes).get(locale__language_code="ar")
    set_privacy(editor, arabic, restriction_type="login")
    restrictions = PageViewRestriction.objects.filter(page__in=versions(minutes))
    assert sorted(restrictions.values_list("restriction_type", flat=True)) == ["login"] * 8


def test_making_translated_minutes_public_makes_them_public_in_every_language(editor, minutes):
    # An alias follows its German page's privacy (Wagtail); a translation has its own.
    english = translate(minutes, "en", {"Sitzung im September": "September meeting"})
    restrict_to_members(minutes)
    set_privacy(editor, english, restriction_type="none")
    assert not PageViewRestriction.objects.filter(page__in=versions(minutes)).exists()


def test_deleting_a_copy_leaves_the_german_minutes_private(minutes):
    restrict_to_members(minutes)
    versions(minutes).get(locale__language_code="pl").delete()
    assert all(restricted_to_members(minutes)) and len(restricted_to_members(minutes)) == 7
