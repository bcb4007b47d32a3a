"""Demo content of the site tree. Every app may have a `demo` module with `load(home)`;
`manage.py load_demo` calls them in the order of INSTALLED_APPS."""

import json
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site
from wagtail_localize.models import TranslationSource

from familientisch.core.demo_helpers import child_page
from familientisch.i18n.localization import ensure_locales, translate

from . import demo_pages
from .models import HomePage

# Languages with written demo translations; the others stay German, so that the fallback and
# the translation overview have something to show.
DEMO_TRANSLATION_LANGUAGES = ["en", "ar", "tr", "uk"]


def build_site():
    root = Page.get_first_root_node()
    # Wagtail's installation leaves a plain "Welcome" page at the slug our home page takes;
    # removed before the locales exist, so that no language gets a copy of it.
    root.get_children().exact_type(Page).filter(slug="home").delete()
    source = ensure_locales()
    with translation.override(settings.LANGUAGE_CODE):
        home = child_page(
            root,
            HomePage,
            "home",
            title="Familientisch",
            locale=source,
            introduction=(
                "Hilfe und Angebote für Familien, Kinder und Jugendliche von 0 bis 21 Jahren "
                "in Ihrer Nähe, in Ihrer Sprache."
            ),
        )
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if (site.hostname, site.port) in {("", None), ("localhost", 80)}:
        # Wagtail's placeholder: the demo's links in mails and feeds point where it is served.
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname, site.port = base.hostname, base.port or 80
    site.root_page, site.site_name = home, "Familientisch"
    site.save()
    demo_pages.load(home)
    return home


def translated_objects(home):
    """What the home app's demo translates: the home page and the sections in the menu."""
    return [home, *home.get_children().in_menu().specific()]


def translation_memory(language):
    """The demo translations of every installed app (`<app>/data/translations/<language>.json`,
    German text to translated text), merged into one memory."""
    memory = {}
    for app_config in apps.get_app_configs():
        path = Path(app_config.path) / "data" / "translations" / f"{language}.json"
        if path.exists():
            memory.update(json.loads(path.read_text(encoding="utf-8")))
    return memory


def translate_demo_content(instances):
    sources = {}  # each instance's segments are extracted once, not once per language
    for language in DEMO_TRANSLATION_LANGUAGES:
        memory = translation_memory(language)
        for instance in instances:
            existing = instance.get_translations().filter(locale__language_code=language).first()
            if existing is None or getattr(existing, "alias_of_id", None):
                key = (instance._meta.label, instance.pk)
                if key not in sources:
                    sources[key] = TranslationSource.update_or_create_from_instance(instance)[0]
                translate(instance, language, memory, source=sources[key])
