"""Where "my list" is, in each language: asked on every page (the header's link, the keep
buttons), so kept in the cache instead of a query per page view; signals.py forgets it when a
list page is published, unpublished, moved or deleted."""

from django.core.cache import cache

from .models import ShortlistPage

CACHE_KEY = "shortlist:urls"


def list_urls():
    """{language code: address of the live, public list page of that language}"""
    urls = cache.get(CACHE_KEY)
    if urls is None:
        urls = {}
        for page in ShortlistPage.objects.live().public().select_related("locale"):
            urls.setdefault(page.locale.language_code, page.url)
        cache.set(CACHE_KEY, urls, 3600)
    return urls


def list_url(language):
    urls = list_urls()
    return urls.get(language) or next(iter(urls.values()), "")


def forget_list_urls(**kwargs):
    cache.delete(CACHE_KEY)
