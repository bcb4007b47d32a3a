"""An editor picks each district, category and partner once, named in their own admin language
(issue: the offer form listed 50 districts, "Stadtbezirk 1 / District 1 / الحي 1 ...", the
provider chooser eight identical partners, and ticking "Early help" instead of "Frühe Hilfen"
saved silently and dropped the offer out of ?category=fruehe-hilfen)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Locale

from familientisch.i18n.localization import synchronise_locales
from familientisch.offers.models import OfferPage, OfferPlace
from familientisch.taxonomy.models import Category, District, Quarter
from tests.factories.offers import OfferPageFactory, build_navigator
from tests.factories.partners import PartnerPageFactory


@pytest.fixture
def offer(home):
    navigator = build_navigator(home)
    for code, suffix in [("en", " (en)"), ("ar", " (ar)")]:
        locale = Locale.objects.get(language_code=code)
        for model in (District, Category):
            for row in model.objects.filter(locale__language_code="de"):
                translated = row.copy_for_translation(locale)
                translated.name += suffix
                translated.save()
    return OfferPageFactory(parent=navigator)


def offer_form(offer, user):
    return OfferPage.get_edit_handler().get_form_class()(instance=offer, for_user=user)


def german(model):
    return model.objects.filter(locale__language_code="de")


def test_the_offer_form_lists_each_district_category_and_partner_once(offer, home, admin_user):
    partner = PartnerPageFactory(parent=home, title="Familienzentrum Sonnenblume")
    synchronise_locales()  # the partner in every language, as an alias
    form = offer_form(offer, admin_user)
    assert set(form.fields["categories"].queryset) == set(german(Category))
    assert list(form.fields["provider"].queryset) == [partner]
    place = form.formsets["places"].empty_form
    assert place.fields["district"].queryset.count() == 10
    quarters = list(place.fields["quarter"].queryset)
    assert quarters == sorted(quarters, key=lambda quarter: quarter.district.number)


def test_the_pickers_name_each_entry_in_the_editors_language(offer, admin_user):
    with translation.override("en"):
        labels = [
            label for _value, label in offer_form(offer, admin_user).fields["categories"].choices
        ]
    assert "Frühe Hilfen (en)" in labels and "Frühe Hilfen" not in labels


def test_a_link_to_a_translated_entry_does_not_validate(offer, admin_user):
    english = Category.objects.get(slug="fruehe-hilfen", locale__language_code="en")
    with pytest.raises(ValidationError):
        offer_form(offer, admin_user).fields["categories"].clean([english.pk])
    arabic = District.objects.filter(locale__language_code="ar").first()
    with pytest.raises(ValidationError):
        OfferPlace._meta.get_field("district").validate(arabic.pk, OfferPlace(page=offer))
    assert Quarter.objects.filter(locale__language_code="de").exists()


def test_quarters_stand_under_their_district(offer, admin_user):
    place = offer_form(offer, admin_user).formsets["places"].empty_form
    html = str(place["quarter"])
    bilk = Quarter.objects.get(slug="bilk", locale__language_code="de")
    district = str(bilk.district)
    group = html.split(f'<optgroup label="{district}">')[1].split("</optgroup>")[0]
    assert ">Bilk</option>" in group
    assert html.count("<optgroup") == 10
