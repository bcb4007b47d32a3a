"""An editor enters an offer quickly (#20): ages as a range, coordinates from the address, the
usual week in one grid, no cost guessed for them, the admin in German throughout, and an
abandoned draft never stops them from creating the offer again."""

import json
import re
import time
from pathlib import Path

import django
import polib
import pytest
import wagtail
import wagtail_localize
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.test import override_settings
from wagtail.models import Page, Task, Workflow
from wagtail.users.models import UserProfile

from familientisch.events.models import EventPage
from familientisch.i18n.localization import synchronise_locales
from familientisch.offers.entries import build_entries
from familientisch.offers.models import OfferPage
from familientisch.taxonomy.gazetteer import gazetteer
from tests.factories.home import EventIndexPageFactory
from tests.factories.offers import OfferPageFactory
from tests.local_services import JSONService, running

LOCALE = Path(__file__).resolve().parents[1] / "familientisch" / "locale"
OFFER_TYPE = "familientisch_offers/offerpage"


@pytest.fixture
def editor(client, django_user_model, db):
    user = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    client.force_login(user)
    return user


def form_data(html):
    """What the browser would send of the page editor's form as it is drawn."""
    form = BeautifulSoup(html, "html.parser").find("form", id="page-edit-form")
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True)
            if field.has_attr("multiple"):
                continue
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, field.get("value", "on"))
        else:
            data[name] = field.get("value", field.text if field.name == "textarea" else "")
    return data


def place_data(n, hours=(), **fields):
    """The inline form of place `n`, with opening hours as [(block type, value fields)]."""
    prefix = f"places-{n}"
    data = {
        f"{prefix}-id": "",
        f"{prefix}-ORDER": str(n),
        f"{prefix}-DELETE": "",
        f"{prefix}-place_name": "",
        f"{prefix}-street": "",
        f"{prefix}-postcode": "",
        f"{prefix}-city": "Düsseldorf",
        f"{prefix}-district": "",
        f"{prefix}-quarter": "",
        f"{prefix}-latitude": "",
        f"{prefix}-longitude": "",
        f"{prefix}-wheelchair_access": "unknown",
        f"{prefix}-opening_hours-count": str(len(hours)),
    }
    for i, (kind, value) in enumerate(hours):
        block = f"{prefix}-opening_hours-{i}"
        data |= {f"{block}-type": kind, f"{block}-deleted": "", f"{block}-order": str(i)}
        data |= {f"{block}-id": "", **{f"{block}-value-{k}": v for k, v in value.items()}}
    data |= {f"{prefix}-{name}": value for name, value in fields.items()}
    return data


def new_offer(client, navigator, places=(), action="action-publish", headers=None, **fields):
    """Posts the admin's form for a new offer as an editor fills it in."""
    url = f"/admin/pages/add/{OFFER_TYPE}/{navigator.pk}/"
    data = form_data(client.get(url).content.decode())
    data |= {"title": "Familiencafé", "slug": "familiencafe", "summary": "Kaffee und Rat."}
    data |= {"age_min_months_range": "0-3", "cost": "free", action: "1"}
    data |= {"places-TOTAL_FORMS": str(len(places)), "places-INITIAL_FORMS": "0"}
    for n, place in enumerate(places):
        data |= place_data(n, **place)
    data |= fields
    return client.post(url, data, headers=headers)


def saved(response):
    assert response.status_code == 302, errors_in(response)
    return OfferPage.objects.filter(locale__language_code="de").latest("pk")


def errors_in(response):
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return [e.get_text(" ", strip=True) for e in page.select(".error-message, .help-critical")]


def warnings(response):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


# Ages ---------------------------------------------------------------------------------------


def test_ages_chosen_as_a_range_are_stored_in_months(client, editor, navigator):
    offer = saved(new_offer(client, navigator, age_min_months_range="0-3"))
    assert (offer.age_min_months, offer.age_max_months) == (0, 35)
    assert offer.age_range_label == "0–3 years"


def test_other_ages_are_given_in_years_and_months(client, editor, navigator):
    ages = {
        "age_min_months_range": "",
        "age_min_months_years": "1",
        "age_min_months_months": "6",
        "age_max_months_years": "4",
        "age_max_months_months": "11",
    }
    offer = saved(new_offer(client, navigator, **ages))
    assert (offer.age_min_months, offer.age_max_months) == (18, 59)


def test_the_editor_sees_the_range_the_offer_has(client, editor, navigator):
    offer = OfferPageFactory(parent=navigator, age_min_months=36, age_max_months=71)
    html = client.get(f"/admin/pages/{offer.pk}/edit/").content.decode()
    chosen = BeautifulSoup(html, "html.parser").select_one("#id_age_min_months_range [selected]")
    assert chosen["value"] == "3-6"


def test_events_take_their_ages_from_a_range_too(editor, home):
    form_class = EventPage.get_edit_handler().get_form_class()
    form = form_class({"age_min_months_range": "6-10"}, instance=EventPage(), for_user=editor)
    form.is_valid()
    assert (form.cleaned_data["age_min_months"], form.cleaned_data["age_max_months"]) == (72, 119)


# Cost ---------------------------------------------------------------------------------------


def test_cost_has_no_default_the_editor_chooses(client, editor, navigator):
    assert not OfferPage._meta.get_field("cost").has_default()
    html = client.get(f"/admin/pages/add/{OFFER_TYPE}/{navigator.pk}/").content.decode()
    assert form_data(html)["cost"] == ""
    response = new_offer(client, navigator, cost="")
    assert response.status_code == 200
    assert not OfferPage.objects.filter(title="Familiencafé").exists()


# Coordinates --------------------------------------------------------------------------------


class Nominatim(JSONService):
    known = {"180, 40227 düsseldorf": ("51.2136", "6.8003")}

    def do_GET(self):
        type(self).requests.append(self.path)
        found = next((v for k, v in self.known.items() if k in self.path_text()), None)
        self.answer([{"lat": found[0], "lon": found[1], "display_name": "x"}] if found else [])

    def path_text(self):
        from urllib.parse import parse_qs, urlsplit

        return parse_qs(urlsplit(self.path).query).get("q", [""])[0].casefold()


class Hanging(JSONService):
    def do_GET(self):
        time.sleep(2)
        self.answer([])


def test_an_address_without_coordinates_gets_them_from_the_gazetteer_on_save(
    client, editor, navigator
):
    place = {"street": "Hinterhof 3", "postcode": "40595"}
    offer = saved(new_offer(client, navigator, places=[place]))
    (garath,) = offer.places.all()
    assert (garath.latitude, garath.longitude) == gazetteer()[0]["40595"].point


def test_the_postcode_gives_the_district_and_where_it_says_so_the_quarter(
    client, editor, navigator
):
    places = [{"postcode": "40595"}, {"postcode": "40227"}]
    offer = saved(new_offer(client, navigator, places=places))
    garath_or_hellerhof, oberbilk = offer.places.order_by("sort_order")
    assert garath_or_hellerhof.district.slug == "bezirk-10"
    assert garath_or_hellerhof.quarter is None
    assert (oberbilk.district.slug, oberbilk.quarter.name) == ("bezirk-3", "Oberbilk")


def test_the_sites_own_geocoder_places_the_street(client, editor, navigator):
    place = {"street": "Kölner Straße 180", "postcode": "40227"}
    with running(Nominatim) as address, override_settings(GEOCODER_URL=address):
        offer = saved(new_offer(client, navigator, places=[place]))
    (oberbilk,) = offer.places.all()
    assert (oberbilk.latitude, oberbilk.longitude) == (51.2136, 6.8003)


def test_a_geocoder_that_is_down_still_saves_with_a_warning(client, editor, navigator):
    place = {"street": "Kölner Straße 180", "postcode": "40227"}
    with (
        running(Hanging) as address,
        override_settings(GEOCODER_URL=address, GEOCODER_TIMEOUT=0.3),
    ):
        response = new_offer(client, navigator, places=[place])
    offer = saved(response)
    assert offer.places.get().latitude is not None  # the postcode's centre
    assert any("geocoder did not answer" in w for w in warnings(response))


def test_coordinates_the_editor_typed_are_kept(client, editor, navigator):
    place = {"street": "Hinterhof 3", "postcode": "40595", "latitude": "51.1", "longitude": "6.9"}
    offer = saved(new_offer(client, navigator, places=[place]))
    assert (offer.places.get().latitude, offer.places.get().longitude) == (51.1, 6.9)


# Opening hours ------------------------------------------------------------------------------


def week(monday=("09:00", "12:00"), same=range(1, 5), **days):
    value = {"monday-opens": monday[0], "monday-closes": monday[1]}
    names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    for n in same:
        value[f"{names[n]}-same_as_monday"] = "on"
    return ("week", value | days)


def test_a_week_grid_with_same_as_monday_gives_the_navigators_slots_for_mon_to_fri(
    client, editor, navigator
):
    hours = [week(**{"tuesday-opens_again": "14:00", "tuesday-closes_again": "16:00"})]
    response = new_offer(client, navigator, places=[{"postcode": "40595", "hours": hours}])
    offer = saved(response)
    stored = offer.places.get().opening_hours
    assert {child.block_type for child in stored} == {"slot"}
    index = build_entries(OfferPage.objects, offer.locale, offer.last_checked)
    assert sorted(index.slots[offer.pk]) == [(day, 540, 720) for day in range(5)]


def test_a_slot_of_the_grid_needs_both_times(client, editor, navigator):
    hours = [week(monday=("09:00", ""), same=())]
    response = new_offer(client, navigator, places=[{"postcode": "40595", "hours": hours}])
    assert response.status_code == 200
    assert "Give both times of this slot, or neither." in response.content.decode()


# An abandoned draft -------------------------------------------------------------------------


def test_creating_an_offer_again_after_an_abandoned_draft_works(client, editor, navigator):
    # The admin's autosave stores the first, abandoned form as a draft (a JSON request),
    # and wagtail-localize gives it a copy in every other language.
    autosaved = new_offer(
        client, navigator, action="action-save", headers={"accept": "application/json"}
    )
    draft = OfferPage.objects.get(slug="familiencafe", locale__language_code="de")
    assert autosaved.json()["success"] and not draft.live
    assert Page.objects.filter(translation_key=draft.translation_key).count() == 8

    response = new_offer(client, navigator)
    offer = saved(response)
    assert offer.pk != draft.pk and offer.live and offer.slug == "familiencafe-1"
    (note,) = [w for w in warnings(response) if "familiencafe" in w]
    assert "Your draft “Familiencafé”, never published" in note

    # Deleting the left-over draft removes its language copies with it.
    client.post(f"/admin/pages/{draft.pk}/delete/")
    assert not Page.objects.filter(translation_key=draft.translation_key).exists()
    assert Page.objects.filter(translation_key=offer.translation_key).count() == 8


def test_a_slug_error_is_said_on_the_tab_the_editor_sees(client, editor, navigator):
    response = new_offer(client, navigator, slug="kein slug!")
    assert response.status_code == 200
    assert "Promote tab, slug:" in response.content.decode()


# The admin in German ------------------------------------------------------------------------


def our_english():
    """The msgids of the project's own catalogue whose German differs, longest first: any of
    them on a German admin page is a string of ours left untranslated. Those that Wagtail's
    or Django's catalogues have too are theirs to translate (Wagtail's own "Actions")."""
    catalogue = polib.pofile(str(LOCALE / "de" / "LC_MESSAGES" / "django.po"))
    ours = {e.msgid for e in catalogue if e.msgstr and e.msgstr != e.msgid and len(e.msgid) > 3}
    for package in (wagtail, wagtail_localize, django):
        for path in Path(package.__file__).parent.glob("**/locale/de/LC_MESSAGES/django.po"):
            ours -= {entry.msgid for entry in polib.pofile(str(path))}
    return sorted(ours, key=len, reverse=True)


def visible_texts(html):
    page = BeautifulSoup(html, "html.parser")
    for hidden in page(["script", "style", "template"]):
        hidden.decompose()
    texts = [t.strip() for t in page.find_all(string=True) if t.strip()]
    for element in page.find_all(True):
        texts += [element[a] for a in ("title", "aria-label", "placeholder") if element.get(a)]
    return texts


def leftovers(html, msgids):
    found = set()
    for text in visible_texts(html):
        for msgid in msgids:
            plain = re.sub(r"%\(\w+\)s", "", msgid).strip()
            if text == msgid or (" " in plain and len(plain) > 12 and plain in text):
                found.add(msgid)
    return found


@override_settings(LOCALE_PATHS=[LOCALE])
def test_the_german_admin_has_no_english_leftovers(client, editor, navigator):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "de"
    profile.save()
    synchronise_locales()
    calendar = EventIndexPageFactory(parent=navigator.get_parent())
    offer = OfferPageFactory(parent=navigator, places=[{"postcode": "40595"}])
    pages = {
        "new offer": f"/admin/pages/add/{OFFER_TYPE}/{navigator.pk}/",
        "offer": f"/admin/pages/{offer.pk}/edit/",
        "new event": f"/admin/pages/add/familientisch_events/eventpage/{calendar.pk}/",
        "home": "/admin/",
        "workflows": "/admin/workflows/list/",
        "tasks": "/admin/workflows/tasks/index/",
    }
    msgids = our_english()
    found = {}
    for name, url in pages.items():
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
        assert "Moderators approval" not in html, name
        if left := leftovers(html, msgids):
            found[name] = sorted(left)
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)
    assert "Freigabe durch die Redaktion" in client.get(pages["workflows"]).content.decode()


def test_wagtails_moderation_workflow_has_a_german_name(db):
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert Workflow.objects.filter(name="Freigabe durch die Redaktion").exists()


def test_an_events_address_gets_its_coordinates_and_district_on_save_too(client, editor, home):
    from familientisch.taxonomy.seed import seed_taxonomies

    seed_taxonomies()
    events = EventIndexPageFactory(parent=home)
    url = f"/admin/pages/add/familientisch_events/eventpage/{events.pk}/"
    data = form_data(client.get(url).content.decode())
    data |= {"title": "Spielefest", "slug": "spielefest", "summary": "Spiele für alle."}
    data |= {"start": "2027-06-12 15:00", "street": "Hinterhof 3", "postcode": "40595"}
    data |= {"age_min_months_range": "all", "action-publish": "1"}
    response = client.post(url, data)
    assert response.status_code == 302, errors_in(response)
    event = EventPage.objects.get(locale__language_code="de", slug="spielefest")
    assert (event.latitude, event.longitude) == gazetteer()[0]["40595"].point
    assert event.district is not None
