from django.core.management.base import BaseCommand

from familientisch.offers.city_map import OVERPASS_QUERY, build


class Command(BaseCommand):
    help = (
        "Build the navigator's own base map (streets, district and quarter outlines) from an "
        "OpenStreetMap extract in Overpass JSON. The extract's query:\n\n" + OVERPASS_QUERY
    )

    def add_arguments(self, parser):
        parser.add_argument("extract", help="the Overpass JSON answer, saved as a file")

    def handle(self, *args, extract, **options):
        with open(extract, encoding="utf-8") as source:
            count = build(source)
        self.stdout.write(f"City map built: {count} streets and outlines.")
