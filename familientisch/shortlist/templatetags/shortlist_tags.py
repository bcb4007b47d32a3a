from django import template
from django.utils.http import urlencode
from django.utils.translation import get_language

from familientisch.shortlist.links import list_url

register = template.Library()


@register.inclusion_tag("shortlist/includes/keep_button.html", takes_context=True)
def keep_button(context, page, action="keep"):
    """A "keep in my list" (or "remove") button for `page`, and after a keep, where the list is."""
    request = context["request"]
    params = {k: v for k, v in request.GET.items() if k not in ("kept", "removed")}
    back = request.path + (f"?{urlencode(params)}" if params else "")
    return {
        "page": page,
        "action": action,
        "next": back,
        "just_kept": request.GET.get("kept") == str(page.pk),
        "list_url": list_url(get_language()),
    }


@register.simple_tag
def my_list_url():
    return list_url(get_language())


@register.filter
def kept_template(page):
    """How a kept page shows itself: its app's `includes/<type>_kept.html`, else a plain one."""
    app = page._meta.app_config.name.rsplit(".", 1)[-1]
    return [
        f"{app}/includes/{page._meta.model_name}_kept.html",
        "shortlist/includes/page_kept.html",
    ]
