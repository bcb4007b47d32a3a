"""The vocabularies move from home/ to their own app without copying a row: the app takes over
the tables where they are (home_category, ...) in Django's state only, and the content types
follow (so translation sources, search entries and permissions still point at them).
0002 then renames the tables."""

import django.core.validators
import django.db.models.deletion
import modelsearch.index
import uuid
from django.db import migrations, models


MODELS = ["category", "district", "language", "quarter", "targetgroup"]


def move_content_types(apps, schema_editor, source="home", target="taxonomy"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=target, model__in=MODELS).exists():
        ContentType.objects.filter(app_label=source, model__in=MODELS).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="taxonomy", target="home")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
        ('home', '0004_private_pages_private_in_every_language'),
    ]

    operations = [
        migrations.RunPython(move_content_types, move_content_types_back),
        migrations.SeparateDatabaseAndState(state_operations=[
        migrations.CreateModel(
            name='Language',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=8, unique=True, verbose_name='ISO 639 code')),
            ],
            options={
                'db_table': 'home_language',
                'verbose_name': 'language',
                'verbose_name_plural': 'languages',
                'ordering': ['code'],
            },
        ),
        migrations.CreateModel(
            name='District',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('slug', models.SlugField(help_text='Used in filter addresses; the same in every language.', max_length=100, verbose_name='slug')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='sort order')),
                ('number', models.PositiveSmallIntegerField(help_text='1 to 10', verbose_name='number')),
                ('latitude', models.FloatField(validators=[django.core.validators.MinValueValidator(-90), django.core.validators.MaxValueValidator(90)], verbose_name='latitude of the centre')),
                ('longitude', models.FloatField(validators=[django.core.validators.MinValueValidator(-180), django.core.validators.MaxValueValidator(180)], verbose_name='longitude of the centre')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'db_table': 'home_district',
                'verbose_name': 'district',
                'verbose_name_plural': 'districts',
                'ordering': ['number'],
                'abstract': False,
                'unique_together': {('slug', 'locale'), ('translation_key', 'locale')},
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='Category',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('slug', models.SlugField(help_text='Used in filter addresses; the same in every language.', max_length=100, verbose_name='slug')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='sort order')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'db_table': 'home_category',
                'verbose_name': 'category',
                'verbose_name_plural': 'categories',
                'ordering': ['sort_order', 'name'],
                'abstract': False,
                'unique_together': {('slug', 'locale'), ('translation_key', 'locale')},
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='Quarter',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('slug', models.SlugField(help_text='Used in filter addresses; the same in every language.', max_length=100, verbose_name='slug')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='sort order')),
                ('district', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='quarters', to='taxonomy.district', verbose_name='district')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'db_table': 'home_quarter',
                'verbose_name': 'quarter',
                'verbose_name_plural': 'quarters',
                'ordering': ['sort_order', 'name'],
                'abstract': False,
                'unique_together': {('slug', 'locale'), ('translation_key', 'locale')},
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='TargetGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('slug', models.SlugField(help_text='Used in filter addresses; the same in every language.', max_length=100, verbose_name='slug')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='sort order')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'db_table': 'home_targetgroup',
                'verbose_name': 'target group',
                'verbose_name_plural': 'target groups',
                'ordering': ['sort_order', 'name'],
                'abstract': False,
                'unique_together': {('slug', 'locale'), ('translation_key', 'locale')},
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        ]),
]
