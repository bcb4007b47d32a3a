"""Meine Liste: the offers and events a family keeps, to open on the way (also offline), share
as a link (WhatsApp, SMS, e-mail, QR code) or print on one page with hours, phones and
addresses. One such page per language tree; what is kept lives in the visitor's browser
(kept.py), and the keep buttons post to `views.keep`."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from familientisch.core.pages import SectionIndexPage

from . import kept
from .sharing import share_links


class ShortlistPage(SectionIndexPage):
    template = "shortlist/shortlist_page.html"  # named for the app, not its prefixed label
    subpage_types = []

    class Meta:
        verbose_name = _("my list page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        shared = "pages" in request.GET
        ids = kept.parse(request.GET["pages"]) if shared else kept.kept_ids(request)
        pages = kept.kept_pages(ids, get_language())
        link = request.build_absolute_uri(self.url)
        link += "?pages=" + kept.encode([page.pk for page in pages])
        context.update(
            kept_pages=pages,
            shared=shared,
            share=share_links(link, self.title) if pages else None,
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        shared = kept.parse(request.GET.get("pages", ""))
        if shared:  # a list opened from a link becomes this browser's list too
            kept.remember(response, kept.parse(kept.encode(kept.kept_ids(request) + shared)))
        # What is shown depends on the visitor's cookie: never from a shared cache.
        response["Cache-Control"] = "private, no-cache"
        return response
