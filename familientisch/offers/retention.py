"""Personal data the offers app keeps, and for how long: a mistake report's address for
questions, and the name a provider may give with a change, are removed
MISTAKE_REPORT_RETENTION_DAYS after the report came in, and the report itself once it is
handled and that old. `manage.py purge_personal_data` runs `purge` daily."""

import datetime as dt

from familientisch.conf import setting
from familientisch.core.visitor_reports import purge_reports

from .models import MistakeReport


def mistake_report_days():
    return setting("MISTAKE_REPORT_RETENTION_DAYS")


def purge(now):
    days = mistake_report_days()
    deleted, blanked = purge_reports(MistakeReport.objects.all(), days, now)
    names = (
        MistakeReport.objects.filter(created_at__lt=now - dt.timedelta(days=days))
        .exclude(name="")
        .update(name="")
    )
    return {
        "mistake reports deleted": deleted,
        "mistake report addresses removed": blanked,
        "mistake report names removed": names,
    }
