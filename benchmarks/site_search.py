"""Cost of searching each language by its own rules: the site search's backend
(i18n.search_backend) beside Wagtail's own database backend, on PostgreSQL with 10,000 offers.

One command (the database of benchmarks/navigator.py; filled once if it is empty):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_navigator \\
        .venv/bin/python benchmarks/site_search.py

For each backend it rebuilds the search index of the offers (seconds, pages a second), then
runs a mix of searches as the site search does (count and first page of ten) with German and
with English as the visitor's language, and reports p50/p95 time and SQL queries per search.
Both backends write the same index table: the per-language one runs last and stays.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "familysite.settings.dev")
os.environ.setdefault("DEBUG", "0")

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))
QUERIES = ["Kinder", "Beratung Familie", "Eltern", "Spielgruppe", "Zauberei"]
BACKENDS = {
    "Wagtail database": "wagtail.search.backends.database",
    "per language": "familientisch.i18n.search_backend",
}
BATCH = 1000


def rebuild(backend, pages):
    started = time.perf_counter()
    index = backend.get_index_for_model(pages.model)
    index.reset()
    ids = list(pages.values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        index.add_items(pages.model, list(pages.filter(pk__in=ids[start : start + BATCH])))
    return len(ids), time.perf_counter() - started


def measure(backend, pages, language):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    timings, queries, found = [], set(), {}
    for text in QUERIES:
        for _round in range(ROUNDS):
            with translation.override(language), CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                results = backend.search(text, pages)
                found[text] = results.count()
                list(results[:10])
                timings.append((time.perf_counter() - started) * 1000)
            queries.add(len(captured.captured_queries))
    return timings, sorted(queries), found


def main():
    from navigator import OFFERS, ensure_database, fill, percentile

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database (see the docstring).")
    ensure_database(url)
    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.search.backends import get_search_backend

    from familientisch.offers.models import OfferPage

    call_command("migrate", verbosity=0)
    navigator = fill(OFFERS)
    pages = OfferPage.objects.live().filter(locale=navigator.locale)
    print(f"{'backend':<18} {'pages':>6} {'index s':>8} {'pages/s':>8}   language", end="")
    print(f" {'p50 ms':>7} {'p95 ms':>7} {'queries':>8}  results per query")
    for label, path in BACKENDS.items():
        backend = get_search_backend(path, SEARCH_CONFIG="german")
        count, seconds = rebuild(backend, pages)
        for language in ["de", "en"]:
            timings, queries, found = measure(backend, pages, language)
            print(
                f"{label:<18} {count:>6} {seconds:>8.1f} {count / seconds:>8.0f}   {language:<8}"
                f" {statistics.median(timings):>7.1f} {percentile(timings, 0.95):>7.1f}"
                f" {'/'.join(map(str, queries)):>8}  {found}"
            )


if __name__ == "__main__":
    main()
