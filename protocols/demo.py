from home.demo import child_page

from .models import ProtocolIndexPage


def load(home):
    child_page(home, ProtocolIndexPage, "protokolle", title="Protokolle", show_in_menus=True)
