"""Moving from one process to a cluster is a matter of environment variables, never of code."""

import json

from tests.test_settings import production_env, run_python

SHOW = """
import json, django
from django.conf import settings
django.setup()
from django.core.files.storage import storages
default_storage = storages["default"]
print(json.dumps({
    "caches": {n: [c["BACKEND"], c.get("KEY_PREFIX", "")] for n, c in settings.CACHES.items()},
    "page_cache": settings.PAGE_CACHE_SECONDS,
    "storage": type(default_storage).__name__,
    "media_url": default_storage.url("bilder/logo.png"),
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
    "search": settings.WAGTAILSEARCH_BACKENDS["default"],
    "purgers": settings.WAGTAILFRONTENDCACHE,
    "tasks": settings.TASKS["default"]["BACKEND"],
}))
"""


def production_settings(**env):
    result = run_python(SHOW, "familysite.settings.production", **production_env(**env))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_services_everything_runs_in_one_process():
    shown = production_settings()
    assert shown["caches"]["default"][0].endswith("LocMemCache")
    # ...except the rate limits, which every worker must add to.
    assert shown["caches"]["rate-limits"][0].endswith("DatabaseCache")
    assert shown["page_cache"] == 0
    assert shown["storage"] == "FileSystemStorage"
    assert shown["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert shown["search"]["BACKEND"] == "familientisch.i18n.search_backend"
    assert shown["purgers"] == {}
    assert shown["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"


def test_redis_url_shares_the_cache_keeps_renditions_apart_and_turns_on_the_page_cache():
    shown = production_settings(REDIS_URL="redis://cache.internal:6379/0")
    redis, resilient = "django.core.cache.backends.redis.RedisCache", "operations.cache."
    assert shown["caches"] == {
        "default": [resilient + "ResilientRedisCache", "familientisch"],
        "renditions": [resilient + "ResilientRedisCache", "familientisch-renditions"],
        "rate-limits": [redis, "familientisch-rate-limits"],
    }
    assert shown["page_cache"] == 300


def test_a_bucket_name_puts_media_on_s3_behind_the_custom_domain():
    shown = production_settings(
        AWS_STORAGE_BUCKET_NAME="familientisch-media",
        AWS_S3_ENDPOINT_URL="https://s3.example",
        AWS_S3_CUSTOM_DOMAIN="media.familientisch.example",
    )
    assert shown["storage"] == "S3Storage"
    assert shown["media_url"] == "https://media.familientisch.example/bilder/logo.png"
    assert shown["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_a_search_url_selects_the_cluster_backend():
    opensearch = production_settings(SEARCH_URL="https://search-1:9200,https://search-2:9200")
    elastic = production_settings(SEARCH_URL="https://es:9200", SEARCH_BACKEND="elasticsearch9")
    assert opensearch["search"]["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert opensearch["search"]["URLS"] == ["https://search-1:9200", "https://search-2:9200"]
    assert elastic["search"]["BACKEND"] == "wagtail.search.backends.elasticsearch9"


def test_an_unknown_search_backend_stops_start_up_with_the_choices():
    result = run_python(
        SHOW, "familysite.settings.production", **production_env(SEARCH_BACKEND="solr")
    )
    assert result.returncode != 0
    assert "SEARCH_BACKEND must be database or one of" in result.stderr


def test_purge_url_and_cloudflare_zone_configure_wagtails_frontend_cache():
    shown = production_settings(
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081",
        CLOUDFLARE_ZONE_ID="zone",
        CLOUDFLARE_API_TOKEN="token",
    )
    assert shown["purgers"]["proxy"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://127.0.0.1:6081",
    }
    assert shown["purgers"]["cloudflare"]["BACKEND"].endswith("CloudflareBackend")
    assert shown["purgers"]["cloudflare"]["ZONEID"] == "zone"


def test_tasks_backend_database_hands_background_work_to_the_worker():
    shown = production_settings(TASKS_BACKEND="database")
    assert shown["tasks"] == "django_tasks_db.DatabaseBackend"


def test_trusted_proxies_come_from_the_environment_and_a_typo_stops_start_up():
    show = "import django; django.setup(); from django.conf import settings; "
    show += "print(settings.TRUSTED_PROXIES)"
    prod = "familysite.settings.production"
    trusted = run_python(show, prod, **production_env(TRUSTED_PROXIES="10.0.0.2, 10.1.0.0/16"))
    assert trusted.stdout.strip() == "['10.0.0.2/32', '10.1.0.0/16']", trusted.stderr
    typo = run_python(show, prod, **production_env(TRUSTED_PROXIES="10.0.0.300"))
    assert typo.returncode != 0
    assert "TRUSTED_PROXIES" in typo.stderr
