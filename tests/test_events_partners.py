"""A partner's accounts add events for their own organisation in the admin, as soon as the
partner has a group and under every events index, a new one too: the events go into the review
workflow, are never published by the partner, and other partners' events stay out of sight."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from familientisch.events.models import EventPage
from familientisch.events.moderation import WORKFLOW_NAME, ensure_hint_workflow
from tests.factories.events import EventPageFactory, in_days
from tests.factories.home import EventIndexPageFactory, PartnerIndexPageFactory
from tests.factories.partners import PartnerPageFactory


@pytest.fixture
def index(home):
    index = EventIndexPageFactory(parent=home)
    ensure_hint_workflow(index)
    return index


@pytest.fixture
def partners(home, index):
    partner_index = PartnerIndexPageFactory(parent=home)
    result = {}
    for name in ["Familienzentrum", "Sportverein"]:
        # A partner with a group may add events under every events index by itself.
        group = Group.objects.create(name=f"Partner {name}")
        result[name] = PartnerPageFactory(parent=partner_index, title=name, group=group)
    return result


@pytest.fixture
def partner_user(django_user_model, partners):
    user = django_user_model.objects.create_user("fz", "fz@example.org", "pw")
    user.groups.add(partners["Familienzentrum"].group)
    return user


def event_form(organiser, **changes):
    start = in_days(12, 10).astimezone(dt.UTC).replace(tzinfo=None)
    data = {
        "title": "Tag der offenen Tür",
        "slug": "tag-der-offenen-tuer",
        "summary": "Wir zeigen unsere Räume.",
        "description": rich_text("<p>Mit Kaffee und Kuchen.</p>"),
        "start": start.strftime("%Y-%m-%d %H:%M"),
        "end": "",
        "recurrence": "none",
        "status": "scheduled",
        "organiser": str(organiser.pk),
        "city": "Düsseldorf",
        "place_name": "Familienzentrum",
        "wheelchair_access": "unknown",
        "age_min_months": "0",
        "age_max_months": "252",
        "cost": "free",
        "cancelled_dates": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def test_a_partner_adds_an_event_that_goes_into_review(client, index, partners, partner_user):
    client.force_login(partner_user)
    own = partners["Familienzentrum"]
    response = client.post(
        f"/admin/pages/add/familientisch_events/eventpage/{index.pk}/",
        {**event_form(own), "action-submit": "1"},
    )
    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get(slug="tag-der-offenen-tuer", locale__language_code="de")
    assert event.organiser_id == own.pk
    assert not event.live
    assert event.current_workflow_state.workflow.name == WORKFLOW_NAME


def test_a_partner_cannot_name_another_organisation(client, index, partners, partner_user):
    client.force_login(partner_user)
    form = event_form(partners["Sportverein"])
    response = client.post(f"/admin/pages/add/familientisch_events/eventpage/{index.pk}/", form)
    assert response.status_code == 200
    assert "organiser" in response.context["form"].errors
    assert not EventPage.objects.exists()


def test_a_partner_cannot_publish(client, index, partners, partner_user):
    client.force_login(partner_user)
    client.post(
        f"/admin/pages/add/familientisch_events/eventpage/{index.pk}/",
        {**event_form(partners["Familienzentrum"]), "action-publish": "1"},
    )
    assert not EventPage.objects.live().exists()


@pytest.mark.usefixtures("indexes")
def test_a_partner_edits_colleagues_events_but_not_other_partners_drafts(
    client, django_user_model, index, partners, partner_user
):
    colleague = django_user_model.objects.create_user("fz2", "fz2@example.org", "pw")
    ours = EventPageFactory(
        parent=index, title="Unser Fest", organiser=partners["Familienzentrum"], owner=colleague
    )
    theirs = EventPageFactory(
        parent=index, title="Fremder Entwurf", organiser=partners["Sportverein"], live=False
    )
    hint = EventPageFactory(parent=index, title="Hinweis ohne Partner", live=False)
    client.force_login(partner_user)
    assert client.get(f"/admin/pages/{ours.pk}/edit/").status_code == 200
    for other in [theirs, hint]:
        assert client.get(f"/admin/pages/{other.pk}/edit/").status_code in (302, 403)
        assert client.post(f"/admin/pages/{other.pk}/delete/").status_code in (302, 403)
        assert Page.objects.filter(pk=other.pk).exists()
    listing = client.get(f"/admin/pages/{index.pk}/").content.decode()
    assert "Unser Fest" in listing
    assert "Fremder Entwurf" not in listing and "Hinweis ohne Partner" not in listing
    assert "Unser Fest" in client.get("/admin/pages/search/", {"q": "Fest"}).content.decode()
    for word, title in [("Entwurf", "Fremder Entwurf"), ("Hinweis", "Hinweis ohne Partner")]:
        assert title not in client.get("/admin/pages/search/", {"q": word}).content.decode()


def test_an_editor_still_sees_and_edits_every_event(client, django_user_model, index, partners):
    editor = django_user_model.objects.create_superuser("chefin", "c@example.org", "pw")
    theirs = EventPageFactory(
        parent=index, title="Fremder Entwurf", organiser=partners["Sportverein"]
    )
    client.force_login(editor)
    assert client.get(f"/admin/pages/{theirs.pk}/edit/").status_code == 200
    assert "Fremder Entwurf" in client.get(f"/admin/pages/{index.pk}/").content.decode()


def test_a_new_events_index_takes_the_partners_events_at_once(client, home, partners, partner_user):
    second = EventIndexPageFactory(parent=home, title="Ferienkalender", slug="ferien")
    client.force_login(partner_user)
    add_form = f"/admin/pages/add/familientisch_events/eventpage/{second.pk}/"
    assert client.get(add_form).status_code == 200
