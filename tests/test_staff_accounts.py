"""Staff accounts a public body can trust: the roles that see visitors' personal data log in
with a second factor, a lost phone has recovery codes, an administrator can reset a factor, a
session left idle ends, and a staff member ends their sessions elsewhere."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import StaffSession
from accounts.sessions import LAST_ACTIVITY
from tests.factories.staff import PASSWORD, staff

required = override_settings(TWO_FACTOR_REQUIRED=True)


@pytest.fixture
def moderator(django_user_model):
    return staff("moderatorin", "Moderators")


def log_in(client, user):
    client.post("/admin/login/", {"username": user.username, "password": PASSWORD})


def app_code(device):
    return TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()


def app_of(user):
    return TOTPDevice.objects.create(user=user, name="App", confirmed=True)


@required
def test_a_moderator_cannot_reach_the_admin_without_the_second_factor(client, moderator):
    log_in(client, moderator)
    first = client.get("/admin/pages/")
    assert first.status_code == 302 and "/admin/account/second-factor/?next=" in first["Location"]
    setup = client.get(first["Location"]).content.decode()
    assert "<svg" in setup and "Scan this code" in setup  # the QR code, drawn here
    device = TOTPDevice.objects.get(user=moderator)
    client.post("/admin/account/second-factor/", {"code": app_code(device)})
    assert client.get("/admin/pages/").status_code == 200


@required
@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)  # django-otp waits after each wrong code
def test_after_login_the_admin_asks_for_the_code(client, moderator):
    device = app_of(moderator)
    log_in(client, moderator)
    asked = client.get("/admin/pages/")
    assert asked["Location"].startswith("/admin/account/second-factor/verify/")
    wrong = client.post(asked["Location"], {"code": "000000"})
    assert "This code is not right." in wrong.content.decode()
    right = client.post(asked["Location"], {"code": app_code(device), "next": "/admin/pages/"})
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


@required
def test_a_partner_account_may_work_without_a_second_factor(client, django_user_model):
    partner = staff("partnerin", "Partner Sonne")
    from django.contrib.auth.models import Permission

    partner.groups.get().permissions.add(Permission.objects.get(codename="access_admin"))
    log_in(client, partner)
    assert client.get("/admin/").status_code == 200


@required
def test_a_recovery_code_works_once(client, moderator):
    device = app_of(moderator)
    log_in(client, moderator)
    client.post("/admin/account/second-factor/verify/", {"code": app_code(device)})
    page = client.post("/admin/account/recovery-codes/").content.decode()
    code = page.split("<code>")[1].split("</code>")[0]
    for attempt in ("works", "refused"):
        other = Client()
        log_in(other, moderator)
        answer = other.post("/admin/account/second-factor/verify/", {"code": code})
        assert (answer.status_code == 302) == (attempt == "works")


@required
def test_an_administrator_resets_a_lost_second_factor(client, moderator, django_user_model):
    app_of(moderator)
    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(admin)
    session = client.session
    session["otp_device_id"] = app_of(admin).persistent_id  # the administrator's own, given
    session.save()
    listing = client.get("/admin/users/").content.decode()
    assert f"/admin/account/second-factor/reset/{moderator.pk}/" in listing
    client.post(f"/admin/account/second-factor/reset/{moderator.pk}/")
    assert not TOTPDevice.objects.filter(user=moderator).exists()
    assert client.get("/admin/reports/site-history/").status_code == 200


def test_only_an_administrator_resets_a_second_factor(client, moderator, django_user_model):
    other = staff("redakteur", "Editors")
    app_of(other)
    client.force_login(moderator)
    refused = client.post(f"/admin/account/second-factor/reset/{other.pk}/")
    assert refused["Location"] == "/admin/"  # the admin's "no permission" message
    assert TOTPDevice.objects.filter(user=other).exists()


@override_settings(STAFF_SESSION_IDLE_MINUTES=30)
def test_an_idle_staff_session_expires(client, moderator):
    log_in(client, moderator)
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[LAST_ACTIVITY] = (timezone.now() - dt.timedelta(minutes=31)).isoformat()
    session.save()
    assert "/admin/login/" in client.get("/admin/")["Location"]


def test_a_staff_member_sees_their_sessions_and_ends_the_others(moderator):
    phone, office = Client(HTTP_USER_AGENT="Mozilla/5.0 (iPhone) Safari"), Client()
    log_in(phone, moderator)
    log_in(office, moderator)
    listing = office.get("/admin/account/sessions/").content.decode()
    assert "Safari / iOS" in listing and "this session" in listing
    assert StaffSession.objects.filter(user=moderator).count() == 2
    office.post("/admin/account/sessions/")
    assert "/admin/login/" in phone.get("/admin/")["Location"]
    assert office.get("/admin/").status_code == 200
    office.post("/admin/logout/")
    assert not StaffSession.objects.exists()


def test_staff_passwords_follow_the_rules(client, moderator):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("password1", "12345678", "moderatorin"):
        with pytest.raises(ValidationError):
            validate_password(weak, moderator)


def test_new_staff_are_invited_to_choose_their_password(client, django_user_model):
    from django.core import mail

    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(admin)
    new = {"username": "neu", "email": "neu@example.org", "first_name": "Nora", "last_name": "Neu"}
    client.post(reverse("wagtailusers_users:add"), {**new, "password1": "", "password2": ""})
    user = django_user_model.objects.get(username="neu")
    assert not user.has_usable_password()
    [invitation] = mail.outbox
    link = re.search(r"http://\S+/password_reset/confirm/\S+/", invitation.body).group(0)
    assert invitation.to == ["neu@example.org"] and "Hello Nora Neu" in invitation.body
    client.logout()
    form = client.get(urlsplit(link).path, follow=True)
    client.post(form.redirect_chain[-1][0], {"new_password1": PASSWORD, "new_password2": PASSWORD})
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
