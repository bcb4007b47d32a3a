import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone

from familientisch.events.models import EventCancelledDate, EventPage
from familientisch.events.occurrences import BERLIN


def berlin(day, hour=0, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


def in_days(days, hour=10, minute=0):
    return berlin(timezone.localdate() + dt.timedelta(days=days), hour, minute)


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    slug = factory.Sequence(lambda n: f"veranstaltung-{n}")
    summary = "Ein Nachmittag für Familien mit kleinen Kindern."
    description = "<p>Wir basteln, singen und spielen.</p>"
    start = factory.LazyFunction(lambda: in_days(3, 15))
    end = factory.LazyAttribute(lambda event: event.start + dt.timedelta(hours=2))
    place_name = "Stadtteilbibliothek Bilk"
    street = "Bachstraße 145"
    postcode = "40217"

    class Meta:
        model = EventPage


class EventCancelledDateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventCancelledDate
