"""Someone guessing passwords: after five wrong ones for a user name from one address, the
admin's and the members' login are blocked for a while, and say so; even the right password
waits until the lock has passed."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

LOGINS = ["/admin/login/", "/de/login/"]


@pytest.fixture
def member(django_user_model):
    # An editor: the same account may log in on the admin and on the site.
    return django_user_model.objects.create_superuser("mitglied", password="richtig-geheim")


def log_in(client, path, password, address="203.0.113.7"):
    data = {"username": "mitglied", "password": password}
    return client.post(path, data, REMOTE_ADDR=address)


@pytest.mark.parametrize("path", LOGINS)
def test_the_sixth_try_after_five_wrong_passwords_is_locked_out_with_a_message(
    client, member, path
):
    answers = [log_in(client, path, f"falsch-{n}") for n in range(5)]
    assert [answer.status_code for answer in answers[:4]] == [200] * 4
    assert "blocked" not in answers[3].content.decode()

    for answer in [answers[4], log_in(client, path, "falsch-6")]:
        html = answer.content.decode()
        assert answer.status_code == 429
        assert answer["Retry-After"] == "900"
        assert "Too many failed attempts to log in" in html
        assert "is blocked until" in html
        assert 'value="mitglied"' in html  # the login page, with the user name kept


@pytest.mark.parametrize("path", LOGINS)
def test_the_right_password_is_refused_while_locked_and_works_once_the_lock_has_passed(
    client, member, path
):
    for n in range(5):
        log_in(client, path, f"falsch-{n}")
    refused = log_in(client, path, "richtig-geheim")
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session

    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=16))
    assert log_in(client, path, "richtig-geheim").status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_a_colleague_at_another_address_can_still_log_in(client, member):
    for n in range(5):
        log_in(client, "/de/login/", f"falsch-{n}")
    assert log_in(client, "/de/login/", "richtig-geheim", address="198.51.100.4").status_code == 302
