"""This site's databases from before the plugin (version 0.1): the apps stood at the top level
with the labels core, taxonomy, partners, offers, events, protocols and i18n, and their
migrations began in home. Now they are the package familientisch with labels familientisch_*
and migrations of their own. `rename_to_plugin_labels` moves such a database across keeping
every row: the tables are renamed, the content types (and so pages, revisions, permissions,
search entries and translations, which refer to them by id) get the new labels, and the
migration records name the new migrations, which describe exactly the schema the old ones had
built; later migrations are then applied by `migrate` as usual. The old migrations must all
have been applied (the last release did that)."""

from django.apps import apps
from django.core.management.base import CommandError
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

PLUGIN_APPS = ["core", "taxonomy", "partners", "offers", "events", "protocols", "i18n"]
# The last migration of each app with migrations in version 0.1.
LAST_LEGACY_MIGRATIONS = [
    ("home", "0005_vocabularies_moved_to_taxonomy"),
    ("taxonomy", "0002_tables_named_for_the_app"),
    ("partners", "0004_vocabularies_in_taxonomy"),
    ("offers", "0003_vocabularies_in_taxonomy"),
    ("events", "0003_vocabularies_in_taxonomy"),
    ("protocols", "0002_protocolpage"),
]


# The migrations that build exactly the schema of version 0.1, recorded as applied by the
# rename; every later migration (of any app) is left to `migrate`.
MIGRATIONS_OF_THE_0_1_SCHEMA = [
    ("home", "0001_initial"),
    ("familientisch_taxonomy", "0001_initial"),
    ("familientisch_partners", "0001_initial"),
    ("familientisch_partners", "0002_initial"),
    ("familientisch_offers", "0001_initial"),
    ("familientisch_offers", "0002_initial"),
    ("familientisch_events", "0001_initial"),
    ("familientisch_events", "0002_initial"),
    ("familientisch_protocols", "0001_initial"),
]


class LegacyDatabaseError(Exception):
    pass


def is_legacy(connection):
    recorder = MigrationRecorder(connection)
    return recorder.has_table() and recorder.migration_qs.filter(app__in=PLUGIN_APPS).exists()


def rename_to_plugin_labels(connection):
    recorder = MigrationRecorder(connection)
    applied = set(recorder.applied_migrations())
    missing = [key for key in LAST_LEGACY_MIGRATIONS if key not in applied]
    if missing:
        raise LegacyDatabaseError(
            f"Not every migration of version 0.1 is applied ({missing}): migrate with 0.1 first."
        )
    tables = set(connection.introspection.table_names())
    # One transaction (on SQLite, with its foreign-key checks off until the end).
    with connection.schema_editor(atomic=True) as editor:
        for old_label in PLUGIN_APPS:
            new_label = f"familientisch_{old_label}"
            for model in apps.get_app_config(new_label).get_models(include_auto_created=True):
                new_table = model._meta.db_table
                old_table = old_label + new_table.removeprefix(new_label)
                if old_table in tables:
                    editor.alter_db_table(model, old_table, new_table)
            editor.execute(
                "UPDATE django_content_type SET app_label = %s WHERE app_label = %s",
                [new_label, old_label],
            )
        recorder.migration_qs.filter(app__in=[*PLUGIN_APPS, "home"]).delete()
        for app_label, name in MIGRATIONS_OF_THE_0_1_SCHEMA:
            recorder.record_applied(app_label, name)


def refuse_to_migrate_a_legacy_database(using, **kwargs):
    """pre_migrate: migrating such a database would build empty tables beside the full ones."""
    if is_legacy(connections[using]):
        raise CommandError(
            "This database is of Familientisch 0.1 (apps without the familientisch_ labels). "
            "Run `python manage.py rename_legacy_apps` once, then migrate."
        )
