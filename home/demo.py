"""Demo content of the site tree. Every app may have a `demo` module with `load(home)`;
`manage.py load_demo` calls them in the order of INSTALLED_APPS."""

from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from . import demo_pages
from .localization import ensure_locales
from .models import HomePage
from .seed import seed_taxonomies


def child_page(parent, model, slug, **fields):
    """The child of `parent` with this slug, created and published the first time only, so
    that running the demo again changes nothing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def build_site():
    source = ensure_locales()
    seed_taxonomies()
    root = Page.get_first_root_node()
    # Wagtail's installation leaves a plain "Welcome" page at the slug our home page takes.
    root.get_children().exact_type(Page).filter(slug="home").delete()
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
    site.hostname, site.port = site.hostname or "localhost", site.port or 80
    site.root_page, site.site_name = home, "Familientisch"
    site.save()
    demo_pages.load(home)
    return home
