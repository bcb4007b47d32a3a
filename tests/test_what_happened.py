"""What happened, and who did it: the pages' history (Wagtail's audit log) tells moderators who
confirmed an offer as still correct and who approved a partner's logo, and never holds the
personal data of who sent an event hint."""

import json

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import PageLogEntry, Revision
from wagtail_factories import ImageFactory

from familientisch.events.moderation import revision_token
from familientisch.offers.freshness import confirm
from familientisch.partners.wagtail_hooks import record_logo_approval
from tests.factories.offers import OfferPageFactory, build_navigator
from tests.factories.partners import PartnerIndexPageFactory, PartnerPageFactory
from tests.factories.staff import staff
from tests.test_events_hints import german_events, hint, submit
from tests.test_hint_review_loop import act, index  # noqa: F401 (the events index fixture)


@pytest.fixture
def moderator(django_user_model):
    return staff("moderatorin", "Moderators")


def test_moderators_see_who_confirmed_an_offer(client, home, moderator, django_user_model):
    offer = OfferPageFactory(parent=build_navigator(home), title="Babytreff", last_checked=None)
    colleague = staff("redakteur", "Moderators")
    confirm(offer, user=colleague)  # "Mark checked" in the admin
    confirm(offer)  # through the provider's link in the reminder
    client.force_login(moderator)
    history = client.get(f"/admin/pages/{offer.pk}/history/").content.decode()
    assert history.count("Confirmed as still correct") == 2
    assert "redakteur" in history
    site_history = client.get("/admin/reports/site-history/").content.decode()
    assert "Confirmed as still correct" in site_history


def test_the_history_names_who_approved_a_logo(home, moderator):
    partner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home), title="Sonne")
    partner.logo, partner.logo_approved = ImageFactory(), True
    request = RequestFactory().post("/")
    request.user = moderator
    record_logo_approval(request, partner)  # as the admin's publish button calls it
    entry = PageLogEntry.objects.get(action="familientisch_partners.logo_approved")
    assert (entry.page_id, entry.user) == (partner.pk, moderator)
    partner.save()  # now the approved one, shown on the wall
    record_logo_approval(request, partner)  # publishing it again approves nothing new
    assert PageLogEntry.objects.filter(action="familientisch_partners.logo_approved").count() == 1


def test_what_a_hint_sender_gave_never_enters_the_log(client, index, moderator):  # noqa: F811
    submit(client, index, hint(contact_email="mutter@familie.example", organiser_name="Eva K."))
    event = german_events().get()
    act(client, moderator, event, "reject", "Bitte Uhrzeit")
    client.post(f"{index.url}revise/?link={revision_token(event.hint_contact)}", hint())
    act(client, moderator, german_events().get(), "decline", "Doch nicht")
    logged = json.dumps(list(PageLogEntry.objects.values("data", "label")), default=str)
    revisions = json.dumps(list(Revision.objects.values("content")), default=str)
    assert PageLogEntry.objects.filter(page=event).exists()
    for personal in ("mutter@familie.example", "Eva K."):
        assert personal not in logged and personal not in revisions


def test_the_history_names_who_took_a_page_out_for_translators(client, home, moderator):
    from wagtail.models import Locale

    from familientisch.i18n.localization import synchronise_locales, translation_for

    synchronise_locales()
    translation = translation_for(home, Locale.objects.get(language_code="tr"))
    client.force_login(moderator)
    url = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    assert client.get(url).status_code == 200
    entry = PageLogEntry.objects.get(action="familientisch_i18n.po_exported")
    assert (entry.user, entry.data) == (moderator, {"to": "tr"})
