"""Speed of the Familien-Navigator with 10,000 offers on PostgreSQL.

One command (creates the database if needed, migrates, fills it once, then measures):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_navigator \\
        .venv/bin/python benchmarks/navigator.py

It fills the database with 10,000 offers spread over all districts, quarters and categories
(pages are inserted in bulk: treebeard's add_child takes a query per page), then requests the
navigator page through the whole Django stack (middleware, Wagtail routing, templates) for a
mix of searches, and reports p50/p95 server time and the number of SQL queries per request;
then the same searches through the JSON API (`/api/v1/offers/`, with its facet counts).
Set BENCH_OFFERS to change the number of offers, BENCH_ROUNDS the repetitions per search.
"""

import datetime
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "familysite.settings.dev")
os.environ.setdefault("DEBUG", "0")

OFFERS = int(os.environ.get("BENCH_OFFERS", "10000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))
SEARCHES = {
    "all, first page": {},
    "free text": {"q": "Kinder"},
    "free text, two words": {"q": "Beratung Familie"},
    "age": {"age": "2"},
    "district": {"district": "bezirk-3"},
    "category": {"category": "fruehe-hilfen"},
    "combined": {"district": "bezirk-3", "age": "4", "category": "bildung", "free": "1"},
    "text and filters": {"q": "Sprache", "district": "bezirk-1", "language": "ar"},
    "life stage and wheelchair": {"stage": "toddler", "wheelchair": "1"},
    "near, distance sort": {"near": "51.2277,6.7735", "age": "6"},
    "quarter name, radius": {"near": "Bilk", "radius": "2"},
    "open tomorrow morning": {"when": "tomorrow", "daytime": "morning", "age": "2"},
    "open now": {"when": "now"},
    "page 20": {"page": "20"},
    "nothing found": {"district": "bezirk-10", "category": "kultur", "language": "ti", "age": "20"},
}


def ensure_database(url):
    import psycopg

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not exists.fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def bulk_children(parent, pages):
    """Insert `pages` (unsaved instances of one Page subclass) as children of `parent` in a
    few statements: treebeard paths are computed here, the base rows bulk-created, the
    subclass rows inserted with their own columns."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Page

    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    start = parent.numchild
    now = timezone.now()
    base_rows = []
    for number, page in enumerate(pages, start=start + 1):
        base_rows.append(
            Page(
                title=page.title,
                draft_title=page.title,
                slug=page.slug,
                content_type=content_type,
                path=Page._get_path(parent.path, parent.depth + 1, number),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{page.slug}/",
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
        )
    Page.objects.bulk_create(base_rows, batch_size=1000)
    Page.objects.filter(pk=parent.pk).update(numchild=start + len(pages))
    parent.numchild = start + len(pages)
    fields = list(model._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    rows = []
    for base, page in zip(base_rows, pages, strict=True):
        page.pk = page.page_ptr_id = base.pk
        rows.append([f.get_db_prep_save(f.pre_save(page, True), connection) for f in fields])
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({marks})", rows)
    return pages


def fill(count):
    from django.db import transaction

    from familientisch.core.demo_helpers import child_page
    from familientisch.offers.demo import hours
    from familientisch.offers.demo_data import EARLY_HELP, EVERYDAY_OFFERS, PROVIDERS, WELCOME_HOURS
    from familientisch.offers.models import OfferIndexPage, OfferPage, OfferPlace
    from familientisch.partners.models import PartnerIndexPage, PartnerPage
    from familientisch.taxonomy.models import Category, District, Language, TargetGroup
    from familientisch.taxonomy.seed import seed_taxonomies
    from home.demo import build_site

    random.seed(4)
    with transaction.atomic():
        home = build_site()
        seed_taxonomies()
        navigator = child_page(home, OfferIndexPage, "navigator", title="Familien-Navigator")
        if OfferPage.objects.filter(locale=home.locale).count() >= count:
            return navigator
        partners_index = child_page(home, PartnerIndexPage, "partner", title="Partner")
        providers = bulk_children(
            partners_index,
            [
                PartnerPage(title=f"{title} ({n})", slug=f"bench-partner-{n}", kind=kind)
                for n in range(100)
                for title, kind in [list(PROVIDERS.values())[n % len(PROVIDERS)]]
            ],
        )
        source = {"locale": home.locale}
        districts = list(District.objects.filter(**source).prefetch_related("quarters"))
        categories = list(Category.objects.filter(**source))
        groups = list(TargetGroup.objects.filter(**source))
        languages = list(Language.objects.all())
        templates = [
            (title, cats, grps, ages, cost, langs, entries, summary)
            for title, _p, cats, grps, ages, cost, langs, entries, summary in EVERYDAY_OFFERS
        ] + [
            (title, ["fruehe-hilfen"], grps, ages, "free", ["de", "tr"], WELCOME_HOURS, summary)
            for title, _p, grps, ages, _pregnancy, summary in EARLY_HELP
        ]
        expired = datetime.date.today() - datetime.timedelta(days=30)
        offers, places, links = [], [], []
        for n in range(count):
            title, cats, grps, ages, cost, langs, entries, summary = templates[n % len(templates)]
            district = districts[n % len(districts)]
            quarter = random.choice(list(district.quarters.all()))
            offers.append(
                OfferPage(
                    title=f"{title} {quarter.name} {n}",
                    slug=f"angebot-{n}",
                    summary=summary,
                    description=f"<p>{summary} Für Kinder und ihre Familien im {quarter.name}.</p>",
                    provider=providers[n % len(providers)],
                    age_min_months=ages[0],
                    age_max_months=ages[1],
                    for_expectant_parents=n % 17 == 0,
                    cost=cost if n % 5 else random.choice(["free", "reduced", "fee"]),
                    valid_until=None if n % 13 else expired,
                )
            )
            places.append((n, district, quarter, entries))
            links.append(
                (
                    [c for c in categories if c.slug in cats] or [random.choice(categories)],
                    [g for g in groups if g.slug in grps],
                    [lang for lang in languages if lang.code in langs]
                    + random.sample(languages, 2),
                )
            )
        offers = bulk_children(navigator, offers)
        OfferPlace.objects.bulk_create(
            [
                OfferPlace(
                    page=offers[n],
                    locale=home.locale,
                    translation_key=uuid.uuid4(),
                    place_name=f"Treffpunkt {quarter.name}",
                    street=f"{quarter.name}er Straße {n % 120 + 1}",
                    postcode="40210",
                    district=district,
                    quarter=quarter,
                    latitude=district.latitude + random.uniform(-0.02, 0.02),
                    longitude=district.longitude + random.uniform(-0.03, 0.03),
                    wheelchair_access=random.choice(["yes", "no", "unknown"]),
                    opening_hours=hours(entries),
                )
                for n, district, quarter, entries in places
            ],
            batch_size=1000,
        )
        for relation, position in [("categories", 0), ("target_groups", 1), ("languages", 2)]:
            through = getattr(OfferPage, relation).through
            target = through._meta.get_field(
                {"categories": "category", "target_groups": "targetgroup"}.get(relation, "language")
            )
            through.objects.bulk_create(
                [
                    through(offerpage_id=offer.pk, **{target.attname: item.pk})
                    for offer, link in zip(offers, links, strict=True)
                    for item in set(link[position])
                ],
                batch_size=2000,
            )
    from django.db import connection

    from familientisch.search.documents import rebuild
    from familientisch.search.models import SearchText

    if not SearchText.objects.exists():
        rebuild()

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return navigator


API_URL = "/api/v1/offers/"


def measure(navigator, url):
    from django.db import connection
    from django.http import QueryDict
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from familientisch.offers.models import OfferPage
    from familientisch.offers.search import search_offers

    client = Client(HTTP_HOST="localhost")
    results = []
    for label, params in SEARCHES.items():
        client.get(url, params)  # warm caches (site root, taxonomy names)
        timings, queries = [], set()
        for _round in range(ROUNDS):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url, params)
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (label, response.status_code)
            queries.add(len(captured.captured_queries))
        query = QueryDict(urlencode(params))
        total = search_offers(OfferPage.objects, query, navigator.locale).total
        results.append((label, timings, sorted(queries), total))
    return results


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit(
            "Set DATABASE_URL to a PostgreSQL database, e.g. postgres://postgres@127.0.0.1:5432/bench_navigator"
        )
    ensure_database(url)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    navigator = fill(OFFERS)
    from familientisch.offers.models import OfferPage

    count = OfferPage.objects.count()
    print(f"{count} offers ready in {time.perf_counter() - started:.1f} s")
    for title, url in [("search", navigator.url), ("API search", API_URL)]:
        report(title, measure(navigator, url))


def report(title, results):
    every = [t for _label, timings, _q, _n in results for t in timings]
    print(f"\n{title:<28} {'results':>7} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for label, timings, queries, total in results:
        print(
            f"{label:<28} {total:>7} {percentile(timings, 0.5):>8.1f} "
            f"{percentile(timings, 0.95):>8.1f} {'/'.join(map(str, queries)):>8}"
        )
    print(
        f"{'all searches':<28} {'':>7} {statistics.median(every):>8.1f} "
        f"{percentile(every, 0.95):>8.1f}"
    )


if __name__ == "__main__":
    main()
