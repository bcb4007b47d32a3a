from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from home.models import HelpLine, SiteLinks

register = template.Library()


def _page_translations(page):
    if page is None or not getattr(page, "pk", None):
        return {}
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {t.locale.language_code: t for t in translations}


@register.simple_tag(takes_context=True)
def language_versions(context):
    """One entry per site language: the same page in that language where it exists, otherwise
    the same address with the language swapped (for views that are not pages). The switcher's
    address keeps the query, so the navigator's filters and the search words survive a change
    of language; the hreflang alternates name the page alone."""
    request = context["request"]
    query = request.GET.urlencode()
    translations = _page_translations(context.get("page"))
    current = get_language()
    versions = []
    for code, _name in settings.LANGUAGES:
        page = translations.get(code)
        if page is not None:
            url = page.get_url(request=request)
        elif translations:
            continue
        else:
            url = translate_url(request.path, code)
        versions.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "switch_url": f"{url}?{query}" if query else url,
                "absolute_url": request.build_absolute_uri(url),
                "is_current": code == current,
            }
        )
    return versions


@register.simple_tag(takes_context=True)
def localized_home(context):
    site = Site.find_for_request(context["request"])
    return site.root_page.localized.specific if site else None


@register.simple_tag
def menu_pages(home):
    if home is None:
        return []
    return home.get_children().live().in_menu().specific()


@register.simple_tag
def content_language(page):
    """The language a page's content is written in: an untranslated page in a synchronised
    tree is an alias of the German page and shows German content."""
    if page is None or not getattr(page, "alias_of_id", None):
        return None
    return (
        Page.objects.filter(pk=page.alias_of_id)
        .values_list("locale__language_code", flat=True)
        .first()
    )


@register.simple_tag(takes_context=True)
def site_links(context):
    """{name: url} of the pages in SiteLinks, each in the visitor's language where it exists.
    Two queries per request (the setting, then the pages), however many links there are."""
    request = context.get("request")
    if request is None:
        return {}
    cached = getattr(request, "_site_links", None)
    if cached is not None:
        return cached
    setting = SiteLinks.for_request(request)
    chosen = {name: getattr(setting, f"{name}_page_id") for name in SiteLinks.link_names}
    chosen_ids = [pk for pk in chosen.values() if pk]
    language = get_language()
    pages = Page.objects.live().filter(
        Q(pk__in=chosen_ids)
        | Q(
            locale__language_code=language,
            translation_key__in=Page.objects.filter(pk__in=chosen_ids).values("translation_key"),
        )
    )
    by_pk = {page.pk: page for page in pages}
    by_key = {page.translation_key: page for page in pages if page.pk not in chosen_ids}
    links = {}
    for name, pk in chosen.items():
        page = by_pk.get(pk)
        if page is not None:
            page = by_key.get(page.translation_key, page)
            links[name] = page.get_url(request=request)
    request._site_links = links
    return links


@register.simple_tag(takes_context=True)
def help_line(context):
    request = context.get("request")
    return HelpLine.for_footer(request) if request is not None else None


@register.filter
def page_type_label(page):
    """What kind of page a search hit is, for visitors: a page type may name itself with
    `search_type_label`, otherwise its verbose name is used."""
    page_class = page.specific_class or type(page)
    label = getattr(page_class, "search_type_label", None) or page_class._meta.verbose_name
    return capfirst(label)
