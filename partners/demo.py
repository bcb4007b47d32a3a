from home.demo import child_page

from .models import PartnerIndexPage


def load(home):
    child_page(home, PartnerIndexPage, "partner", title="Partner", show_in_menus=True)
