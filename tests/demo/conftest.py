"""The tests that read the demo content share one load of it per run.

Loading the demo builds eight synchronised trees (about a thousand pages): far too slow to
repeat per test. It is loaded once, committed (the browser tests' live server reads it over its
own connection), and every test of this package runs on it: the unit tests inside a transaction
that is rolled back, the browser tests against the live server. What a browser test writes (an
event hint, a barrier report, a login) adds rows that no other test reads, so the demo is not
restored between them.

The package runs first and on one worker (`tests/conftest.py`); when its last test is done the
database is put back as the migrations left it, so the tests that follow start from nothing.
"""

import os

import pytest
from django.core.management import call_command

from tests.database import restore


@pytest.fixture(scope="package")
def demo(as_migrated, django_db_blocker):
    """The demo content, loaded once for this package and removed after it."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        yield
        restore(as_migrated)


@pytest.fixture(autouse=True)
def _demo_is_loaded(demo):
    """Every test here reads the demo."""
