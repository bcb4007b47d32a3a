"""The statistics hold no personal data, but are not kept for ever either: counts of months
more than STATISTICS_RETENTION_MONTHS before the current one are deleted by the nightly
`manage.py purge_personal_data`, which runs each app's `purge`."""

from django.utils import timezone

from familientisch.conf import setting

from .models import MonthlyCount


def oldest_month_kept(today):
    months = today.year * 12 + today.month - 1 - setting("STATISTICS_RETENTION_MONTHS")
    return today.replace(year=months // 12, month=months % 12 + 1, day=1)


def purge(now):
    cutoff = oldest_month_kept(timezone.localdate(now))
    count, _ = MonthlyCount.objects.filter(month__lt=cutoff).delete()
    return {"monthly statistics deleted": count}
