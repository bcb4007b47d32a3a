"""`load_demo` builds the site tree once; running it again changes nothing."""

from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page, Revision, Site

from home.models import Category, HomePage


def test_load_demo_builds_the_german_tree_with_every_section(db):
    call_command("load_demo")
    home = HomePage.objects.get(locale__language_code="de")
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    slugs = set(home.get_children().live().values_list("slug", flat=True))
    assert {"navigator", "veranstaltungen", "protokolle", "partner"} <= slugs


def test_load_demo_gives_every_language_its_tree(db):
    call_command("load_demo")
    for code in ["de", "en", "tr", "ar", "fa", "uk", "ru", "pl"]:
        home = HomePage.objects.get(locale__language_code=code)
        assert home.get_children().filter(slug="navigator").exists()


def test_load_demo_twice_changes_nothing(db):
    call_command("load_demo")
    before = (Page.objects.count(), Revision.objects.count())
    call_command("load_demo")
    assert (Page.objects.count(), Revision.objects.count()) == before


def test_an_administrator_can_see_the_page_tree(client, django_user_model, db):
    call_command("load_demo")
    admin = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(admin)
    home = HomePage.objects.get(locale__language_code="de")
    response = client.get(f"/admin/pages/{home.pk}/")
    assert response.status_code == 200
    assert "Familien-Navigator" in response.content.decode()


def test_load_demo_translates_the_home_page_and_vocabularies(client, db):
    call_command("load_demo")
    assert "<h1>دليل العائلة</h1>" in client.get("/ar/navigator/").content.decode()
    assert 'class="notice"' in client.get("/fa/navigator/").content.decode()  # not translated
    with translation.override("uk"):
        assert Category.objects.get(slug="beratung", locale__language_code="de").localized_name == (
            "Консультації"
        )
