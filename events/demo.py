from home.demo import child_page

from .models import EventIndexPage


def load(home):
    child_page(home, EventIndexPage, "veranstaltungen", title="Veranstaltungen", show_in_menus=True)
