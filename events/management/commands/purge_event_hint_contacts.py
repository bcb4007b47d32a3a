"""Run daily: delete the personal contact data of event hints once it is no longer needed."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from events.models import EventHintContact, retention_days


class Command(BaseCommand):
    help = (
        "Delete the contact data of event hints a set time (EVENT_HINT_CONTACT_RETENTION_DAYS, "
        "default 30) after the event ended or the hint was rejected."
    )

    def handle(self, **options):
        cutoff = timezone.now() - dt.timedelta(days=retention_days())
        expired = EventHintContact.objects.filter(
            Q(page__last_end__lt=cutoff) | Q(rejected_at__lt=cutoff)
        )
        count, _ = expired.delete()
        self.stdout.write(f"Deleted the contact data of {count} event hint(s).")
