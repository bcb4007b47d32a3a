"""What counting visitors costs a request (familientisch.statistics): the one statement that
adds a page view with its search and filters, on the database DATABASE_URL names.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_statistics \\
        .venv/bin/python benchmarks/statistics_counting.py

Creates and migrates the database if needed, then times BENCH_ROUNDS counts of a navigator
search (a page view, a search, two filters) over BENCH_KEYS different searches, the way
the middleware adds them, and prints p50/p95 per counted request and the rows it left.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "familysite.settings.dev")
os.environ.setdefault("DEBUG", "0")

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2000"))
KEYS = int(os.environ.get("BENCH_KEYS", "200"))


def main():
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from familientisch.statistics.counting import add
    from familientisch.statistics.models import MonthlyCount

    call_command("migrate", verbosity=0)
    MonthlyCount.objects.all().delete()
    timings = []
    for n in range(ROUNDS):
        counted = [
            ("page_view", "/de/navigator/"),
            ("search", f"kinder {n % KEYS}"),
            ("filter", "age=2"),
            ("filter", f"district=bezirk-{n % 10}"),
        ]
        start = time.perf_counter()
        add(counted, "de")
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95)]
    print(f"database: {connection.vendor}, {ROUNDS} counted requests, {KEYS} searches")
    print(f"per counted request: p50 {statistics.median(timings):.3f} ms, p95 {p95:.3f} ms")
    print(f"rows: {MonthlyCount.objects.count()}")


if __name__ == "__main__":
    main()
