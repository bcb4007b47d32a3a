"""The city's vocabularies are seeded once and shown in the visitor's language."""

from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale

from familientisch.taxonomy.models import Category, District, Language, Quarter, TargetGroup


def test_seed_creates_the_ten_districts_and_fifty_quarters(locales):
    call_command("seed_taxonomies")
    call_command("seed_taxonomies")
    assert District.objects.count() == 10
    assert Quarter.objects.count() == 50
    assert Quarter.objects.get(slug="bilk").district.name == "Stadtbezirk 3"
    assert Category.objects.filter(slug="welcome-point").exists()
    assert TargetGroup.objects.filter(slug="gefluechtete-neuzugewanderte").exists()


def translated_category(slug, language_code, name):
    """A seeded category and its translation into `language_code`, named `name`."""
    call_command("seed_taxonomies")
    category = Category.objects.get(slug=slug)
    translated = category.copy_for_translation(Locale.objects.get(language_code=language_code))
    translated.name = name
    translated.save()
    return category, translated


def test_a_category_shows_its_translation_or_else_the_german_name(locales):
    early_help, _arabic = translated_category("fruehe-hilfen", "ar", "المساعدة المبكرة")
    with translation.override("ar"):
        assert early_help.localized_name == "المساعدة المبكرة"
    with translation.override("tr"):
        assert early_help.localized_name == "Frühe Hilfen"


def test_renaming_a_translation_shows_at_once(locales):
    counselling, english = translated_category("beratung", "en", "Advice")
    with translation.override("en"):
        assert counselling.localized_name == "Advice"
        english.name = "Counselling"
        english.save()
        assert counselling.localized_name == "Counselling"


def test_language_names_are_shown_in_the_visitors_language(db):
    turkish = Language(code="tr")
    with translation.override("de"):
        assert turkish.name() == "Türkisch"
    with translation.override("uk"):
        assert turkish.name() == "турецька"
