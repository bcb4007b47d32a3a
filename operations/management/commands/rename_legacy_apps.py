from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from operations import legacy_apps


class Command(BaseCommand):
    help = (
        "Once, before `migrate`, on a database of Familientisch 0.1: renames the apps' tables, "
        "content types and migration records to the plugin's labels (familientisch_*), keeping "
        "every row. Does nothing on a database that has them already."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, database, **options):
        connection = connections[database]
        if not legacy_apps.is_legacy(connection):
            if options["verbosity"]:
                self.stdout.write("Nothing to rename: the database has the plugin's labels.")
            return
        try:
            legacy_apps.rename_to_plugin_labels(connection)
        except legacy_apps.LegacyDatabaseError as error:
            raise CommandError(str(error)) from error
        self.stdout.write("Renamed the apps to the plugin's labels; now run `migrate`.")
