"""The demo's "Meine Liste" page, translated like the other demo pages."""

from familientisch.core.demo_helpers import child_page

from .models import ShortlistPage

INTRODUCTION = (
    "<p>Hier stehen die Angebote und Termine, die Sie sich gemerkt haben: zum Mitnehmen, "
    "Teilen und Ausdrucken.</p>"
)


def load(home):
    child_page(home, ShortlistPage, "meine-liste", title="Meine Liste", introduction=INTRODUCTION)


def translated_objects(home):
    return list(ShortlistPage.objects.child_of(home))
