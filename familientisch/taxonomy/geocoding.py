"""Coordinates of a place from its address, when an admin form with a place (PlaceMixin) is
saved: the editor types the street and postcode, the map pin follows; and its district and
quarter from the postcode when the editor chose neither and the postcode says.

The site's own geocoder (GEOCODER_URL) is asked first, then the gazetteer's postcode centre.
Coordinates are filled only when they are empty or were the geocoded ones of the old address:
a point the editor typed or dragged on the map stays. A geocoder that does not answer never
stops a save: the coordinates stay as they were (or come from the postcode) and the editor is
told.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .gazetteer import ask_geocoder, gazetteer, quarter_postcodes
from .models import Quarter

ADDRESS = ("street", "postcode", "city")
POINT = ("latitude", "longitude")
# About a metre: coordinates are compared as the map shows them.
PRECISION = 5


def address_of(values):
    street, postcode, city = (str(values.get(name) or "").strip() for name in ADDRESS)
    return ", ".join(part for part in (street, f"{postcode} {city}".strip()) if part)


def find(values):
    """((latitude, longitude) or None, whether the geocoder failed to answer) of the address
    in `values`: the geocoder's point of the street, else the centre of the postcode."""
    from geopy.exc import GeopyError

    found, failed = None, False
    if str(values.get("street") or "").strip():
        try:
            found = ask_geocoder(address_of(values))
        except GeopyError:
            failed = True
    places, _quarters = gazetteer()
    found = found or places.get(str(values.get("postcode") or "").strip())
    return (found.point if found else None), failed


def rounded(point):
    return None if None in point else tuple(round(value, PRECISION) for value in point)


def fill_coordinates(form):
    """Sets the coordinates of the place form's instance from its address, if they should
    follow it; returns a warning to show, or None."""
    changed = form.changed_data
    if not any(name in changed for name in ADDRESS) or any(name in changed for name in POINT):
        return None
    place = form.instance
    current = rounded((place.latitude, place.longitude))
    if current is not None:
        old, _failed = find(form.initial)
        if old is None or rounded(old) != current:
            return None  # the editor's own point
    point, failed = find(form.cleaned_data)
    if point is not None:
        place.latitude, place.longitude = point
    if failed:
        return _(
            "The geocoder did not answer: “%(address)s” is placed at its postcode, if known. "
            "Drag the pin on the map to the door, or save again later."
        ) % {"address": address_of(form.cleaned_data)}
    return None


def fill_district(form):
    """District and quarter of the place form's instance from its postcode, if both are empty:
    the quarter where the postcode lies in one only, the district where its quarters share one."""
    place, postcode = form.instance, str(form.cleaned_data.get("postcode") or "").strip()
    if place.district_id or place.quarter_id or not postcode:
        return
    names = [name for name, codes in quarter_postcodes().items() if postcode in codes]
    quarters = list(
        Quarter.objects.filter(name__in=names, locale__language_code=settings.LANGUAGE_CODE)
    )
    if len({quarter.district_id for quarter in quarters}) == 1:
        place.district_id = quarters[0].district_id
        if len(quarters) == 1:
            place.quarter = quarters[0]
