from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LanguageSitemap(Sitemap):
    """The pages written in one language. Untranslated aliases are left out: their German
    original is already listed in the German sitemap."""

    def __init__(self, language_code):
        self.language_code = language_code

    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(locale__language_code=self.language_code, alias_of__isnull=True, depth__gt=1)
            .order_by("path")
        )

    def location(self, page):
        return page.get_url_parts()[2]

    def lastmod(self, page):
        return page.last_published_at


def language_sitemaps():
    return {code: LanguageSitemap(code) for code, _name in settings.LANGUAGES}
