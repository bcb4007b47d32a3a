"""The vocabularies moved to the taxonomy app: the same tables, so only Django's state changes."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('offers', '0002_offer_pages'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
        migrations.AlterField(
            model_name='offerpage',
            name='categories',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='%(class)ss', to='taxonomy.category', verbose_name='categories'),
        ),
        migrations.AlterField(
            model_name='offerpage',
            name='languages',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Languages in which families can be helped.', related_name='%(class)ss', to='taxonomy.language', verbose_name='languages spoken'),
        ),
        migrations.AlterField(
            model_name='offerpage',
            name='target_groups',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='%(class)ss', to='taxonomy.targetgroup', verbose_name='target groups'),
        ),
        migrations.AlterField(
            model_name='offerplace',
            name='district',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='taxonomy.district', verbose_name='district'),
        ),
        migrations.AlterField(
            model_name='offerplace',
            name='quarter',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='taxonomy.quarter', verbose_name='quarter'),
        ),
        ]),
]
