"""The interface speaks all eight languages: every catalogue is complete and well-formed, drafts
say they await a native speaker's review, and pages use them."""

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from familientisch.i18n.localization import synchronise_locales

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "familientisch" / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
SOURCES = ["familysite", "home", "operations", "accounts", "familientisch", "templates"]


def messages(path):
    return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path))}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_is_complete_and_compiles(language):
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path))
    assert catalogue.percent_translated() == 100
    assert not [entry.msgid for entry in catalogue if "fuzzy" in entry.flags]
    subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(path)], check=True)
    compiled = path.with_suffix(".mo")
    assert compiled.exists() and compiled.stat().st_mtime >= path.stat().st_mtime - 5


def test_every_string_the_code_marks_is_in_the_catalogues(tmp_path, monkeypatch):
    # makemessages over a copy of the code, so that the catalogues themselves stay untouched.
    for name in SOURCES:
        shutil.copytree(
            ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("static", "locale")
        )
    (tmp_path / "locale").mkdir()
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["de"], verbosity=0)
    extracted = messages(tmp_path / "locale" / "de" / "LC_MESSAGES" / "django.po")
    for language in LANGUAGES:
        missing = extracted - messages(LOCALE / language / "LC_MESSAGES" / "django.po")
        assert not missing, f"{language} lacks {sorted(missing, key=str)}"


@pytest.mark.parametrize("language", ["tr", "ar", "fa", "uk", "ru", "pl"])
def test_draft_catalogues_ask_for_a_native_speakers_review(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert catalogue.metadata["X-Review-Status"].startswith("draft")


@override_settings(LOCALE_PATHS=[LOCALE])
@pytest.mark.parametrize(
    ("language", "skip_link"),
    [("de", "Zum Hauptinhalt springen"), ("ar", None), ("uk", None)],
)
def test_pages_speak_the_visitors_language(client, home, language, skip_link):
    synchronise_locales()
    html = client.get(f"/{language}/").content.decode()
    text = html.split('class="skip-link"')[1].split("</a>")[0]
    assert "Skip to main content" not in text
    if skip_link:
        assert skip_link in text
