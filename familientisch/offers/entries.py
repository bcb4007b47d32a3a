"""A compact, cached picture of every current offer of a locale: just what the filters and
facet counts need (ids of districts, categories, languages, ages, ...).

Counting facets in SQL takes one query per filter over the whole table; at 10,000 offers that
is too slow for a phone. Filtering these small records in Python takes a few milliseconds and
the same code runs on PostgreSQL and SQLite. The picture is rebuilt after any offer changes
(a version number in the shared cache) and at midnight (the date is part of the key), so expired
offers drop out by themselves.
"""

import uuid
from collections import defaultdict

from django.core.cache import cache
from django.utils import timezone

from familientisch.taxonomy.audience import LIFE_STAGE_MONTHS, Cost, LifeStage, WheelchairAccess

from .opening import closures_of, daytimes_of, slots_of

VERSION_KEY = "navigator-entries-version"
# Kept in each process's memory, not in the shared cache: unpickling 10,000 records on every
# request would cost more than it saves. The shared cache holds only the version, so every
# process notices a change at its next request.
_built = {}


class FacetIndex:
    """Inverted indexes of the current offers of one locale: for each filter value the set of
    offer ids that have it, so filters and facet counts are set intersections."""

    def __init__(self):
        self.order = []  # offer ids by title
        self.points = {}  # offer id: ((latitude, longitude), ...)
        self.slots = {}  # offer id: ((weekday, opens, closes) in minutes, ...)
        self.closures = {}  # offer id: ((first day, last day), ...), only offers with closures
        self.week = defaultdict(list)  # weekday: [(offer id, opens, closes), ...]
        self.by = defaultdict(lambda: defaultdict(set))  # facet name: value: offer ids

    def add(self, pk, facets, points, slots=(), closures=()):
        self.order.append(pk)
        if closures:
            self.closures[pk] = closures
        self.points[pk] = points
        self.slots[pk] = slots
        for weekday, opens, closes in slots:
            self.week[weekday].append((pk, opens, closes))
            for daytime in daytimes_of(opens, closes):
                self.by["open"][(weekday, daytime)].add(pk)
        for name, values in facets.items():
            for value in values:
                self.by[name][value].add(pk)

    def freeze(self):
        self.all = frozenset(self.order)
        self.week = {weekday: tuple(rows) for weekday, rows in self.week.items()}
        self.by = {
            name: {v: frozenset(ids) for v, ids in values.items()}
            for name, values in self.by.items()
        }
        return self

    def having(self, name, value):
        return self.by.get(name, {}).get(value, frozenset())


def stages_of(age_min, age_max, pregnancy):
    stages = {LifeStage.PREGNANCY.value} if pregnancy else set()
    for stage, (first, last) in LIFE_STAGE_MONTHS.items():
        if age_min <= last and age_max >= first:
            stages.add(stage.value)
    return frozenset(stages)


def invalidate_entries(**kwargs):
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def current_index(offers, locale):
    """The FacetIndex of the current offers of `locale`; `offers` is `OfferPage.objects`."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    today = timezone.localdate()
    key = (today, version)
    memo = _built.get(locale.pk)
    if memo is None or memo[0] != key:
        memo = _built[locale.pk] = (key, build_entries(offers, locale, today))
    return memo[1]


def build_entries(offers, locale, today):
    current = (
        offers.live()
        .public()
        .current(today)
        .filter(locale=locale)
        .order_by("title", "pk")
        .values_list("pk", "age_min_months", "age_max_months", "for_expectant_parents", "cost")
    )
    # Places and links of every live offer of the locale, one query each, read from the offers'
    # side (a join per relation, no sorting); only the current offers' rows are used below.
    live = offers.filter(locale=locale, live=True).order_by()
    places = defaultdict(list)
    for row in live.filter(places__isnull=False).values_list(
        "pk",
        "places__district_id",
        "places__quarter_id",
        "places__wheelchair_access",
        "places__latitude",
        "places__longitude",
        "places__opening_hours",
    ):
        places[row[0]].append(row[1:])
    related = {}
    for relation in ("categories", "target_groups", "languages"):
        links = defaultdict(set)
        rows = live.filter(**{f"{relation}__isnull": False}).values_list("pk", relation)
        for page_id, item_id in rows:
            links[page_id].add(item_id)
        related[relation] = links
    index = FacetIndex()
    for pk, age_min, age_max, pregnancy, cost in current:
        own = places.get(pk, [])
        first_year, last_year = age_min // 12, age_max // 12
        index.add(
            pk,
            {
                "age": range(first_year, last_year + 1),
                "stage": stages_of(age_min, age_max, pregnancy),
                "free": ["1"] if cost == Cost.FREE else [],
                "district": {p[0] for p in own if p[0]},
                "quarter": {p[1] for p in own if p[1]},
                "wheelchair": ["1"] if any(p[2] == WheelchairAccess.YES for p in own) else [],
                "category": related["categories"].get(pk, ()),
                "target_group": related["target_groups"].get(pk, ()),
                "language": related["languages"].get(pk, ()),
            },
            tuple((p[3], p[4]) for p in own if p[3] is not None),
            tuple(slot for p in own for slot in slots_of(p[5])),
            tuple(span for p in own for span in closures_of(p[5])),
        )
    return index.freeze()
