"""Dates and times are written the way each language writes them."""

import datetime

import pytest

from familientisch.i18n.localization import synchronise_locales
from tests.factories.events import EventPageFactory, berlin
from tests.factories.home import EventIndexPageFactory


@pytest.fixture
def event(home):
    index = EventIndexPageFactory(parent=home)
    start = berlin(datetime.date.today() + datetime.timedelta(days=400), 15, 30)
    page = EventPageFactory(parent=index, title="Sommerfest", start=start)
    synchronise_locales()
    return page


@pytest.mark.parametrize(
    ("language", "written"),
    [("de", "12. Juni"), ("en", "June 12,"), ("ar", "يونيو"), ("uk", "червня"), ("tr", "Haziran")],
)
def test_an_event_date_is_written_in_the_visitors_language(client, event, language, written):
    event.start = event.start.replace(month=6, day=12)
    event.end = event.start + datetime.timedelta(hours=2)
    event.save_revision().publish()
    html = client.get(f"/{language}/veranstaltungen/{event.slug}/").content.decode()
    assert written in html
