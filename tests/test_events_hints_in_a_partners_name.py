"""Only a partner's own account (or its API token) publishes a hint in the partner's name;
anyone else names an organiser as text, and the moderator sees that it is not verified (issue:
an anonymous sender could pick any partner as organiser, shown on that partner's page)."""

import pytest

from familientisch.events.models import EventPage
from tests.factories.home import EventIndexPageFactory
from tests.factories.partners import PartnerIndexPageFactory, PartnerPageFactory
from tests.test_events_hints import hint, submit


@pytest.fixture
def index(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def partners(home):
    parent = PartnerIndexPageFactory(parent=home)
    own = PartnerPageFactory(parent=parent, title="Familienzentrum Sonne", with_accounts=True)
    other = PartnerPageFactory(parent=parent, title="Kinderhilfe Regen", with_accounts=True)
    return own, other


def sent_hint():
    return EventPage.objects.get(locale__language_code="de", title="Spielenachmittag im Park")


def test_an_anonymous_sender_cannot_name_a_partner_as_organiser(client, index, partners):
    own, _other = partners
    form = client.get(index.url + "submit/").content.decode()
    assert 'name="partner"' not in form and "Familienzentrum Sonne" not in form
    submit(client, index, hint(partner=own.pk, organiser_name="Familienzentrum Sonne"))
    assert sent_hint().organiser is None


def test_the_moderator_sees_that_an_anonymous_organiser_is_not_verified(
    client, django_user_model, index, partners
):
    submit(client, index, hint(organiser_name="Familienzentrum Sonne"))
    client.force_login(django_user_model.objects.create_superuser("chefin", password="pw"))
    html = client.get(f"/admin/pages/{sent_hint().pk}/edit/").content.decode()
    assert "Familienzentrum Sonne" in html
    assert "not verified: sent without a partner" in html


def test_a_partner_account_sends_a_hint_in_its_own_name_only(
    client, django_user_model, index, partners
):
    own, other = partners
    user = django_user_model.objects.create_user("sonne", "team@sonne.example", "pw")
    user.groups.add(own.group)
    client.force_login(user)
    form = client.get(index.url + "submit/").content.decode()
    assert "Familienzentrum Sonne" in form and "Kinderhilfe Regen" not in form
    # Nothing to type that the site knows: the organisation and the account's address.
    assert 'value="Familienzentrum Sonne"' in form and 'value="team@sonne.example"' in form
    response = submit(client, index, hint(partner=other.pk))
    assert 'id="id_partner-error"' in response.content.decode()
    submit(client, index, hint(partner=own.pk))
    assert sent_hint().organiser == own
