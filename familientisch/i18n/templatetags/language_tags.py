from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info

register = template.Library()


@register.simple_tag
def source_language(page):
    """` lang="de" dir="ltr"` for an element holding a page's own text while the page is shown
    in German under another language (an untranslated page is an alias of the German one):
    exactly the German fragments are marked, so the labels around them keep the visitor's
    language and direction for screen readers and punctuation."""
    source = settings.LANGUAGE_CODE
    if not getattr(page, "alias_of_id", None) or get_language() == source:
        return ""
    direction = "rtl" if get_language_info(source)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', source, direction)
