"""Where a visitor is, in their own words: "Bilk", "40225", "بيلك", "Білк", a street address,
or the point a phone's "use my location" button sends ("51.2,6.78").

Quarter names (in every site language's script) and postcodes come from the gazetteer shipped in
`data/gazetteer.json`, its sources named in the file. Street addresses go to a geocoder only when
the site runs one (`GEOCODER_URL`: a self-hosted Nominatim or Photon, through geopy), never to a
public service: what a family types stays with the city. A geocoder's answer is cached by a hash
of the words, so the address itself is stored nowhere.
"""

import difflib
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from django.core.cache import cache

from familientisch.conf import setting
from familientisch.search.words import normal, words

DATA = Path(__file__).parent / "data" / "gazetteer.json"
POINT = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,;]\s*(-?\d{1,3}(?:\.\d+)?)\s*$")
POSTCODE = re.compile(r"^\s*(?:D-)?(\d{5})\s*$", re.IGNORECASE)
POSTCODE_IN_ADDRESS = re.compile(r"\b(\d{5})\b")
GEOCODED_FOR_SECONDS = 7 * 24 * 3600
# Persian and Arabic keyboards give different letters for the same sound.
PERSIAN_LETTERS = str.maketrans("یک", "يك")


@dataclass(frozen=True)
class Place:
    label: str  # what was understood, to show the visitor: "Bilk", "40225", an address
    latitude: float
    longitude: float

    @property
    def point(self):
        return self.latitude, self.longitude


def key_of(text):
    """Text as the gazetteer compares it: words in lower case, without accents or Arabic vowel
    signs, Persian letters as Arabic ones, hyphens as spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(normal(word) for word in words(bare.translate(PERSIAN_LETTERS)))


@lru_cache(maxsize=1)
def gazetteer():
    """({key: Place} of every name and postcode, [quarter names] in German)."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    places, quarters = {}, []
    city = data["city"]
    for row in [city, *data["quarters"]]:
        place = Place(row["name"], *row["centre"])
        for name in [row["name"], *(n for names in row["names"].values() for n in names)]:
            places.setdefault(key_of(name), place)
    for row in data["quarters"]:
        quarters.append(row["name"])
    for code, centre in data["postcodes"].items():
        places[code] = Place(code, *centre)
    return places, quarters


@lru_cache(maxsize=1)
def quarter_postcodes():
    """{quarter name (German): [its postcodes]}"""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return {row["name"]: row["postcodes"] for row in data["quarters"]}


def city_box():
    """(south, west, north, east) around the gazetteer's places, for the geocoder."""
    places, _quarters = gazetteer()
    latitudes = [p.latitude for p in places.values()]
    longitudes = [p.longitude for p in places.values()]
    margin = 0.03
    return (
        min(latitudes) - margin,
        min(longitudes) - margin,
        max(latitudes) + margin,
        max(longitudes) + margin,
    )


def locate(text):
    """The Place the words name, or None when nothing known matches."""
    text = (text or "").strip()
    if not text:
        return None
    if point := POINT.match(text):
        latitude, longitude = float(point[1]), float(point[2])
        if -90 <= latitude <= 90 and -180 <= longitude <= 180:
            return Place(text, latitude, longitude)
        return None
    places, _quarters = gazetteer()
    if postcode := POSTCODE.match(text):
        return places.get(postcode[1])
    key = key_of(text)
    for name in (key, key.removeprefix("dusseldorf ").removesuffix(" dusseldorf")):
        if name in places:
            return places[name]
    # An address the geocoder does not know (or no geocoder): its postcode is near enough.
    if found := geocode(text):
        return found
    for code in POSTCODE_IN_ADDRESS.findall(text):
        if code in places:
            return Place(text, *places[code].point)
    return None


def suggestions(text, count=3):
    """Quarter names (German) that look like what was typed, best first."""
    places, quarters = gazetteer()
    close = difflib.get_close_matches(key_of(text), list(places), n=count * 3, cutoff=0.6)
    found = []
    for key in close:
        label = places[key].label
        if label in quarters and label not in found:
            found.append(label)
    return found[:count]


def geocoder():
    """geopy's client of the configured geocoder, or None."""
    address = setting("GEOCODER_URL")
    if not address:
        return None
    from geopy.geocoders import Nominatim, Photon

    parts = urlsplit(address)
    kind = Photon if setting("GEOCODER_KIND") == "photon" else Nominatim
    return kind(
        domain=parts.netloc + parts.path.rstrip("/"),
        scheme=parts.scheme or "https",
        user_agent="familientisch",
        timeout=setting("GEOCODER_TIMEOUT"),
    )


def geocode(text):
    from geopy.exc import GeopyError

    try:
        return ask_geocoder(text)
    except GeopyError:
        return None  # not cached: the next visitor tries again


def ask_geocoder(text):
    """The Place the configured geocoder finds within the city, or None (also without a
    geocoder); raises geopy's GeopyError when it does not answer, for callers that say so."""
    client = geocoder()
    if client is None:
        return None
    key = "geocoded:" + hashlib.sha256(key_of(text).encode()).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return Place(text, *cached) if cached else None
    south, west, north, east = city_box()
    if setting("GEOCODER_KIND") == "photon":
        found = client.geocode(text, location_bias=((south + north) / 2, (west + east) / 2))
    else:
        found = client.geocode(
            text, viewbox=[(south, west), (north, east)], bounded=True, country_codes="de"
        )
    inside = found and south <= found.latitude <= north and west <= found.longitude <= east
    cache.set(key, (found.latitude, found.longitude) if inside else (), GEOCODED_FOR_SECONDS)
    return Place(text, found.latitude, found.longitude) if inside else None
