from home.demo import child_page

from .models import OfferIndexPage


def load(home):
    child_page(home, OfferIndexPage, "navigator", title="Familien-Navigator", show_in_menus=True)
