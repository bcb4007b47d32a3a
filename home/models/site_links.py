"""The pages every page links to (imprint, privacy, accessibility, easy German), chosen once
per site by editors instead of being found by slug, so renaming a page never breaks the footer."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def _page_link(verbose_name, help_text):
    return models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
        help_text=help_text,
    )


@register_setting(icon="link")
class SiteLinks(BaseSiteSetting):
    imprint_page = _page_link(_("imprint"), _("Linked in every page's footer (Impressum)."))
    privacy_page = _page_link(_("privacy notice"), _("Linked in every page's footer."))
    accessibility_page = _page_link(
        _("accessibility statement"), _("Linked in every page's footer.")
    )
    easy_language_page = _page_link(
        _("easy German section"), _("Linked in every page's header (Leichte Sprache).")
    )

    panels = [
        FieldPanel("imprint_page"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("easy_language_page"),
    ]

    # Choose the German page: each visitor is sent to its version in their own language.
    link_names = ["imprint", "privacy", "accessibility", "easy_language"]

    class Meta:
        verbose_name = _("site links")
