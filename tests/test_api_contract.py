"""Property-based contract test: generated requests against every operation of the live
OpenAPI document find no server error and no answer that breaks the schema."""

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

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


class LinkedCalls(schema.as_state_machine()):
    def validate_response(self, response, case, additional_checks=None, **kwargs):
        # A hint's rules across fields (a real e-mail address, an end after the start) are not
        # in the schema: its 422 with a message per field is the documented answer to a body
        # the schema allows; every other check holds for it too.
        hint = case.operation.label == "POST /api/v1/event-hints/"
        case.validate_response(
            response,
            additional_checks=additional_checks,
            excluded_checks=[positive_data_acceptance] if hint else None,
            transport_kwargs=kwargs or None,
            recorder=getattr(self, "recorder", None),
        )


def test_following_the_schemas_links_from_lists_to_items_keeps_every_contract(linked_content):
    """Stateful: sequences of calls that take ids from one answer into the next request,
    with all of schemathesis' checks."""
    LinkedCalls.run(
        settings=settings(
            max_examples=25,
            stateful_step_count=4,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
    )
