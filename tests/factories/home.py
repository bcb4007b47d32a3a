import factory
import wagtail_factories
from wagtail.models import Locale, Page, Site

from familientisch.events.models import EventIndexPage
from familientisch.i18n.localization import ensure_locales
from familientisch.offers.models import OfferIndexPage
from familientisch.partners.models import PartnerIndexPage
from familientisch.protocols.models import ProtocolIndexPage
from familientisch.shortlist.models import ShortlistPage
from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Familientisch"
    slug = "home"
    introduction = "Hilfe für Familien"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = HomePage


class OfferIndexPageFactory(wagtail_factories.PageFactory):
    title = "Familien-Navigator"
    slug = "navigator"
    show_in_menus = True

    class Meta:
        model = OfferIndexPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Veranstaltungen"
    slug = "veranstaltungen"
    show_in_menus = True

    class Meta:
        model = EventIndexPage


class ProtocolIndexPageFactory(wagtail_factories.PageFactory):
    title = "Protokolle"
    slug = "protokolle"
    show_in_menus = True

    class Meta:
        model = ProtocolIndexPage


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partner"
    slug = "partner"
    show_in_menus = True

    class Meta:
        model = PartnerIndexPage


class ShortlistPageFactory(wagtail_factories.PageFactory):
    title = "Meine Liste"
    slug = "meine-liste"

    class Meta:
        model = ShortlistPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "Impressum"
    slug = factory.Sequence(lambda n: f"seite-{n}")
    introduction = "Wer diese Website anbietet."

    class Meta:
        model = StandardPage


def make_home():
    """A German home page as the root of the default site, in place of Wagtail's welcome
    page (removed first, so that the locales made here get no copy of it)."""
    root = Page.get_first_root_node()
    root.get_children().delete()
    home = HomePageFactory(parent=root, locale=ensure_locales())
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"},
    )
    return home
