"""Finished background tasks keep their arguments, and a queued mail's are its recipients and
text: their results are deleted TASK_RESULT_RETENTION_DAYS after the task finished, whichever
task backend runs now (the table exists with either). Tasks still waiting stay."""

import datetime as dt

from django.conf import settings
from django_tasks_db.models import DBTaskResult


def task_result_days():
    return getattr(settings, "TASK_RESULT_RETENTION_DAYS", 14)


def purge(now):
    cutoff = now - dt.timedelta(days=task_result_days())
    count, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return {"finished task results deleted": count}
