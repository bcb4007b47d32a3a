"""Who may see what: every role against every admin view and public surface that shows private
content or visitors' personal data, one row per role (in the style of Integreat CMS's
role-by-view tests). A new view, API field, upload, mail or search surface gets its column here.

Outcomes: "sees" (the private detail is in the answer), "hidden" (answered, without it),
"login" (sent to a login page), "denied" (403/404, or sent away with a message)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import APIToken, PageViewRestriction

from familientisch.events.models import EventPage
from familientisch.events.moderation import revision_token
from familientisch.offers.freshness import link_token
from familientisch.offers.models import MistakeReport
from familientisch.protocols.privacy import members_group, restrict_to_members
from familientisch.search.models import SynonymGroup
from familientisch.statistics.counting import add
from home.models import BarrierReport
from tests.factories.home import (
    EventIndexPageFactory,
    ProtocolIndexPageFactory,
    ShortlistPageFactory,
)
from tests.factories.offers import OfferPageFactory, build_navigator
from tests.factories.partners import PartnerIndexPageFactory, PartnerPageFactory
from tests.factories.protocols import DocumentFactory, ProtocolPageFactory, agenda_item
from tests.test_events_hints import hint, submit

pytestmark = pytest.mark.usefixtures("indexes")  # search surfaces and document privacy

ROLES = ["anonymous", "member", "partner_a", "partner_b", "editor", "moderator", "admin"]

# Surface: (address, private detail). The world below puts each detail in exactly one place.
SURFACES = {
    "members-only minutes": ("{minutes_url}", "Haushaltsentwurf 2027"),
    "their attachment": ("{attachment_url}", "%PDF"),
    "site search": ("/de/suche/?q=Haushaltsentwurf", "Sitzung im Herbst"),
    "protocols API": ("/api/v1/protocols/", "Sitzung im Herbst"),
    "private offer in API": ("/api/v1/offers/", "Internes Fachforum"),
    "hint sender (admin)": ("/admin/pages/{hint_id}/edit/", "sender@hinweis.example"),
    "mistake report": (
        "/admin/snippets/familientisch_offers/mistakereport/edit/{report_id}/",
        "mutter@melden.example",
    ),
    "barrier reports": ("/admin/snippets/home/barrierreport/", "vater@barriere.example"),
    "dashboard": ("/admin/", "mutter@melden.example"),
    "partner B's page (edit)": ("/admin/pages/{partner_b_id}/edit/", "Kinderhilfe Regen"),
    "page chooser": ("/admin/choose-page/search/?q=Kinderhilfe", "Fusion geplant"),
    "translation overview": ("/admin/translations/", "Sitzung im Herbst"),
    "translation overview (CSV)": ("/admin/translations/?format=csv", "Sitzung im Herbst"),
    "documents (admin)": ("/admin/documents/?q=Haushalt", "Haushaltsplan"),
    "site search (Arabic)": ("/ar/suche/?q=Haushaltsentwurf", "Sitzung im Herbst"),
    "protocols API search": ("/api/v1/protocols/?q=Haushaltsentwurf", "Sitzung im Herbst"),
    "navigator search": ("{navigator_url}?q=Fachforum", "Internes Fachforum"),
    "offers API search": ("/api/v1/offers/?q=Fachforum", "Internes Fachforum"),
    "events search (hint in review)": ("{events_url}?q={hint_words}", "{hint_title}"),
    "events API search": ("/api/v1/events/?q={hint_words}", "{hint_title}"),
    "synonyms (admin)": (
        "/admin/snippets/familientisch_search/synonymgroup/edit/{synonyms_id}/",
        "Krabbelgruppe",
    ),
    "my list, shared with a private page": ("{my_list_url}?pages={private_ids}", "Fachforum"),
    "inbox": ("/admin/inbox/", "Babytreff: It has moved"),
    "hint revision (signed link)": ("{revise_url}", "Spiele für die ganze Familie"),
    "statistics (admin)": ("/admin/statistics/", "schwimmkurs"),
    "statistics (CSV)": ("/admin/statistics/?format=csv", "schwimmkurs"),
    "offers to check": ("/admin/offers/to-check/", "Elterncafé Regen"),
    "offers to check (CSV)": ("/admin/offers/to-check/?export=csv", "Elterncafé Regen"),
    "offer check (signed link)": ("/offer-check/{check_token}/?lang=de", "Elterncafé Regen"),
    "offer change (signed link)": ("/offer-check/{check_token}/changed/?lang=de", "Elterncafé"),
    "reset a second factor": (
        "/admin/account/second-factor/reset/{partner_user_id}/",
        "will have to set up a new authenticator app",
    ),
    "my organisation (admin)": ("/admin/organisation/", "Elterncafé Regen"),
    "invite a partner": ("/admin/partners/{partner_b_id}/invite/", "Kinderhilfe Regen"),
}

L, S, H, D = "login", "sees", "hidden", "denied"
# fmt: off
EXPECTED = {  # columns in the order of SURFACES
    "anonymous": [
        L, L, H, H, H, L, L, L, L, L, L, L, L, L, H, H, H, H, H, H, L, H,
        L, S, L, L, L, L, S, S, L, L, L,  # inbox .. 2FA reset, organisation, invite
    ],
    "member": [
        S, S, H, S, H, L, L, L, L, L, L, L, L, L, H, S, H, H, H, H, L, H,
        L, S, L, L, L, L, S, S, L, L, L,  # inbox .. 2FA reset, organisation, invite
    ],
    "partner_a": [
        L, D, H, H, H, D, D, D, H, D, H, D, D, D, H, H, H, H, H, H, D, H,
        D, S, D, D, H, H, S, S, D, H, D,  # inbox .. 2FA reset, organisation, invite
    ],
    "partner_b": [
        L, D, H, H, H, D, D, D, H, S, S, D, D, D, H, H, H, H, H, H, D, H,
        D, S, D, D, H, H, S, S, D, S, D,  # inbox .. 2FA reset, organisation, invite
    ],
    "editor": [
        L, S, H, H, H, S, S, S, S, S, S, S, S, S, H, H, H, H, H, H, S, H,
        S, S, S, S, S, S, S, S, D, D, S,  # inbox .. 2FA reset, organisation, invite
    ],
    "moderator": [
        L, S, H, H, H, S, S, S, S, S, S, S, S, S, H, H, H, H, H, H, S, H,
        S, S, S, S, S, S, S, S, D, D, S,  # inbox .. 2FA reset, organisation, invite
    ],
    "admin": [
        S, S, H, S, H, S, S, S, S, S, S, S, S, S, H, S, H, H, H, H, S, H,
        S, S, S, S, S, S, S, S, S, D, S,  # inbox .. 2FA reset, organisation, invite
    ],
}
# fmt: on


@pytest.fixture
def world(client, home):
    """One of everything that is private, each with a detail only it contains."""
    partners = PartnerIndexPageFactory(parent=home)
    partner_a = PartnerPageFactory(
        parent=partners, title="Familienzentrum Sonne", with_accounts=True
    )
    partner_b = PartnerPageFactory(parent=partners, title="Kinderhilfe Regen", with_accounts=True)
    partner_b.title = "Kinderhilfe Regen Fusion geplant"
    partner_b.save_revision()
    document = DocumentFactory(title="Haushaltsplan")
    minutes = ProtocolPageFactory(
        parent=ProtocolIndexPageFactory(parent=home),
        title="Sitzung im Herbst",
        agenda=[agenda_item(1, "Geld", "Haushaltsentwurf 2027")],
        attachments=[{"type": "attachment", "value": {"document": document.pk, "title": ""}}],
    )
    restrict_to_members(minutes)
    navigator = build_navigator(home)
    offer = OfferPageFactory(parent=navigator, title="Babytreff", places=[{"district": "bezirk-1"}])
    private_offer = OfferPageFactory(parent=navigator, title="Internes Fachforum")
    PageViewRestriction.objects.create(page=private_offer, restriction_type="login")
    report = MistakeReport.objects.create(
        offer=offer, kind="moved", message="Umgezogen", email="mutter@melden.example"
    )
    BarrierReport.objects.create(
        page_url="https://x.example/de/", description="Kontrast", email="vater@barriere.example"
    )
    events = EventIndexPageFactory(parent=home)
    submit(client, events, hint(contact_email="sender@hinweis.example"))
    event = EventPage.objects.get(locale__language_code="de", title=hint()["title"])
    event.current_workflow_task_state.reject(comment="Bitte Uhrzeit")  # back to its sender
    contact = event.hint_contact
    add([("search_without_results", "schwimmkurs")], "de")
    stale = OfferPageFactory(
        parent=navigator, title="Elterncafé Regen", provider=partner_b, last_checked="2024-01-02"
    )
    return {
        "revise_url": f"{events.url}revise/?link={revision_token(contact)}",
        "check_token": link_token(stale),
        "partner_user_id": partner_account(partner_a).pk,
        "my_list_url": ShortlistPageFactory(parent=home).url,
        "private_ids": f"{private_offer.pk}.{minutes.pk}",
        "navigator_url": navigator.url,
        "events_url": events.url,
        "hint_title": event.title,
        "hint_words": event.title.split()[0],
        "synonyms_id": SynonymGroup.objects.get(concept="playgroup", language="de").pk,
        "minutes_url": minutes.url,
        "attachment_url": document.url,
        "hint_id": event.pk,
        "report_id": report.pk,
        "partner_b_id": partner_b.pk,
        "groups": {"partner_a": partner_a.group, "partner_b": partner_b.group},
    }


def partner_account(partner):
    account = get_user_model().objects.create_user("konto-sonne", password="pw")
    account.groups.add(partner.group)
    return account


def user_in_role(role, world, django_user_model):
    if role == "anonymous":
        return None
    if role == "admin":
        return django_user_model.objects.create_superuser(role, password="pw")
    user = django_user_model.objects.create_user(role, password="pw")
    group = {
        "member": members_group(),
        "editor": Group.objects.get(name="Editors"),
        "moderator": Group.objects.get(name="Moderators"),
    }.get(role) or world["groups"][role]
    user.groups.add(group)
    return user


def outcome(response, detail):
    if response.status_code in (301, 302):
        return L if "login" in response["Location"] else D
    if response.status_code in (401, 403, 404):
        return D
    assert response.status_code == 200, response.status_code
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return S if detail in body.decode(errors="replace") else H


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_exactly_what_it_may(client, world, django_user_model, role):
    user = user_in_role(role, world, django_user_model)
    headers = {}
    if user is not None:
        client.force_login(user)
        headers["authorization"] = f"Bearer {APIToken.create_token(user=user, name='app')[1]}"
    seen = []
    for address, detail in SURFACES.values():
        address = address.format(**world)
        api = address.startswith("/api/")
        seen.append(
            outcome(client.get(address, headers=headers if api else {}), detail.format(**world))
        )
    assert dict(zip(SURFACES, seen, strict=True)) == dict(
        zip(SURFACES, EXPECTED[role], strict=True)
    )
