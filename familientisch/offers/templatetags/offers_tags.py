from django import template

from familientisch.offers.hours import week_table as build_week_table

register = template.Library()


@register.filter
def week_table(opening_hours):
    return build_week_table(opening_hours)


@register.filter
def offer_json_ld(offer, request):
    return offer.json_ld(request)
