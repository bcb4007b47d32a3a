"""`load_demo` builds a translated site once; running it again changes nothing.

Loading the demo takes seconds, so each test here loads it once and checks a whole story."""

from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page, Revision, Site

from home.models import Category, HomePage

LANGUAGES = ["de", "en", "tr", "ar", "fa", "uk", "ru", "pl"]


def test_load_demo_builds_a_translated_site_and_a_second_run_changes_nothing(client, db):
    call_command("load_demo")

    home = HomePage.objects.get(locale__language_code="de")
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    slugs = set(home.get_children().live().values_list("slug", flat=True))
    assert {"navigator", "veranstaltungen", "protokolle", "partner"} <= slugs
    for code in LANGUAGES:
        localized = HomePage.objects.get(locale__language_code=code)
        assert localized.get_children().filter(slug="navigator").exists()

    assert "<h1>دليل العائلة</h1>" in client.get("/ar/navigator/").content.decode()
    assert 'class="notice"' in client.get("/fa/navigator/").content.decode()  # not translated
    with translation.override("uk"):
        counselling = Category.objects.get(slug="beratung", locale__language_code="de")
        assert counselling.localized_name == "Консультації"

    before = (Page.objects.count(), Revision.objects.count())
    call_command("load_demo")
    assert (Page.objects.count(), Revision.objects.count()) == before


def test_an_administrator_sees_the_demo_page_tree(client, django_user_model, db):
    call_command("load_demo")
    admin = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(admin)
    home = HomePage.objects.get(locale__language_code="de")
    response = client.get(f"/admin/pages/{home.pk}/")
    assert response.status_code == 200
    assert "Familien-Navigator" in response.content.decode()
