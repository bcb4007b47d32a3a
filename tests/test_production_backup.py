"""A night's backup brings back every page, revision, submission and uploaded file."""

import os
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from wagtail.contrib.forms.models import FormSubmission
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail_factories import ImageFactory

from tests.factories.home import OfferIndexPageFactory, make_home

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="backups use pg_dump: run with a PostgreSQL URL"
)


def database_url(name):
    settings = connection.settings_dict
    user = settings["USER"] or "postgres"
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    host = settings["HOST"] or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{settings['PORT'] or 5432}/{name}"


def run_script(script, folder, database, media_root):
    environment = os.environ | {"DATABASE_URL": database_url(database), "MEDIA_ROOT": media_root}
    subprocess.run([ROOT / "deploy" / script, folder], env=environment, check=True)


@pytest.fixture
def empty_database():
    name = f"prod_restore_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def rows(database, query):
    with psycopg.connect(database_url(database)) as restored:
        return sorted(restored.execute(query).fetchall())


# The dump is taken by another process, so the content must really be committed.
def test_a_restore_into_an_empty_database_finds_everything_again(
    committed_db, empty_database, tmp_path, settings
):
    navigator = OfferIndexPageFactory(parent=make_home())
    for title in ("Familien-Navigator", "Familien-Navigator 2025"):
        navigator.title = title
        navigator.save_revision().publish()
    FormSubmission.objects.create(page=navigator, form_data={"name": "Ayşe", "kinder": 2})
    image = ImageFactory(title="Logo")
    pages = sorted(Page.objects.values_list("id", "title", "live"))
    revisions = sorted(Revision.objects.values_list("id", "object_id"))
    submissions = sorted(FormSubmission.objects.values_list("id", "form_data"))
    restored_media = tmp_path / "restored-media"

    run_script(
        "backup.sh", tmp_path / "backup", connection.settings_dict["NAME"], settings.MEDIA_ROOT
    )
    run_script("restore.sh", tmp_path / "backup", empty_database, restored_media)

    assert rows(empty_database, "SELECT id, title, live FROM wagtailcore_page") == pages
    assert rows(empty_database, "SELECT id, object_id FROM wagtailcore_revision") == revisions
    assert len(revisions) == 2
    assert rows(empty_database, "SELECT id, form_data FROM wagtailforms_formsubmission") == (
        submissions
    )
    table = get_image_model()._meta.db_table
    assert rows(empty_database, f"SELECT file FROM {table}") == [(image.file.name,)]
    restored_file = restored_media / image.file.name
    assert restored_file.read_bytes() == Path(image.file.path).read_bytes()
