"""Personal data the offers app keeps, and for how long: a mistake report's address for
questions is removed MISTAKE_REPORT_RETENTION_DAYS after the report came in, and the report
itself once it is handled and that old. `manage.py purge_personal_data` runs `purge` daily."""

from familientisch.conf import setting
from familientisch.core.visitor_reports import purge_reports

from .models import MistakeReport


def mistake_report_days():
    return setting("MISTAKE_REPORT_RETENTION_DAYS")


def purge(now):
    deleted, blanked = purge_reports(MistakeReport.objects.all(), mistake_report_days(), now)
    return {"mistake reports deleted": deleted, "mistake report addresses removed": blanked}
