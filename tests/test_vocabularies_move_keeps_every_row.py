"""The vocabularies moved from home/ to their own app: every row, every link to a row and every
content type (which translation sources and permissions point at) comes along, and the move
can be undone."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE_THE_MOVE = [
    ("home", "0004_private_pages_private_in_every_language"),
    ("offers", "0002_offer_pages"),
    ("events", "0002_eventpage_eventhintcontact_eventcancelleddate"),
    ("partners", "0003_alter_partnerpage_options_and_more"),
    ("taxonomy", None),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1]]).apps


@pytest.mark.django_db(transaction=True)
def test_a_district_its_quarter_and_their_content_type_survive_the_move_and_its_undoing():
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = migrate(BEFORE_THE_MOVE)
    locale, _ = old.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="de")
    content_type, _ = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="home", model="district"
    )
    district = old.get_model("home", "District").objects.create(
        locale=locale, name="Stadtbezirk 3", slug="bezirk-3", number=3, latitude=51, longitude=6
    )
    quarter = old.get_model("home", "Quarter").objects.create(
        locale=locale, name="Bilk", slug="bilk", district=district
    )

    new = migrate(leaves)
    moved = new.get_model("taxonomy", "Quarter").objects.get(pk=quarter.pk)
    assert (moved.name, moved.district.name) == ("Bilk", "Stadtbezirk 3")
    assert moved.district.translation_key == district.translation_key
    ContentType = new.get_model("contenttypes", "ContentType")
    assert ContentType.objects.get(pk=content_type.pk).app_label == "taxonomy"

    undone = migrate(BEFORE_THE_MOVE)
    assert undone.get_model("home", "Quarter").objects.get(pk=quarter.pk).district_id == district.pk
    assert ContentType.objects.get(pk=content_type.pk).app_label == "home"
    migrate(leaves)
