"""The city's vocabularies, seeded in German (the source language) by `manage.py
seed_taxonomies` and by `load_demo`, from `data/taxonomies.json`."""

import json
from pathlib import Path

from django.conf import settings
from django.utils.text import slugify
from wagtail.models import Locale

from familientisch.taxonomy.models import Category, District, Language, Quarter, TargetGroup

DATA = Path(__file__).parent / "data" / "taxonomies.json"


def quarter_slug(name):
    return slugify(name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"))


def seed_taxonomies():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    for row in data["districts"]:
        number, (latitude, longitude) = row["number"], row["centre"]
        district, _ = District.objects.get_or_create(
            locale=source,
            slug=f"bezirk-{number}",
            defaults={
                "name": f"Stadtbezirk {number}",
                "number": number,
                "sort_order": number,
                "latitude": latitude,
                "longitude": longitude,
            },
        )
        for position, name in enumerate(row["quarters"]):
            Quarter.objects.get_or_create(
                locale=source,
                slug=quarter_slug(name),
                defaults={"name": name, "district": district, "sort_order": position},
            )
    for position, row in enumerate(data["categories"]):
        Category.objects.get_or_create(
            locale=source, slug=row["slug"], defaults={**row, "sort_order": position}
        )
    for position, row in enumerate(data["target_groups"]):
        TargetGroup.objects.get_or_create(
            locale=source, slug=row["slug"], defaults={**row, "sort_order": position}
        )
    for code in data["languages"]:
        Language.objects.get_or_create(code=code)
