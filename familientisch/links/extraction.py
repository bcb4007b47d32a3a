"""The outside links of the site's pages, found the same way for every page type: the live
German pages (translations link to the same places), each page's own URL fields, and the
`<a href="http...">` of its rich text, whether a RichTextField or text inside a StreamField."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def hrefs_in(html):
    parser = _Anchors()
    parser.feed(html)
    parser.close()
    return parser.hrefs


def _strings(data):
    """Every string in a stream's stored form (blocks nest in lists and structs)."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from _strings(value)


def _urls_in_stream(text):
    # A URLBlock stores the address alone; a rich text block stores HTML.
    if "<a" in text:
        return hrefs_in(text)
    return [text] if text.startswith(("http://", "https://")) and " " not in text else []


def urls_of_field(page, field):
    value = getattr(page, field.name)
    if not value:
        return []
    if isinstance(field, StreamField):
        raw = field.get_prep_value(value)
        return [url for text in _strings(raw) for url in _urls_in_stream(text)]
    if isinstance(field, RichTextField):
        return hrefs_in(value)
    if isinstance(field, models.URLField):
        return [value]
    return []


def own_hosts():
    """The site's own host names: its links to itself are not outside links."""
    hosts = {site.hostname.lower() for site in Site.objects.all()}
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    if base:
        hosts.add((urlsplit(base).hostname or "").lower())
    return hosts - {""}


def is_outside(url, hosts):
    try:
        parts = urlsplit(url)
        host = parts.hostname  # lower case
    except ValueError:  # not an address at all (a stray bracket in a link)
        return False
    # No longer than browsers take them, and CheckedLink keeps them.
    return (
        parts.scheme in ("http", "https") and bool(host) and host not in hosts and len(url) <= 2000
    )


def outside_links(pages=None):
    """(page, field name, address) of every outside link of `pages` (by default the live
    German pages), each address once per page and field."""
    if pages is None:
        pages = Page.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
    hosts = own_hosts()
    for page in pages.specific().iterator():
        for field in type(page)._meta.concrete_fields:
            found = dict.fromkeys(url.strip() for url in urls_of_field(page, field))
            for url in found:
                if is_outside(url, hosts):
                    yield page, field.name, url
