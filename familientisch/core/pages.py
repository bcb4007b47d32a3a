from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from familientisch.conf import setting


def indexed(*searched, filtered=()):
    """A page type's search fields: Wagtail's own (the title) plus the text fields searched
    and the fields that searches may filter by."""
    return (
        Page.search_fields
        + [index.SearchField(name) for name in searched]
        + [index.FilterField(name) for name in filtered]
    )


class SectionIndexPage(Page):
    """The common shape of the index pages of the site's sections (navigator, events, ...)."""

    introduction = RichTextField(
        _("introduction"), blank=True, help_text=_("Shown above the list on this page.")
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = indexed("introduction")
    parent_page_types = setting("FAMILIENTISCH_SECTION_PARENT_PAGE_TYPES")
    max_count_per_parent = 1

    class Meta:
        abstract = True


class SectionItemPage(Page):
    """An entry of a section (an offer, event, partner or protocol): it lives under its
    section's index page and never has pages of its own below it."""

    subpage_types = []

    class Meta:
        abstract = True
