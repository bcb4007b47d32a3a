"""What visitors, providers and partners send in lands in one inbox in the admin: the office
sees what is new, gives it to an editor, follows it up and marks it handled."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType

from familientisch.inbox.models import InboxItem
from familientisch.offers.models import MistakeReport
from home.models import BarrierReport
from tests.factories.offers import OfferPageFactory, build_navigator
from tests.factories.staff import staff
from tests.test_events_hints import hint, submit
from tests.test_hint_review_loop import index  # noqa: F401 (the events index fixture)

NEW, HANDLED = InboxItem.State.NEW, InboxItem.State.HANDLED


@pytest.fixture
def offer(home):
    return OfferPageFactory(parent=build_navigator(home), title="Krabbelgruppe Sonnenschein")


@pytest.fixture
def editor(django_user_model):
    return staff("redakteurin", "Editors")


def report_mistake(client, offer, message="Dienstags geschlossen"):
    client.post(offer.url, {"kind": "hours", "message": message, "homepage": ""})
    return MistakeReport.objects.get(message=message)


def test_a_visitors_report_arrives_as_new_with_the_page_it_concerns(client, offer, editor):
    report_mistake(client, offer)
    client.force_login(editor)
    html = client.get("/admin/inbox/").content.decode()
    assert "Krabbelgruppe Sonnenschein: Wrong opening hours" in html
    assert f'href="/admin/pages/{offer.pk}/edit/"' in html  # the page concerned
    report = MistakeReport.objects.get()
    assert f"/admin/snippets/familientisch_offers/mistakereport/edit/{report.pk}/" in html
    assert "Inbox (1 new)" in client.get("/admin/").content.decode()


def test_an_editor_takes_a_report_and_marks_it_handled(client, offer, editor):
    report = report_mistake(client, offer)
    item = InboxItem.objects.get()
    client.force_login(editor)
    edit = f"/admin/inbox/edit/{item.pk}/"
    client.post(edit, {"state": "in_progress", "assigned_to": editor.pk})
    item.refresh_from_db()
    assert (item.state, item.assigned_to) == ("in_progress", editor)
    client.post(edit, {"state": "handled", "assigned_to": editor.pk})
    report.refresh_from_db()
    assert report.handled  # and so off the dashboard, and deleted after its retention period
    assert "Inbox (" not in client.get("/admin/").content.decode()


def test_a_report_marked_handled_where_it_is_settles_its_entry(client, offer, editor):
    report = report_mistake(client, offer)
    report.handled = True
    report.save()
    assert InboxItem.objects.get().state == HANDLED


def test_barrier_reports_and_event_hints_are_in_the_same_inbox(client, index, editor):  # noqa: F811
    BarrierReport.objects.create(page_url="http://localhost/de/", description="Zu klein")
    submit(client, index, hint())
    kinds = {item.kind for item in InboxItem.objects.all()}
    assert {str(kind) for kind in kinds} == {"barrier report", "event hint contact"}
    client.force_login(editor)
    html = client.get("/admin/inbox/", {"state": "new"}).content.decode()
    assert 'href="http://localhost/de/"' in html and "Spielenachmittag im Park" in html


def test_a_decided_hint_is_settled(client, index, editor):  # noqa: F811
    submit(client, index, hint())
    contact = InboxItem.objects.get().source
    contact.page.get_latest_revision().publish()
    assert InboxItem.objects.get().state == HANDLED


def test_reports_deleted_after_their_retention_period_leave_the_inbox(client, offer):
    report_mistake(client, offer)
    MistakeReport.objects.all().delete()
    assert not InboxItem.objects.exists()


def test_what_was_sent_before_the_inbox_existed_is_taken_in(client, offer):
    report_mistake(client, offer)
    InboxItem.objects.all().delete()
    from django.apps import apps

    from familientisch.inbox.signals import backfill

    backfill(apps.get_app_config("familientisch_inbox"))
    assert InboxItem.objects.get().page_id == offer.pk


def test_partners_and_members_have_no_inbox(client, offer, django_user_model):
    report_mistake(client, offer)
    someone = django_user_model.objects.create_user("partner", "p@example.org", "pw")
    someone.groups.add(Group.objects.create(name="Partner X"))
    client.force_login(someone)
    assert client.get("/admin/inbox/").status_code in (302, 403)


def test_the_inbox_list_costs_the_same_for_many_entries(
    client, offer, editor, django_assert_max_num_queries
):
    content_type = ContentType.objects.get_for_model(MistakeReport)
    for number in range(30):
        report = MistakeReport.objects.create(offer=offer, kind="other", message=f"Fehler {number}")
        InboxItem.objects.filter(content_type=content_type, object_id=report.pk).update(
            assigned_to=editor
        )
    client.force_login(editor)
    with django_assert_max_num_queries(30):
        assert client.get("/admin/inbox/").status_code == 200
