from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = SynonymGroup._meta.verbose_name_plural
    list_display = ["concept", "language", "__str__"]
    list_filter = ["language"]
    add_to_admin_menu = False


register_snippet(SynonymGroupViewSet)
