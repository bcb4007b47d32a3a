"""The demo shows a lively calendar: three months of events and two hints in review."""

import datetime as dt

from django.core.management import call_command
from django.utils import timezone

from events.models import EventHintContact, EventPage


def test_the_demo_fills_the_next_three_months_and_leaves_two_hints_in_review(db):
    call_command("load_demo")
    german = EventPage.objects.filter(locale__language_code="de")
    horizon = timezone.now() + dt.timedelta(days=92)
    upcoming = german.live().upcoming().filter(start__lt=horizon)
    assert upcoming.count() >= 20
    assert upcoming.exclude(recurrence="none").count() >= 3
    assert upcoming.filter(status="cancelled").exists()
    assert upcoming.filter(online=True).exists()
    assert upcoming.values("district").distinct().count() >= 8
    hints = german.filter(live=False)
    assert hints.count() == 2
    assert all(hint.current_workflow_state.status == "in_progress" for hint in hints)
    assert EventHintContact.objects.count() == 2
    # Running it again changing nothing is proved for the whole demo in test_demo_content.
