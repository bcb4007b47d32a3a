"""A database of version 0.1 (the apps at the top level, before they became the plugin
familientisch) moves across with every row: built by the real 0.1 code from git, refused by
`migrate` with a message, renamed by `rename_legacy_apps`, then served by today's code."""

import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAST_RELEASE_WITH_TOP_LEVEL_APPS = "84511ec"

MAKE_CONTENT = """
from wagtail.models import Page
from offers.models import OfferIndexPage, OfferPage, OfferPlace
from taxonomy.models import Category, District
from taxonomy.seed import seed_taxonomies
seed_taxonomies()
home = Page.objects.get(depth=2)
navigator = home.add_child(instance=OfferIndexPage(title="Familien-Navigator", slug="nav"))
district = District.objects.filter(locale=home.locale).last()
offer = navigator.add_child(instance=OfferPage(title="Krabbelgruppe", summary="Ab 1 Jahr"))
offer.places.add(OfferPlace(place_name="Stadtteiltreff", district=district))
offer.categories.add(Category.objects.filter(locale=home.locale).first())
offer.save_revision().publish()
print(District.objects.count(), offer.pk, district.slug)
"""

READ_CONTENT = """
from wagtail.models import Page
from familientisch.offers.models import OfferPage
from familientisch.taxonomy.models import District
offer = Page.objects.get(pk={pk}).specific
assert isinstance(offer, OfferPage), type(offer)
assert offer.places.get().district.slug == "{slug}" and offer.categories.count() == 1
assert offer.revisions.count() == 1
print(District.objects.count())
"""


def old_checkout(target):
    archive = subprocess.run(
        ["git", "archive", LAST_RELEASE_WITH_TOP_LEVEL_APPS],
        cwd=ROOT,
        capture_output=True,
    )
    if archive.returncode:
        pytest.skip(f"the commit {LAST_RELEASE_WITH_TOP_LEVEL_APPS} is not in this clone")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as files:
        files.extractall(target, filter="data")
    # 0.1 installed its project package as familysite from site/; its map files came from
    # django-leaflet, which the plugin no longer needs.
    (target / "familysite").symlink_to(target / "site")
    settings = target / "site" / "settings" / "base.py"
    settings.write_text(settings.read_text().replace('INSTALLED_APPS += ["leaflet"]', ""))


@pytest.fixture
def database(tmp_path):
    """A new, empty database of the kind this run tests on (PostgreSQL or SQLite)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'db.sqlite3'}"
        return
    import psycopg

    server, name = url.rsplit("/", 1)[0], f"legacy_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    yield f"{server}/{name}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE {name} WITH (FORCE)")


def manage(cwd, database, *args, code=None):
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(DATABASE_URL=database, DJANGO_SETTINGS_MODULE="familysite.settings.dev")
    command = [sys.executable, "manage.py", *args] + (["shell", "--command", code] if code else [])
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)


def test_a_database_of_version_0_1_keeps_every_row_under_the_plugins_labels(tmp_path, database):
    old = tmp_path / "old"
    old_checkout(old)
    assert manage(old, database, "migrate", "--verbosity", "0").returncode == 0
    made = manage(old, database, code=MAKE_CONTENT)
    assert made.returncode == 0, made.stderr
    districts, offer_pk, slug = made.stdout.splitlines()[-1].split()

    refused = manage(ROOT, database, "migrate")
    assert refused.returncode != 0
    assert "Run `python manage.py rename_legacy_apps` once, then migrate." in refused.stderr

    renamed = manage(ROOT, database, "rename_legacy_apps")
    assert renamed.returncode == 0, renamed.stderr
    migrated = manage(ROOT, database, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    assert "Applying familientisch_i18n.0001_initial... OK" in migrated.stdout  # made after 0.1
    read = manage(ROOT, database, code=READ_CONTENT.format(pk=offer_pk, slug=slug))
    assert read.returncode == 0, read.stderr
    assert read.stdout.splitlines()[-1] == districts
    assert "Nothing to rename" in manage(ROOT, database, "rename_legacy_apps").stdout
