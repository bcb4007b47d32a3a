from django import template
from django.utils import timezone
from django.utils.translation import get_language

from familientisch.conf import setting
from familientisch.offers.hours import CITY_TIME_ZONE, coming_closures
from familientisch.offers.hours import week_table as build_week_table

register = template.Library()


@register.filter
def week_table(opening_hours):
    return build_week_table(opening_hours)


@register.filter
def closures(opening_hours):
    return coming_closures(opening_hours)


@register.simple_tag
def today_weekday():
    """Monday 0 ... Sunday 6, in the city: the line of the hours table to mark as today."""
    return timezone.localtime(timezone.now(), CITY_TIME_ZONE).weekday()


@register.simple_tag
def route_links(place):
    """[(label, address)] of the route planners (`ROUTE_LINKS`) to a place: links out that the
    visitor opens on purpose; the page itself asks them nothing."""
    if place.latitude is None:
        return []
    values = {
        "lat": f"{place.latitude:.5f}",
        "lon": f"{place.longitude:.5f}",
        "language": get_language() or "de",
    }
    return [(label, address.format(**values)) for label, address in setting("ROUTE_LINKS")]


@register.filter
def offer_json_ld(offer, request):
    return offer.json_ld(request)
