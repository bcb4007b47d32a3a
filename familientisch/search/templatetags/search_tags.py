import re

from django import template
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

register = template.Library()


def stem_of(word):
    """Enough of a word to meet its other forms: "beratungen" marks "Beratung"."""
    return word if len(word) <= 4 else word[: max(4, len(word) - 2)]


@register.filter
def highlight(text, search):
    """The text with every word that begins like a searched word in <mark>, escaped."""
    text = escape(text or "")
    if not search:
        return mark_safe(text)  # noqa: S308 (escaped above)
    stems = sorted({stem_of(word) for word in search.highlighted}, key=len, reverse=True)
    if not stems:
        return mark_safe(text)  # noqa: S308
    pattern = re.compile(
        r"(?<![\w&#])((?:" + "|".join(map(re.escape, stems)) + r")\w*)", re.IGNORECASE
    )
    return mark_safe(pattern.sub(r"<mark>\1</mark>", text))  # noqa: S308 (escaped above)


@register.filter
def result_template(page):
    """How a search result shows itself: its app's `includes/<type>_result.html` where there
    is one (an offer its district and ages, an event its next date), else the generic one."""
    app = page._meta.app_config.name.rsplit(".", 1)[-1]
    return [f"{app}/includes/{page._meta.model_name}_result.html", "search/page_result.html"]


@register.filter
def summary_of(page):
    """A page's own short text for a result: its search description, summary or introduction."""
    for name in ("search_description", "summary", "introduction"):
        text = getattr(page, name, "")
        if text:
            return strip_tags(str(text))
    return ""
