"""The test database as the migrations left it: kept as serialized data, put back after tests
whose data must be committed (another process reads it: the live server, pg_dump)."""

import json

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.models.signals import post_save
from django.test import override_settings
from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save


def serialize():
    """The database as Django's test runner serializes it, content types first: handlers of
    raw saves (Wagtail's reference index) look them up, and would create them under new ids if
    they came later. SQLite keeps the search index in a virtual table Django cannot serialize;
    it is empty after the migrations."""
    with override_settings(TEST_NON_SERIALIZED_APPS=["wagtail.search"]):
        objects = json.loads(connection.creation.serialize_db_to_string())
    objects.sort(key=lambda item: item["model"] != "contenttypes.contenttype")
    return json.dumps(objects)


def restore(serialized):
    """Empty the database and load the serialized data. Content types and permissions are not
    recreated by the flush (the data brings them with their ids), and sequences go on counting
    (the data's ids stay below them)."""
    call_command(
        "flush", interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0
    )
    ContentType.objects.clear_cache()
    # wagtail-localize syncs trees whenever a synchronisation is saved, even a raw save from
    # serialized data, before the locales it needs exist; the serialized trees are in sync.
    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    try:
        connection.creation.deserialize_db_from_string(serialized)
    finally:
        post_save.connect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
