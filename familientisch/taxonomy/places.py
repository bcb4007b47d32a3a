"""What else happens at the same place: on an offer its place's upcoming events (the weekly
"Krabbelgruppe im Stadtteiltreff"), on an event the offers at its address. Gathered from every
app that keeps addresses (setting PLACE_ACTIVITIES: model, path to its street and postcode,
queryset method choosing the current ones), as a partner gathers its activities, so that
offers and events need not know each other."""

from django.apps import apps
from django.db.models import Q

from familientisch.conf import setting

SHOWN = 5


def addresses_of(places):
    """{(street, postcode)} of places (anything with both), those without an address left out."""
    return {
        (place.street.strip(), place.postcode.strip())
        for place in places
        if place.street.strip() and place.postcode.strip()
    }


def at_the_same_place(page, addresses):
    """[(heading, pages)] of what else is at these addresses, in the page's language; one query
    per kind, however many there are."""
    if not addresses:
        return []
    sections = []
    for label, path, method in setting("PLACE_ACTIVITIES"):
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        same = Q()
        for street, postcode in addresses:
            same |= Q(**{f"{path}street__iexact": street, f"{path}postcode": postcode})
        pages = model.objects.live().public().filter(same, locale_id=page.locale_id)
        pages = getattr(pages, method)().exclude(pk=page.pk).distinct().order_by("title")
        found = list(pages[:SHOWN])
        if found:
            sections.append((model._meta.verbose_name_plural, found))
    return sections
