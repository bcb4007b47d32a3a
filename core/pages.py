from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class SectionIndexPage(Page):
    """The common shape of the index pages of the site's sections (navigator, events, ...)."""

    introduction = RichTextField(
        _("introduction"), blank=True, help_text=_("Shown above the list on this page.")
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True
