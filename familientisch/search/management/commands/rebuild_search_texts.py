from django.core.management.base import BaseCommand

from familientisch.search.documents import learn_synonyms, rebuild


class Command(BaseCommand):
    help = "Rebuild the search texts of every public page, and the words of „did you mean“."

    def handle(self, **options):
        rebuild()
        learn_synonyms()
