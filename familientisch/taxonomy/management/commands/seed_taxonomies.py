from django.core.management.base import BaseCommand

from familientisch.i18n.localization import ensure_locales
from familientisch.taxonomy.seed import seed_taxonomies


class Command(BaseCommand):
    help = "Create the city's districts, quarters, categories, target groups and languages."

    def handle(self, **options):
        ensure_locales()
        seed_taxonomies()
        self.stdout.write(self.style.SUCCESS("Taxonomies are in place."))
