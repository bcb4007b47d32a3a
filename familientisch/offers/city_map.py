"""The navigator's map without a tile server: the city's streets and the outlines of its
districts and quarters, drawn from a file this site serves itself (so showing the map asks no
other site for anything). `manage.py build_city_map EXTRACT.json` builds it once from an
OpenStreetMap extract in Overpass JSON (the query is in OVERPASS_QUERY; run it wherever you
fetch data, e.g. on overpass-turbo, and keep the answer); the result, a compact GeoJSON file,
goes to the default storage and is served at /city-map.geojson."""

import json

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.urls import reverse

STORED_AT = "city-map/city-map.geojson"
CACHE_KEY = "city-map:exists"
MAJOR = {"motorway", "trunk", "primary", "secondary"}
STREETS = MAJOR | {"tertiary", "residential", "living_street", "unclassified", "pedestrian"}
# Düsseldorf's Stadtbezirke are administrative level 9 in OpenStreetMap, its Stadtteile 10.
OUTLINES = {"9": "district", "10": "quarter"}
OVERPASS_QUERY = """[out:json][timeout:180];
area["name"="Düsseldorf"]["admin_level"="6"]->.city;
(
  way(area.city)["highway"~"^(motorway|trunk|primary|secondary|tertiary|residential|living_street|unclassified|pedestrian)$"];
  relation(area.city)["boundary"="administrative"]["admin_level"~"^(9|10)$"];
);
out geom;"""


def line(points):
    """GeoJSON positions of Overpass points, to about a metre, repeated points dropped."""
    positions = []
    for point in points or ():
        position = [round(point["lon"], 5), round(point["lat"], 5)]
        if not positions or positions[-1] != position:
            positions.append(position)
    return positions


def feature(kind, name, geometry):
    return {"type": "Feature", "properties": {"kind": kind, "name": name}, "geometry": geometry}


def features(elements):
    for element in elements:
        tags = element.get("tags", {})
        if element["type"] == "way" and tags.get("highway") in STREETS:
            positions = line(element.get("geometry"))
            if len(positions) > 1:
                kind = "major" if tags["highway"] in MAJOR else "street"
                yield feature(
                    kind, tags.get("name", ""), {"type": "LineString", "coordinates": positions}
                )
        elif element["type"] == "relation" and tags.get("admin_level") in OUTLINES:
            rings = [line(member.get("geometry")) for member in element.get("members", ())]
            rings = [ring for ring in rings if len(ring) > 1]
            if rings:
                geometry = {"type": "MultiLineString", "coordinates": rings}
                yield feature(OUTLINES[tags["admin_level"]], tags.get("name", ""), geometry)


def build(extract):
    """Write the city map from an Overpass JSON answer (a file object); how many features."""
    collection = {
        "type": "FeatureCollection",
        "features": list(features(json.load(extract)["elements"])),
    }
    if default_storage.exists(STORED_AT):
        default_storage.delete(STORED_AT)
    default_storage.save(STORED_AT, ContentFile(json.dumps(collection, separators=(",", ":"))))
    cache.delete(CACHE_KEY)
    return len(collection["features"])


def city_map_url():
    """Where the map script finds the city map, or "" before one was built."""
    exists = cache.get(CACHE_KEY)
    if exists is None:
        exists = default_storage.exists(STORED_AT)
        cache.set(CACHE_KEY, exists, 3600)
    return reverse("city_map") if exists else ""


def serve_city_map(request):
    if not default_storage.exists(STORED_AT):
        raise Http404
    response = FileResponse(default_storage.open(STORED_AT), content_type="application/geo+json")
    response["Cache-Control"] = "public, max-age=86400"
    return response
