"""Cost of the one search (familientisch.search) on PostgreSQL at 10,000 offers, or as many as
BENCH_OFFERS says (100,000 for a region): the time to build every search text, then p50/p95
time and SQL queries per search, for the site search (count and the first ten, ranked) and the
navigator's text filter (the ids of every match), in German and in Arabic.

One command (the database of benchmarks/navigator.py; filled once if it is empty):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_navigator \\
        .venv/bin/python benchmarks/site_search.py

The searches: common words (many matches), a synonym, a typo (the "did you mean" path), an
Arabic word that finds German offers through the synonyms, and a word found nowhere.
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
SEARCHES = [
    ("de", "Kinder"),
    ("de", "Beratung Familie"),
    ("de", "Spielgruppe"),
    ("de", "Krabelgruppe"),
    ("ar", "لجوء"),
    ("de", "Zauberei"),
]


def timed(action, rounds):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, queries = [], set()
    for _round in range(rounds):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            found = action()
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
    from django.core.cache import cache
    from django.core.management import call_command
    from django.core.paginator import Paginator
    from wagtail.models import Page

    from familientisch.offers.models import OfferPage
    from familientisch.search.documents import rebuild
    from familientisch.search.models import SearchText
    from familientisch.search.query import TextSearch

    call_command("migrate", verbosity=0)
    navigator = fill(OFFERS)
    started = time.perf_counter()
    rebuild()
    seconds = time.perf_counter() - started
    pages = Page.objects.live().public().filter(locale=navigator.locale, depth__gt=1)
    offers = OfferPage.objects.filter(locale=navigator.locale)
    print(
        f"{pages.count()} pages ({offers.count()} offers): {SearchText.objects.count()} search"
        f" texts built in {seconds:.1f} s ({pages.count() / seconds:.0f} pages/s)"
    )
    print(f"{'search':<28} {'p50 ms':>7} {'p95 ms':>7} {'queries':>8} {'found':>7}")
    for language, words in SEARCHES:

        def site_search(words=words, language=language):
            search = TextSearch(words, language)
            page = Paginator(search.ranked(pages), 10).get_page(1)
            list(page)
            return page.paginator.count

        def navigator_filter(words=words, language=language):
            search = TextSearch(words, language)
            return len(set(search.pages(offers).values_list("pk", flat=True)))

        for label, action in [("site", site_search), ("navigator", navigator_filter)]:
            cache.clear()
            action()  # the synonyms into the cache, as on a running site
            timings, queries, found = timed(action, ROUNDS)
            print(
                f"{label + ' ' + words + ' (' + language + ')':<28}"
                f" {statistics.median(timings):>7.1f} {percentile(timings, 0.95):>7.1f}"
                f" {'/'.join(map(str, queries)):>8} {found:>7}"
            )


if __name__ == "__main__":
    main()
