"""The office's monthly view of the counts: tables of one month and a bar chart of the page
views of the twelve months up to it, drawn here as plain SVG shapes (no script, nothing loaded
from elsewhere; the chart's numbers are in a table as well)."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Sum

from .models import Kind, MonthlyCount

TOP = 50
MONTHS_OFFERED = 12
CHART_WIDTH, CHART_HEIGHT, BAR_GAP = 600, 160, 8


def months_before(month, count):
    """`count` first days of months, from `month` backwards."""
    months = []
    for _index in range(count):
        months.append(month)
        month = (month - dt.timedelta(days=1)).replace(day=1)
    return months


def chosen_month(value, current):
    """The month of "YYYY-MM", or the current one for anything else."""
    try:
        return dt.datetime.strptime(value or "", "%Y-%m").date()
    except ValueError:
        return current


@dataclass
class Bar:
    month: dt.date
    count: int
    x: int = 0
    y: int = 0
    width: int = 0
    height: int = 0
    middle: int = 0  # where its month is written below it


def page_view_bars(month):
    """The page views of the twelve months up to `month`, oldest first, placed in the chart."""
    months = list(reversed(months_before(month, MONTHS_OFFERED)))
    totals = dict(
        MonthlyCount.objects.filter(kind=Kind.PAGE_VIEW, month__in=months)
        .values_list("month")
        .annotate(total=Sum("count"))
    )
    bars = [Bar(m, totals.get(m, 0)) for m in months]
    highest = max(bar.count for bar in bars) or 1
    width = CHART_WIDTH // len(bars)
    for index, bar in enumerate(bars):
        bar.width = width - BAR_GAP
        bar.x = index * width + BAR_GAP // 2
        bar.height = round(bar.count / highest * CHART_HEIGHT)
        bar.y = CHART_HEIGHT - bar.height
        bar.middle = bar.x + bar.width // 2
    return bars


def month_rows(month, kind, limit=TOP):
    return list(
        MonthlyCount.objects.filter(month=month, kind=kind).order_by("-count", "key", "language")[
            :limit
        ]
    )


def views_per_language(month):
    names = dict(settings.LANGUAGES)
    totals = (
        MonthlyCount.objects.filter(month=month, kind=Kind.PAGE_VIEW)
        .values_list("language")
        .annotate(total=Sum("count"))
        .order_by("-total", "language")
    )
    return [(names.get(code, code), total) for code, total in totals]


def month_report(month):
    return {
        "searches": month_rows(month, Kind.SEARCH),
        "searches_without_results": month_rows(month, Kind.SEARCH_WITHOUT_RESULTS),
        "filters": month_rows(month, Kind.FILTER),
        "views_per_language": views_per_language(month),
        "pages": month_rows(month, Kind.PAGE_VIEW),
        "feeds": month_rows(month, Kind.FEED_FETCH),
        "bars": page_view_bars(month),
        "chart": {"width": CHART_WIDTH, "height": CHART_HEIGHT, "labels_at": CHART_HEIGHT + 16},
    }


def all_rows(month):
    """Every count of the month, for the CSV download."""
    return MonthlyCount.objects.filter(month=month).order_by("kind", "-count", "key", "language")
