"""The proxy asks /healthz whether an app server can serve; logs tell one request's story."""

import json
import os
import socket
import uuid

import pytest
from django.core.cache import caches

from tests.test_settings import production_env, run_python

# A database of its own per pytest-xdist worker: the fixture empties it after each test, which
# must not empty it under a test of the other worker.
REDIS = f"redis://127.0.0.1:6379/{10 + int(os.environ.get('PYTEST_XDIST_WORKER', 'gw0')[2:])}"


def redis_cache(location):
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": location,
        "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis(settings):
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    settings.CACHES = {"default": redis_cache(REDIS), "renditions": redis_cache(REDIS)}
    yield caches["default"]
    caches["default"].clear()


def test_healthz_answers_ok_for_database_and_cache_and_is_never_cached(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_names_an_unreachable_cache_with_503(client, db, settings):
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{closed_port()}/0")}
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable"}


def test_redis_keeps_what_the_site_stores(redis, client, db):
    redis.set("familie", {"kinder": 2}, 30)
    assert redis.get("familie") == {"kinder": 2}
    assert client.get("/healthz").json() == {"database": "ok", "cache": "ok"}


def test_the_page_cache_on_redis_shows_a_publication_at_once(redis, client, home, settings):
    settings.PAGE_CACHE_SECONDS = 300
    assert client.get("/de/")["X-Page-Cache"] == "miss"
    assert client.get("/de/")["X-Page-Cache"] == "hit"
    home.title = "Willkommen beim Familientisch"
    home.save_revision().publish()
    response = client.get("/de/")
    assert response["X-Page-Cache"] == "miss"
    assert "Willkommen beim Familientisch" in response.content.decode()


REQUEST = """
import django
django.setup()
from django.test import Client
client = Client()
given = client.get("/healthz", HTTP_X_REQUEST_ID="anfrage-42")
made = client.get("/healthz")
print(given["X-Request-ID"], made["X-Request-ID"])
"""


def test_production_logs_one_json_object_a_line_with_the_request_id(tmp_path):
    result = run_python(
        REQUEST,
        "familysite.settings.production",
        **production_env(
            ALLOWED_HOSTS="testserver",
            SECURE_SSL_REDIRECT="off",
            DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
            # The cache is unreachable, so the failing check logs from inside the request.
            REDIS_URL=f"redis://127.0.0.1:{closed_port()}/0",
        ),
    )
    assert result.returncode == 0, result.stderr
    given, made = result.stdout.split()
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert given == "anfrage-42"
    assert len(made) == 32
    failure = next(line for line in lines if line["message"] == "health check failed: cache")
    assert failure["request_id"] == "anfrage-42"
    assert failure["level"] == "ERROR"
    assert "ConnectionError" in failure["exception"]
    access = [line for line in lines if line["logger"] == "familientisch.access"]
    assert [(line["request_id"], line["message"], line["status"]) for line in access] == [
        ("anfrage-42", "GET /healthz 503", 503),
        (made, "GET /healthz 503", 503),
    ]
    assert all({"timestamp", "level", "logger", "message"} <= line.keys() for line in lines)
