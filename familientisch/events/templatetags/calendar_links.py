from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def webcal(context, path, query=""):
    """The address of a calendar feed as phones subscribe to it: webcal:// opens the calendar app
    instead of downloading a file (the https address stays the same)."""
    absolute = context["request"].build_absolute_uri(f"{path}?{query}" if query else path)
    return "webcal://" + absolute.split("://", 1)[1]
