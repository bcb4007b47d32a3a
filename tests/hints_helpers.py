"""What the tests of event hints share, through the public form and through the API."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone


@pytest.fixture
def editor(django_user_model):
    """A moderator: told of each new hint, and the one who decides on it."""
    user = django_user_model.objects.create_user("redaktion", "redaktion@example.org", "pw")
    user.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    return user


def hint_answers(**fields):
    """The answers of a valid hint for ten days from today, with `fields` besides."""
    return {
        "title": "Spielenachmittag im Park",
        "start_date": (timezone.localdate() + dt.timedelta(days=10)).isoformat(),
        "start_time": "15:00",
        "end_time": "17:00",
        "place_name": "Volksgarten",
        "postcode": "40223",
        "description": "Spiele für die ganze Familie, bei Regen im Pavillon.",
        "organiser_name": "Familienzentrum Süd",
        "contact_email": "info@familienzentrum.example",
        **fields,
    }
