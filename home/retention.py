"""Personal data the home app keeps, and for how long: a barrier report's reply address is
removed BARRIER_REPORT_RETENTION_DAYS after the report came in, and the report itself (its text
may name people) once it is handled and that old. `manage.py purge_personal_data` runs `purge`
daily, with the rule every app's reports from visitors follow (`core.visitor_reports`)."""

from django.conf import settings

from familientisch.core.visitor_reports import purge_reports

from .models import BarrierReport


def barrier_report_days():
    return getattr(settings, "BARRIER_REPORT_RETENTION_DAYS", 365)


def purge(now):
    deleted, blanked = purge_reports(BarrierReport.objects.all(), barrier_report_days(), now)
    return {"barrier reports deleted": deleted, "barrier report addresses removed": blanked}
