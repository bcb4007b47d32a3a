"""Adding one to a month's counts. Counting never breaks a request: a database that refuses is
logged and the visitor gets their page."""

import logging
import re

from django.db import DatabaseError, connections, router, transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import KEY_LENGTH, MonthlyCount

logger = logging.getLogger(__name__)

QUERY_LENGTH = 80
SPACES = re.compile(r"\s+")


def normalise(query):
    """One row for "Kita  Bilk" and "kita bilk"; long pastes are cut, so that a row stays a
    search and never becomes a text somebody wrote."""
    return SPACES.sub(" ", query.replace("\x00", "")).strip().lower()[:QUERY_LENGTH].strip()


def this_month():
    return timezone.localdate().replace(day=1)


def add(counted, language="", month=None):
    """One more for each (kind, key) this month, all in one statement (a page view with its
    search and filters; the pages have query budgets, and the pages from the cache would
    otherwise reach the database only for this)."""
    month = month or this_month()
    # Sorted: requests adding to the same rows at once lock them in the same order.
    rows = sorted({(kind, key[:KEY_LENGTH]) for kind, key in counted})
    if not rows:
        return
    connection = connections[router.db_for_write(MonthlyCount)]
    try:
        if connection.vendor in UPSERT_VENDORS:
            upsert(connection, rows, month, language[:8])
        else:
            insert_then_update(rows, month, language[:8])
    except DatabaseError:
        # Outside any transaction (the middleware runs after the view's): nothing to spoil.
        logger.exception("could not count %s", ", ".join(sorted({kind for kind, _key in rows})))


# Databases that add to a row or make it in one INSERT ... ON CONFLICT, at the same moment as
# other requests without losing any count.
UPSERT_VENDORS = {"postgresql", "sqlite"}


def upsert(connection, rows, month, language):
    quote = connection.ops.quote_name
    table = quote(MonthlyCount._meta.db_table)
    unique = ", ".join(quote(name) for name in ("month", "kind", "key", "language"))
    count = quote("count")
    values = ", ".join(["(%s, %s, %s, %s, 1)"] * len(rows))
    sql = (
        f"INSERT INTO {table} ({unique}, {count}) VALUES {values} "
        f"ON CONFLICT ({unique}) DO UPDATE SET {count} = {table}.{count} + 1"
    )
    day = connection.ops.adapt_datefield_value(month)
    params = [value for kind, key in rows for value in (day, kind, key, language)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def insert_then_update(rows, month, language):
    """The same on other databases, in two statements: the missing rows are made with nought
    (or left to another request that makes them at the same moment), then one UPDATE adds one
    to each."""
    these = Q()
    for kind, key in rows:
        these |= Q(kind=kind, key=key)
    with transaction.atomic():
        MonthlyCount.objects.bulk_create(
            [
                MonthlyCount(month=month, kind=kind, key=key, language=language)
                for kind, key in rows
            ],
            ignore_conflicts=True,
        )
        MonthlyCount.objects.filter(these, month=month, language=language).update(
            count=F("count") + 1
        )
