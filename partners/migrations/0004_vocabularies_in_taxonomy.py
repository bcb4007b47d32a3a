"""The vocabularies moved to the taxonomy app: the same tables, so only Django's state changes."""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0003_alter_partnerpage_options_and_more'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
        migrations.AlterField(
            model_name='partnerpage',
            name='districts',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='partners', to='taxonomy.district', verbose_name='districts'),
        ),
        ]),
]
