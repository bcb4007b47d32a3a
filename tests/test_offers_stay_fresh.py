"""Offers stay fresh by themselves (issue #20): providers get one reminder a day at most with a
signed link per offer, confirm with one click or tell what changed; publishing in the admin and
the bulk action count as a check; the full list of offers to check filters and exports."""

import datetime
import re
import time
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.utils import timezone

from familientisch.i18n.localization import synchronise_locales, translate
from familientisch.offers.freshness import link_token, remind_providers
from familientisch.offers.models import CheckedVia, MistakeReport, OfferPage
from tests.factories.offers import OfferPageFactory
from tests.factories.partners import PartnerPageFactory, edit_form_data

TODAY = datetime.date.today()
LONG_AGO = TODAY - datetime.timedelta(days=200)
SOON_STALE = TODAY - datetime.timedelta(days=175)  # stale within the 14 days' notice
LINK = re.compile(r"http://localhost(/offer-check/[^\s]+)")


@pytest.fixture
def provider(home):
    return PartnerPageFactory(parent=home, contact_email="kontakt@caritas.example")


@pytest.fixture
def admin(client, django_user_model, db):
    user = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    client.force_login(user)
    return user


def rows_of(html):
    """The offers a list shows, counted by their reminder buttons."""
    return html.count('/remind/"')


def links_in(message):
    """The "still correct" and "something changed" addresses of a reminder, in order."""
    return LINK.findall(message.body)


def reminder_links():
    remind_providers()
    return links_in(mail.outbox[-1])[:2]


def test_a_provider_confirms_an_offer_from_the_mail_link(client, navigator, provider):
    offer = OfferPageFactory(
        parent=navigator, title="Elterncafé", provider=provider, last_checked=LONG_AGO
    )
    synchronise_locales()
    english = translate(offer, "en", {"Elterncafé": "Parents' café"})
    confirm, _change = reminder_links()

    page = client.get(confirm)
    assert page.status_code == 200
    assert "Yes, everything is still correct" in page.content.decode()
    assert OfferPage.objects.get(pk=offer.pk).last_checked == LONG_AGO  # a GET changes nothing
    assert Client(enforce_csrf_checks=True).post(confirm).status_code == 403

    thanks = client.post(confirm, follow=True)
    assert "was confirmed as correct" in thanks.content.decode()
    offer = OfferPage.objects.get(pk=offer.pk)
    assert (offer.last_checked, offer.checked_via, offer.checked_by) == (
        TODAY,
        CheckedVia.PROVIDER,
        None,
    )
    assert offer.checked_by_label == "the provider, via the mail link"
    assert OfferPage.objects.get(pk=english.pk).last_checked == TODAY

    # the same link again: a thank-you, not a second publication
    revisions = offer.revisions.count()
    assert "was confirmed as correct" in client.post(confirm, follow=True).content.decode()
    assert offer.revisions.count() == revisions


def test_a_tampered_or_expired_link_is_refused_with_a_message(client, navigator, provider):
    offer = OfferPageFactory(parent=navigator, provider=provider, last_checked=LONG_AGO)
    tampered = client.get(f"/offer-check/{link_token(offer)}x/?lang=en")
    assert tampered.status_code == 400
    assert tampered["Content-Language"] == "en"
    assert "This link is not complete" in tampered.content.decode()

    month_ago = time.time() - 31 * 24 * 3600
    with mock.patch("time.time", return_value=month_ago):
        old = link_token(offer)
    for address in (f"/offer-check/{old}/", f"/offer-check/{old}/changed/"):
        expired = client.post(address, {"message": "Neue Zeiten"})
        assert expired.status_code == 410
        assert "This link has expired" in expired.content.decode()
    assert OfferPage.objects.get(pk=offer.pk).last_checked == LONG_AGO
    assert not MistakeReport.objects.exists()


def test_the_daily_job_sends_each_provider_one_mail_with_only_its_due_offers(
    navigator, provider, home
):
    OfferPageFactory(parent=navigator, title="Lange her", provider=provider, last_checked=LONG_AGO)
    OfferPageFactory(
        parent=navigator, title="Bald fällig", provider=provider, last_checked=SOON_STALE
    )
    OfferPageFactory(parent=navigator, title="Frisch", provider=provider)
    other = PartnerPageFactory(parent=home, contact_email="info@awo.example")
    OfferPageFactory(
        parent=navigator, title="Anderer Träger", provider=other, last_checked=LONG_AGO
    )

    assert remind_providers() == 2
    sent = {message.to[0]: message for message in mail.outbox}
    assert len(mail.outbox) == 2 and set(sent) == {"kontakt@caritas.example", "info@awo.example"}
    to_caritas, to_awo = sent["kontakt@caritas.example"], sent["info@awo.example"]
    body = to_caritas.body
    assert "Lange her" in body and "Bald fällig" in body
    assert "Frisch" not in body and "Anderer Träger" not in body
    links = links_in(to_caritas)
    assert len(links) == 4 and all(link.endswith("?lang=de") for link in links)
    assert "http://localhost/offer-check/" in body  # absolute, from the site's root
    assert "Anderer Träger" in to_awo.body

    tomorrow = timezone.now() + datetime.timedelta(days=1)
    assert remind_providers(tomorrow) == 0
    assert len(mail.outbox) == 2


def test_the_daily_job_and_the_list_make_the_same_queries_for_many_offers(
    client, admin, navigator, provider, django_assert_max_num_queries, queries_of
):
    OfferPageFactory(parent=navigator, provider=provider, last_checked=LONG_AGO)
    few = queries_of(remind_providers)
    OfferPage.objects.update(provider_reminded_at=None)
    OfferPageFactory.create_batch(12, parent=navigator, provider=provider, last_checked=LONG_AGO)
    with django_assert_max_num_queries(few):
        remind_providers()
    assert len(links_in(mail.outbox[-1])) == 26

    listing = queries_of(lambda: client.get("/admin/offers/to-check/"))
    OfferPageFactory.create_batch(12, parent=navigator, last_checked=LONG_AGO)
    with django_assert_max_num_queries(listing):
        client.get("/admin/offers/to-check/")


def test_something_changed_is_stored_as_a_report_and_the_handlers_are_told(
    client, navigator, provider, django_user_model
):
    handler = django_user_model.objects.create_user("mod", "mod@example.org", "pw")
    handler.groups.add(Group.objects.get(name="Moderators"))
    django_user_model.objects.create_user("anna", "anna@example.org", "pw")  # no permission
    offer = OfferPageFactory(
        parent=navigator, title="Spielgruppe", provider=provider, last_checked=LONG_AGO
    )
    change = f"/offer-check/{link_token(offer)}/changed/?lang=de"

    assert client.get(change).status_code == 200
    assert client.post(change, {"message": ""}).status_code == 400
    client.post(change, {"message": "Jetzt dienstags statt montags.", "name": "Frau Yilmaz"})
    report = MistakeReport.objects.get()
    assert (report.offer_id, report.kind, report.name) == (offer.pk, "provider", "Frau Yilmaz")
    told = [message for message in mail.outbox if "Spielgruppe" in message.subject]
    assert [message.to for message in told] == [["mod@example.org"]]
    assert "Jetzt dienstags statt montags." in told[0].body
    assert f"/admin/snippets/familientisch_offers/mistakereport/edit/{report.pk}/" in told[0].body
    assert OfferPage.objects.get(pk=offer.pk).last_checked == LONG_AGO  # a report is no check

    client.force_login(handler)
    listing = client.get("/admin/snippets/familientisch_offers/mistakereport/").content.decode()
    assert "Spielgruppe" in listing


def test_publishing_an_edit_in_the_admin_updates_last_checked(client, admin, navigator):
    offer = OfferPageFactory(parent=navigator, last_checked=LONG_AGO)
    synchronise_locales()
    english = translate(offer, "en", {})
    data = edit_form_data(client, offer)
    data["summary"] = "Jetzt auch samstags."
    data["action-publish"] = "action-publish"
    revisions = offer.revisions.count()

    assert client.post(f"/admin/pages/{offer.pk}/edit/", data).status_code == 302
    offer = OfferPage.objects.get(pk=offer.pk)
    assert (offer.summary, offer.last_checked, offer.checked_by) == (
        "Jetzt auch samstags.",
        TODAY,
        admin,
    )
    assert offer.revisions.count() == revisions + 1  # the published one, no second
    assert offer.get_latest_revision_as_object().last_checked == TODAY
    assert OfferPage.objects.get(pk=english.pk).last_checked == TODAY


def test_the_bulk_action_marks_several_offers_checked(client, admin, navigator):
    offers = OfferPageFactory.create_batch(3, parent=navigator, last_checked=LONG_AGO)
    ids = "&".join(f"id={offer.pk}" for offer in offers[:2])
    address = f"/admin/bulk/wagtailcore/page/mark_checked/?{ids}"
    assert "Yes, mark checked" in client.get(address).content.decode()
    client.post(address, {})
    checked = OfferPage.objects.filter(last_checked=TODAY, checked_by=admin)
    assert set(checked) == set(offers[:2])
    assert all(offer.live_revision_id for offer in checked)


def test_the_list_of_offers_to_check_shows_them_all_and_filters(client, admin, navigator, home):
    caritas = PartnerPageFactory(parent=home, title="Caritas")
    OfferPageFactory.create_batch(22, parent=navigator, provider=caritas, last_checked=LONG_AGO)
    OfferPageFactory(parent=navigator, title="Sehr alt", last_checked=TODAY.replace(year=2020))
    OfferPageFactory(parent=navigator, title="Frisch geprüft")

    html = client.get("/admin/offers/to-check/").content.decode()
    assert rows_of(html) == 23 and "Frisch geprüft" not in html
    by_provider = client.get(f"/admin/offers/to-check/?provider={caritas.pk}").content.decode()
    assert rows_of(by_provider) == 22 and "Sehr alt" not in by_provider
    before = client.get("/admin/offers/to-check/?checked_before=2021-01-01").content.decode()
    assert rows_of(before) == 1 and "Sehr alt" in before
    export = client.get("/admin/offers/to-check/?export=csv")
    assert b"Sehr alt" in b"".join(export.streaming_content)
    assert "offers/to-check/" in client.get("/admin/").content.decode()


def test_only_who_may_publish_an_offer_can_mark_it_checked(client, navigator, django_user_model):
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))  # edits, but may not publish
    offer = OfferPageFactory(parent=navigator, last_checked=LONG_AGO)
    client.force_login(editor)
    address = f"/admin/bulk/wagtailcore/page/mark_checked/?id={offer.pk}"
    assert "not German offers you may publish" in client.get(address).content.decode()
    client.post(address, {})
    assert OfferPage.objects.get(pk=offer.pk).last_checked == LONG_AGO


def test_the_open_data_names_the_office_as_the_one_who_checked(client, navigator, settings):
    settings.HSDS_ASSURER_EMAIL = "buero@familientisch.example"
    offer = OfferPageFactory(parent=navigator, last_checked=LONG_AGO)
    service = client.get(f"/api/v1/hsds/services/{offer.translation_key}").json()
    assert (service["assured_date"], service["assurer_email"]) == (
        LONG_AGO.isoformat(),
        "buero@familientisch.example",
    )


def test_a_confirmation_leaves_a_draft_in_moderation_unpublished(client, navigator, provider):
    offer = OfferPageFactory(parent=navigator, provider=provider, last_checked=LONG_AGO)
    draft = OfferPage.objects.get(pk=offer.pk)
    draft.summary = "Neu: auch samstags."
    draft.save_revision()
    confirm, _change = reminder_links()

    client.post(confirm)
    live = OfferPage.objects.get(pk=offer.pk)
    assert (live.last_checked, live.summary, live.has_unpublished_changes) == (
        TODAY,
        "Ein Angebot für Familien.",
        True,
    )
    waiting = live.get_latest_revision_as_object()
    assert (waiting.summary, waiting.last_checked) == ("Neu: auch samstags.", TODAY)
