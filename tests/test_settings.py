"""Settings come from the environment; production refuses to start without a secret."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_python(code, settings_module, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    environment.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def production_env(**extra):
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "familientisch.example",
    } | extra


def test_production_without_secret_key_stops_with_one_line():
    environment = {"SECRET_KEY": ""}
    result = run_python(
        "import django; django.setup()", "familysite.settings.production", **environment
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "SECRET_KEY is not set: production settings need a long random SECRET_KEY."
    ]


def test_production_check_deploy_reports_nothing():
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update(DJANGO_SETTINGS_MODULE="familysite.settings.production", **production_env())
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_database_defaults_to_sqlite_and_follows_database_url():
    show = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    default = run_python(show, "familysite.settings.dev")
    postgres = run_python(
        show, "familysite.settings.dev", DATABASE_URL="postgres://u@db.example:5432/family"
    )
    assert default.stdout.strip() == "django.db.backends.sqlite3"
    assert postgres.stdout.strip() == "django.db.backends.postgresql"


def test_redis_url_switches_the_cache():
    show = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    local = run_python(show, "familysite.settings.dev")
    redis = run_python(show, "familysite.settings.dev", REDIS_URL="redis://127.0.0.1:6379/1")
    assert local.stdout.strip().endswith("LocMemCache")
    assert redis.stdout.strip() == "operations.cache.ResilientRedisCache"


def test_debug_comes_from_the_environment():
    show = "from django.conf import settings; print(settings.DEBUG, settings.ALLOWED_HOSTS)"
    result = run_python(
        show,
        "familysite.settings.production",
        **production_env(DEBUG="true", ALLOWED_HOSTS="a.example,b.example"),
    )
    assert result.stdout.strip() == "False ['a.example', 'b.example']"


def test_machine_translator_is_offline_unless_a_service_is_configured():
    show = (
        "from wagtail_localize.machine_translators import get_machine_translator as get; "
        "print(type(get()).__name__)"
    )
    offline = run_python(f"import django; django.setup(); {show}", "familysite.settings.dev")
    deepl = run_python(
        f"import django; django.setup(); {show}",
        "familysite.settings.dev",
        MACHINE_TRANSLATOR="deepl",
        DEEPL_AUTH_KEY="key:fx",
    )
    assert offline.stdout.strip() == "OfflineTestTranslator"
    assert deepl.stdout.strip() == "DeepLTranslator"
