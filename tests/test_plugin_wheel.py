"""The plugin installs from its wheel alone (issue: the wheel had 85 files, no templates,
migrations, static files or catalogues, and only the editable install hid it): the wheel holds
every file of the package familientisch that git tracks, and nothing of this site."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_carries_every_file_of_the_plugin_and_nothing_of_this_site(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp_path, ROOT],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("familientisch-*.whl")
    packaged = {
        name
        for name in zipfile.ZipFile(wheel).namelist()
        if not name.startswith("familientisch-") and not name.endswith("/")
    }
    tracked = subprocess.run(
        ["git", "ls-files", "familientisch"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.split()
    assert set(tracked) - packaged == set()
    assert {name.split("/")[0] for name in packaged} == {"familientisch"}
    kinds = ("templates", "static", "migrations")
    for app in ["core", "events", "offers", "partners", "protocols", "taxonomy"]:
        assert (
            any(f"familientisch/{app}/migrations/0001" in name for name in packaged)
            or app == "core"
        )
        assert any(
            f"familientisch/{app}/" in name and any(k in name for k in kinds) for name in packaged
        )
    assert {
        f"familientisch/locale/{code}/LC_MESSAGES/django.mo" for code in ["de", "ar", "fa"]
    } <= packaged
