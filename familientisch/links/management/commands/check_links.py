from django.core.management.base import BaseCommand

from familientisch.links.checking import check_links


class Command(BaseCommand):
    help = (
        "Run daily: check every outside link of the live German pages (HEAD, robots.txt "
        "obeyed, one request per host per LINK_CHECKER_HOST_INTERVAL); links failing "
        "LINK_CHECKER_FAILING_DAYS days in a row, and permanent redirects, go to the inbox."
    )

    def handle(self, *args, **options):
        checked, broken = check_links()
        self.stdout.write(f"Links checked: {checked}, broken: {broken}")
