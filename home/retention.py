"""Personal data the home app keeps, and for how long: a barrier report's reply address is
removed BARRIER_REPORT_RETENTION_DAYS after the report came in, and the report itself (its text
may name people) once it is handled and that old. `manage.py purge_personal_data` runs `purge`
daily; other apps' reports from visitors follow the same rule through `purge_reports`."""

import datetime as dt

from django.conf import settings

from .models import BarrierReport


def purge_reports(reports, days, now):
    """Delete the handled reports older than `days` and blank the address of the others."""
    due = reports.filter(created_at__lt=now - dt.timedelta(days=days))
    deleted, _ = due.filter(handled=True).delete()
    blanked = due.exclude(email="").update(email="")
    return deleted, blanked


def barrier_report_days():
    return getattr(settings, "BARRIER_REPORT_RETENTION_DAYS", 365)


def purge(now):
    deleted, blanked = purge_reports(BarrierReport.objects.all(), barrier_report_days(), now)
    return {"barrier reports deleted": deleted, "barrier report addresses removed": blanked}
