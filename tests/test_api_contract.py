"""Property-based contract test: generated requests against every operation of the live
OpenAPI document find no server error and no answer that breaks the schema."""

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from tests.factories.events import EventPageFactory
from tests.factories.home import (
    EventIndexPageFactory,
    PartnerIndexPageFactory,
    ProtocolIndexPageFactory,
)
from tests.factories.offers import OfferPageFactory, build_navigator
from tests.factories.partners import PartnerPageFactory
from tests.factories.protocols import ProtocolPageFactory

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def content(home):
    call_command("seed_taxonomies")


@pytest.fixture(autouse=True)
def keep_the_test_transaction():
    """The WSGI app would close the database connection after each request, and with it the
    test's transaction; Django's own test client avoids that the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# One test per operation, with pytest's own ids: schemathesis' `parametrize` gives them all the
# same id under pytest 9, and pytest-xdist runs only one test of each id.
OPERATIONS = [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.label)
def test_every_operation_keeps_its_contract(operation, content):
    @given(case=operation.as_strategy())
    @settings(
        max_examples=15,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    def keeps_its_contract(case):
        case.call_and_validate()

    keeps_its_contract()


@pytest.fixture
def linked_content(home):
    """One item behind every link of the schema: an offer, an event, a partner, minutes."""
    navigator = build_navigator(home)
    partner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home))
    OfferPageFactory(parent=navigator, provider=partner, places=[{"district": "bezirk-1"}])
    EventPageFactory(parent=EventIndexPageFactory(parent=home))
    ProtocolPageFactory(parent=ProtocolIndexPageFactory(parent=home))


def test_following_the_schemas_links_from_lists_to_items_keeps_every_contract(linked_content):
    """Stateful: sequences of calls that take ids from one answer into the next request,
    with all of schemathesis' checks."""
    schema.as_state_machine().run(
        settings=settings(
            max_examples=25,
            stateful_step_count=4,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
    )
