"""The city's vocabularies in the demo: seeded in German, translated where the demo has
translations (quarters keep their German names: they are proper nouns on the street signs)."""

from django.conf import settings

from .models import Category, District, TargetGroup
from .seed import seed_taxonomies


def load(home):
    seed_taxonomies()


def translated_objects(home):
    source = {"locale__language_code": settings.LANGUAGE_CODE}
    return [
        *Category.objects.filter(**source),
        *TargetGroup.objects.filter(**source),
        *District.objects.filter(**source),
    ]
