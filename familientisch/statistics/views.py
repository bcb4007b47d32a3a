import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import report
from .counting import this_month

PERMISSION = "familientisch_statistics.view_monthlycount"
# A search is typed by a visitor: a cell beginning like this would be a spreadsheet formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def statistics_report(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    current = this_month()
    month = report.chosen_month(request.GET.get("month"), current)
    if request.GET.get("format") == "csv":
        return month_csv(month)
    context = {
        **report.month_report(month),
        "month": month,
        "months": report.months_before(current, report.MONTHS_OFFERED),
        "page_title": _("Statistics"),
    }
    return render(request, "statistics/admin/report.html", context)


def month_csv(month):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="statistics-{month:%Y-%m}.csv"'
    writer = csv.writer(response)
    writer.writerow(["month", "kind", "key", "language", "count"])
    for row in report.all_rows(month):
        key = f"'{row.key}" if row.key.startswith(FORMULA_STARTS) else row.key
        writer.writerow([f"{row.month:%Y-%m}", row.kind, key, row.language, row.count])
    return response
