from django.db import migrations

# Wagtail's migration 0048 names the workflow and its task after the group, in English; the
# admin then says "In Moderators approval einreichen". Names are content (like page titles), so
# they get the source language of the editors. Renamed only while still as Wagtail made them.
CREATED, GERMAN = "Moderators approval", "Freigabe durch die Redaktion"


def rename(apps, old, new):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def to_german(apps, schema_editor):
    rename(apps, CREATED, GERMAN)


def to_english(apps, schema_editor):
    rename(apps, GERMAN, CREATED)


class Migration(migrations.Migration):
    dependencies = [
        ("familientisch_offers", "0008_offer_form_is_light"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_german, to_english)]
