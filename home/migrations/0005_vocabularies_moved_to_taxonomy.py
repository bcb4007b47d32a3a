"""The vocabularies now belong to the taxonomy app (taxonomy 0001): home forgets them in
Django's state only; their tables and rows stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_private_pages_private_in_every_language"),
        ("taxonomy", "0001_initial"),
        ("offers", "0003_vocabularies_in_taxonomy"),
        ("events", "0003_vocabularies_in_taxonomy"),
        ("partners", "0004_vocabularies_in_taxonomy"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Quarter"),
                migrations.DeleteModel(name="District"),
                migrations.DeleteModel(name="Category"),
                migrations.DeleteModel(name="TargetGroup"),
                migrations.DeleteModel(name="Language"),
            ]
        )
    ]
