"""Personal data the events app keeps, and for how long: the contact of an event hint (name and
address of who sent it) is deleted EVENT_HINT_CONTACT_RETENTION_DAYS after the event ended or
the hint was rejected. `manage.py purge_personal_data` runs `purge` daily."""

import datetime as dt

from django.db.models import Q

from .hints import retention_days
from .models import EventHintContact


def purge(now):
    cutoff = now - dt.timedelta(days=retention_days())
    expired = EventHintContact.objects.filter(
        Q(page__last_end__lt=cutoff) | Q(rejected_at__lt=cutoff)
    )
    count, _ = expired.delete()
    return {"event hint contacts deleted": count}
