"""Property-based contract test: generated requests against every operation of the live
OpenAPI document find no server error and no answer that breaks the schema."""

import pytest
import schemathesis
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def content(home):
    call_command("seed_taxonomies")


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.usefixtures("content")
def test_every_operation_keeps_its_contract(case):
    case.call_and_validate()
