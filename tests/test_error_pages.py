"""When a request cannot be served, the visitor gets a page of the site in their language that
says what happened and what to do (issue: a body over the limit or a broken upload gave
Django's bare English "Bad Request", the CSRF page was unstyled, and an unreachable database
answered 500 instead of 503)."""

from pathlib import Path

import pytest
from django.test import Client, override_settings

from tests.test_production_health import closed_port
from tests.test_settings import run_python

LOCALE = Path(__file__).resolve().parents[1] / "familientisch" / "locale"


@pytest.fixture
def catalogues():
    with override_settings(LOCALE_PATHS=[LOCALE]):
        yield


def assert_site_page(response, language, direction, heading):
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert "/static/css/site.css" in html
    assert heading in html.split("<h1>")[1].split("</h1>")[0]


@pytest.mark.usefixtures("catalogues")
def test_a_request_body_over_the_limit_gets_a_page_in_the_visitors_language(client, home, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post("/ar/barriere-melden/", {"description": "x" * 2000})
    assert response.status_code == 400
    assert_site_page(response, "ar", "rtl", "تعذّرت قراءة الطلب")


@pytest.mark.usefixtures("catalogues")
def test_a_broken_upload_gets_a_page_in_the_visitors_language(client, home):
    response = client.post(
        "/uk/barriere-melden/",
        data=b"--boundary\r\nContent-Disposition: form-data; name=\r\n",
        content_type="multipart/form-data; boundary=",
    )
    assert response.status_code == 400
    assert_site_page(response, "uk", "ltr", "Не вдалося прочитати запит")


@pytest.mark.usefixtures("catalogues")
def test_a_form_sent_without_its_csrf_token_explains_how_to_send_it_again(home):
    response = Client(enforce_csrf_checks=True).post("/de/barriere-melden/", {"description": "x"})
    assert response.status_code == 403
    assert_site_page(response, "de", "ltr", "Das Formular ist abgelaufen")
    assert "kopieren Sie, was Sie eingegeben haben" in response.content.decode()


def test_an_unreachable_database_answers_503_with_retry_after_and_the_error_page():
    code = (
        "import django; django.setup()\n"
        "from django.test import Client, override_settings\n"
        f"with override_settings(ALLOWED_HOSTS=['testserver'], LOCALE_PATHS=['{LOCALE}']):\n"
        "    response = Client(raise_request_exception=False).get('/de/')\n"
        "print(response.status_code, response.get('Retry-After'))\n"
        "print(response.content.decode())\n"
    )
    result = run_python(
        code,
        "familysite.settings.test",
        DATABASE_URL=f"postgres://familientisch@127.0.0.1:{closed_port()}/familientisch",
    )
    assert result.returncode == 0, result.stderr
    status, page = result.stdout.split("\n", 1)
    assert status == "503 30"
    assert '<html lang="de" dir="ltr">' in page
    assert "Bitte versuchen Sie es in ein paar Minuten noch einmal." in page
