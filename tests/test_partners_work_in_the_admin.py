"""Partners do their own work in the admin, as Integreat's event managers: they add events and
offers for their organisation (always through the review), follow them on "My organisation",
keep their API tokens there, and never touch another partner's things. An editor invites a
partner's first account in one action; a changed logo keeps the approved one on the wall."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import APIToken, Page, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from familientisch.events.models import EventPage
from familientisch.events.moderation import WORKFLOW_NAME, ensure_hint_workflow
from familientisch.offers.models import OfferPage
from familientisch.partners.models import PartnerPage
from tests.factories.events import EventPageFactory
from tests.factories.home import EventIndexPageFactory, PartnerIndexPageFactory
from tests.factories.offers import OfferPageFactory, build_navigator
from tests.factories.partners import (
    PartnerPageFactory,
    PngLogoFactory,
    edit_form_data,
    log_in_as_partner,
)

ORGANISATION = "/admin/organisation/"


@pytest.fixture
def events(home):
    index = EventIndexPageFactory(parent=home)
    ensure_hint_workflow(index)
    return index


@pytest.fixture
def offers(home):
    return build_navigator(home)


@pytest.fixture
def partner_index(home):
    return PartnerIndexPageFactory(parent=home, title="Unsere Partner", slug="partner")


@pytest.fixture
def ours(partner_index, events, offers):
    # Made after the indexes: a partner with a group may add under each by itself.
    return PartnerPageFactory(parent=partner_index, title="Familienzentrum", with_accounts=True)


@pytest.fixture
def theirs(partner_index, events, offers):
    return PartnerPageFactory(parent=partner_index, title="Sportverein", with_accounts=True)


@pytest.fixture
def partner(client, ours):
    return log_in_as_partner(client, ours, "fz")


@pytest.fixture
def editor(django_user_model):
    """One of the office's editors: Wagtail's "Editors" group, no superuser."""
    user = django_user_model.objects.create_user("redaktion", "r@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def add_form(client, model, index, **fields):
    """The admin's add form for `model` under `index`, as `client` gets it, filled in."""
    meta = model._meta
    url = f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{index.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for name, value in fields.items():
        data[name] = value
    return url, data


def submitted(client, url, data):
    response = client.post(url, {**data.dict(), "action-submit": "action-submit"})
    form = response.context["form"] if response.status_code == 200 else None
    assert response.status_code == 302, form.errors if form else response
    return response


def act(client, user, page, action):
    """A moderator's click in the admin's workflow menu."""
    client.force_login(user)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    assert client.post(url, {"comment": "Bitte mit Uhrzeit."}).status_code in (200, 302)


def state_of(html, title):
    row = re.search(rf'{re.escape(title)}</a></th>\s*<td data-state="([a-z_]+)"', html)
    return row and row.group(1)


def organisation_rows(client):
    response = client.get(ORGANISATION)
    assert response.status_code == 200
    return response.content.decode()


def test_a_partner_adds_an_event_and_sees_it_in_review_on_my_organisation(partner, ours, events):
    url, data = add_form(
        partner,
        EventPage,
        events,
        title="Tag der offenen Tür",
        slug="tag-der-offenen-tuer",
        summary="Wir zeigen unsere Räume.",
        start="2031-05-04 10:00",
        city="Düsseldorf",
        place_name="Familienzentrum",
    )
    assert data["organiser"] == str(ours.pk)  # their own organisation, the only choice
    submitted(partner, url, data)
    event = EventPage.objects.get(slug="tag-der-offenen-tuer", locale__language_code="de")
    assert not event.live
    assert event.current_workflow_state.workflow.name == WORKFLOW_NAME
    assert state_of(organisation_rows(partner), "Tag der offenen Tür") == "in_review"


def test_a_partner_adds_an_offer_that_goes_to_review_and_is_not_live(partner, ours, offers):
    assert offers.get_workflow() is not None  # Wagtail's "Moderators approval" on the root
    url, data = add_form(
        partner,
        OfferPage,
        offers,
        title="Elterncafé",
        slug="elterncafe",
        summary="Jeden Dienstag Kaffee und Gespräche.",
        phone="0211 123456",
        cost="free",
        **{"action-publish": "action-publish"},  # tried, and not allowed to a partner
    )
    assert data["provider"] == str(ours.pk)
    submitted(partner, url, data)
    offer = OfferPage.objects.get(slug="elterncafe", locale__language_code="de")
    assert offer.provider_id == ours.pk
    assert not offer.live
    assert offer.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    html = organisation_rows(partner)
    assert state_of(html, "Elterncafé") == "in_review"
    assert "Last checked" in html


def test_a_partner_cannot_name_another_provider(partner, theirs, offers):
    url, data = add_form(partner, OfferPage, offers, title="Fremd", slug="fremd", summary="x")
    data["provider"] = str(theirs.pk)
    response = partner.post(url, data)
    assert response.status_code == 200
    assert "provider" in response.context["form"].errors
    assert not OfferPage.objects.filter(slug="fremd").exists()


@pytest.mark.usefixtures("indexes")
def test_a_partner_cannot_touch_another_partners_events_and_offers(
    partner, ours, theirs, events, offers
):
    own_offer = OfferPageFactory(parent=offers, title="Unser Babytreff", provider=ours)
    own_event = EventPageFactory(parent=events, title="Unser Sommerfest", organiser=ours)
    others = [
        OfferPageFactory(parent=offers, title="Fremder Schwimmkurs", provider=theirs),
        EventPageFactory(parent=events, title="Fremdes Turnier", organiser=theirs, live=False),
        OfferPageFactory(parent=offers, title="Offenes Angebot ohne Träger"),
    ]
    for own in [own_offer, own_event]:
        assert partner.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    for other in others:
        assert partner.get(f"/admin/pages/{other.pk}/edit/").status_code in (302, 403, 404)
        assert partner.post(f"/admin/pages/{other.pk}/delete/").status_code in (302, 403, 404)
        assert partner.post(f"/admin/pages/{other.pk}/unpublish/").status_code in (302, 403, 404)
        assert Page.objects.get(pk=other.pk).live == other.live
    listing = partner.get(f"/admin/pages/{offers.pk}/").content.decode()
    assert "Unser Babytreff" in listing
    assert "Fremder Schwimmkurs" not in listing and "ohne Träger" not in listing
    found = partner.get("/admin/pages/search/", {"q": "Schwimmkurs"}).content.decode()
    assert "Fremder Schwimmkurs" not in found
    html = organisation_rows(partner)
    assert "Unser Babytreff" in html and "Unser Sommerfest" in html
    assert not any(other.title in html for other in others)


def test_my_organisation_shows_where_each_event_stands(partner, ours, events, django_user_model):
    moderator = django_user_model.objects.create_superuser("mod", "m@example.org", "pw")
    live = EventPageFactory(parent=events, title="Läuft schon", organiser=ours)
    draft = EventPageFactory(parent=events, title="Noch Entwurf", organiser=ours, live=False)
    sent_back = EventPageFactory(parent=events, title="Zurück", organiser=ours, live=False)
    declined = EventPageFactory(parent=events, title="Abgelehnt", organiser=ours, live=False)
    for page, action in [(sent_back, "reject"), (declined, "decline")]:
        page.save_revision()
        events.get_workflow().start(page, moderator)
        act(Client(), moderator, page, action)
    html = organisation_rows(partner)
    assert state_of(html, live.title) == "published"
    assert state_of(html, draft.title) == "draft"
    assert state_of(html, sent_back.title) == "needs_changes"
    assert state_of(html, declined.title) == "declined"


def test_my_organisation_takes_the_same_queries_for_many_pages(
    partner, ours, events, offers, django_assert_max_num_queries, queries_of
):
    EventPageFactory(parent=events, organiser=ours)
    OfferPageFactory(parent=offers, provider=ours)
    APIToken.create_token(user=get_user_model().objects.get(username="fz"), name="App")
    few = queries_of(lambda: partner.get(ORGANISATION))
    for number in range(5):
        EventPageFactory(parent=events, organiser=ours, title=f"Fest {number}")
        OfferPageFactory(parent=offers, provider=ours, title=f"Kurs {number}")
    with django_assert_max_num_queries(few):
        partner.get(ORGANISATION)


def test_only_partners_accounts_have_my_organisation(client, partner, editor, ours):
    assert "My organisation" in partner.get("/admin/").content.decode()
    client = Client()
    assert client.get(ORGANISATION).status_code == 302  # to the login
    client.force_login(editor)
    assert "My organisation" not in client.get("/admin/").content.decode()
    response = client.get(ORGANISATION)
    assert response.status_code == 302 and response.url == "/admin/"


def test_a_partner_creates_and_revokes_an_api_token(partner, ours, theirs):
    response = partner.post(ORGANISATION, {"name": "Vereins-App"})
    assert response.status_code == 200
    secret = re.search(r"<code[^>]*>(wagtail_\w+)</code>", response.content.decode()).group(1)
    bearer = {"authorization": f"Bearer {secret}"}
    assert Client().get("/api/v1/taxonomies/", headers=bearer).status_code == 200

    html = organisation_rows(partner)
    assert "Vereins-App" in html and secret not in html  # shown once only
    token = APIToken.objects.get(name="Vereins-App")
    assert token.last_used_at is not None and "not known" not in html  # when the app last came
    other = log_in_as_partner(Client(), theirs, "sv")
    assert "Vereins-App" not in organisation_rows(other)
    assert other.post(f"/admin/organisation/tokens/{token.pk}/revoke/").status_code == 404

    careful = Client(enforce_csrf_checks=True)
    careful.force_login(token.user)
    assert careful.post(f"/admin/organisation/tokens/{token.pk}/revoke/").status_code == 403
    assert partner.get(f"/admin/organisation/tokens/{token.pk}/revoke/").status_code == 405

    response = partner.post(f"/admin/organisation/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    assert f"/tokens/{token.pk}/revoke/" not in organisation_rows(partner)
    assert Client().get("/api/v1/taxonomies/", headers=bearer).status_code == 401


def test_an_editor_invites_the_first_account_which_sets_its_password_and_logs_in(
    client, editor, partner_index, events, offers
):
    newcomer = PartnerPageFactory(parent=partner_index, title="Kinderschutzbund")
    newcomer.save_revision()  # the next publication must keep the group
    PartnerPageFactory(parent=partner_index, title="Sportverein", with_accounts=True)
    client.force_login(editor)
    edit_page = client.get(f"/admin/pages/{newcomer.pk}/edit/").content.decode()
    invite_url = f"/admin/partners/{newcomer.pk}/invite/"
    assert invite_url in edit_page
    response = client.post(
        invite_url,
        {"first_name": "Ayşe", "last_name": "Demir", "email": "Ayse@KSB.example", "language": "de"},
    )
    assert response.status_code == 302

    newcomer.refresh_from_db()
    assert newcomer.group.name == "Kinderschutzbund"
    assert newcomer.get_latest_revision_as_object().group == newcomer.group
    user = get_user_model().objects.get(email__iexact="ayse@ksb.example")
    assert not user.has_usable_password() and newcomer.group in user.groups.all()
    [message] = mail.outbox
    assert message.to == ["Ayse@KSB.example"] and "Kinderschutzbund" in message.subject
    link = re.search(r"https?://\S+/admin/password_reset/confirm/\S+", message.body).group(0)

    visitor = Client()
    form_page = visitor.get(urlsplit(link).path)
    assert form_page.status_code == 302  # Django keeps the token and asks for the password
    password = "Kinder-Schutz-2031!"
    done = visitor.post(form_page.url, {"new_password1": password, "new_password2": password})
    assert done.status_code == 302
    login = visitor.post("/admin/login/", {"username": "ayse@ksb.example", "password": password})
    assert login.status_code == 302
    html = organisation_rows(visitor)
    assert "Kinderschutzbund" in html and "Sportverein" not in html
    assert visitor.get(f"/admin/pages/{newcomer.pk}/edit/").status_code == 200


def test_an_existing_account_joins_the_partner_without_a_new_password(client, editor, ours):
    known = get_user_model().objects.create_user("kim", "kim@example.org", "pw")
    client.force_login(editor)
    client.post(
        f"/admin/partners/{ours.pk}/invite/",
        {"first_name": "Kim", "last_name": "Ko", "email": "KIM@example.org", "language": "en"},
    )
    assert list(known.groups.all()) == [ours.group]
    assert get_user_model().objects.filter(email__iexact="kim@example.org").count() == 1
    [message] = mail.outbox
    assert "password_reset" not in message.body and "Hello" in message.body


def test_a_partner_cannot_invite(partner, ours, theirs):
    response = partner.post(
        f"/admin/partners/{theirs.pk}/invite/",
        {"first_name": "X", "last_name": "Y", "email": "x@example.org", "language": "de"},
    )
    assert response.status_code == 302 and response.url == "/admin/"
    assert not get_user_model().objects.filter(email="x@example.org").exists()


def wall(client, partner_index):
    return client.get(partner_index.url).content.decode()


def test_a_changed_logo_keeps_the_approved_one_on_the_wall_until_it_is_approved(
    partner, ours, partner_index, django_user_model
):
    moderator = django_user_model.objects.create_user("moderation", "m@example.org", "pw")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    old = PngLogoFactory(title="Altes Logo")
    ours.logo, ours.logo_approved = old, True
    ours.save_revision().publish()
    old_file = old.get_rendition("max-240x120").url
    assert old_file in wall(Client(), partner_index)

    data = edit_form_data(partner, ours)
    data["logo"] = PngLogoFactory(collection=ours.logo_collection, title="Neues Logo").pk
    partner.post(f"/admin/pages/{ours.pk}/edit/", {**data.dict(), "action-submit": "1"})
    # A moderator approves the page in the workflow (its logo not yet): the old logo stays.
    act(Client(), moderator, PartnerPage.objects.get(pk=ours.pk), "approve")
    ours.refresh_from_db()
    assert ours.logo.title == "Neues Logo" and not ours.logo_approved
    assert old_file in wall(Client(), partner_index)
    api = Client().get("/api/v1/partners/").json()["results"][0]["logo"]
    assert api["url"].endswith(old_file)

    editing = Client()
    editing.force_login(moderator)
    data = edit_form_data(editing, ours)
    data["logo_approved"] = "on"
    editing.post(f"/admin/pages/{ours.pk}/edit/", {**data.dict(), "action-publish": "1"})
    ours = PartnerPage.objects.get(pk=ours.pk)
    assert ours.last_approved_logo == ours.logo
    new_file = ours.logo.get_rendition("max-240x120").url
    page = wall(Client(), partner_index)
    assert new_file in page and old_file not in page
