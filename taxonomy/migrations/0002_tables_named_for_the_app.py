"""The vocabularies' tables take the app's name (home_category -> taxonomy_category, ...):
a rename, rows and the foreign keys pointing at them kept."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0001_initial"),
        ("home", "0005_vocabularies_moved_to_taxonomy"),
    ]

    operations = [
        migrations.AlterModelTable(name=name, table=None)
        for name in ["language", "district", "category", "quarter", "targetgroup"]
    ]
