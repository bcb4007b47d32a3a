from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from familientisch.core.blocks import BaseStreamBlock


class IntroducedPage(Page):
    """A plain-text introduction under the title, then a body of blocks: the home page and the
    text pages. Only the editor's hint on what the introduction says differs, so each kind
    declares its own introduction with `introduction_field`."""

    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]

    class Meta:
        abstract = True

    @staticmethod
    def introduction_field(help_text):
        return models.TextField(_("introduction"), blank=True, help_text=help_text)


class HomePage(IntroducedPage):
    introduction = IntroducedPage.introduction_field(
        _("One or two sentences under the page title: who the site is for.")
    )

    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class StandardPage(IntroducedPage):
    """A page of text: the imprint, the privacy notice, the accessibility statement, the easy
    German section. It may hold pages of its own kind, so a section can have chapters."""

    introduction = IntroducedPage.introduction_field(
        _("One or two sentences under the page title: what this page is about.")
    )

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    search_type_label = _("Information")

    class Meta:
        verbose_name = _("standard page")
