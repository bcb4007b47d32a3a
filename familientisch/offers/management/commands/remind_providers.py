from django.core.management.base import BaseCommand

from familientisch.offers.freshness import remind_providers


class Command(BaseCommand):
    help = (
        "Run daily: mail each provider one list of its offers due for review, each with a "
        "signed “still correct” and “something changed” link; a provider reminded within "
        "OFFER_REMINDER_INTERVAL_DAYS is left out."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Reminders queued: {remind_providers()}")
