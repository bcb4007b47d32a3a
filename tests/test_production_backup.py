"""A night's backup brings back every page, revision, submission and uploaded file."""

import os
import subprocess
import sys
import tarfile
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


def app_with_media(folder, media_root):
    """The environment of an app whose media folder is `media_root` (the test settings make a
    new temporary one in every process): backup.sh asks the app where its media are."""
    (folder / "site_settings.py").write_text(
        f"from familysite.settings.test import *  # noqa: F403\nMEDIA_ROOT = {str(media_root)!r}\n"
    )
    environment = {name: value for name, value in os.environ.items() if name != "MEDIA_ROOT"}
    return environment | {
        "DJANGO_SETTINGS_MODULE": "site_settings",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")])),
        "PYTHON": sys.executable,
    }


def run_script(script, folder, database, environment):
    return subprocess.run(
        [ROOT / "deploy" / script, folder],
        env=environment | {"DATABASE_URL": database_url(database)},
        check=True,
        capture_output=True,
        text=True,
    )


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

    database = connection.settings_dict["NAME"]
    run_script(
        "backup.sh", tmp_path / "backup", database, app_with_media(tmp_path, settings.MEDIA_ROOT)
    )
    run_script(
        "restore.sh",
        tmp_path / "backup",
        empty_database,
        os.environ | {"MEDIA_ROOT": str(restored_media)},
    )

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


def test_without_media_root_in_the_environment_the_backup_takes_the_media_the_app_uses(
    db, tmp_path
):
    """The app finds its media folder without MEDIA_ROOT (its default is ./media); the backup
    asks the app instead of skipping the media, and says which folder it took."""
    media = tmp_path / "media-of-the-app"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "logo.png").write_bytes(b"\x89PNG logo")
    environment = app_with_media(tmp_path, media)
    assert "MEDIA_ROOT" not in environment

    result = run_script(
        "backup.sh", tmp_path / "backup", connection.settings_dict["NAME"], environment
    )

    with tarfile.open(tmp_path / "backup" / "media.tar.gz") as archive:
        assert archive.extractfile("./original_images/logo.png").read() == b"\x89PNG logo"
    assert f"media: {media} in {tmp_path / 'backup'}/media.tar.gz" in result.stderr
    assert result.stdout.strip() == str(tmp_path / "backup")
