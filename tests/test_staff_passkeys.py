"""Passkeys (django-otp-webauthn) as a second factor next to the authenticator app: staff add
one where their browser can, the admin asks for it after the password like for the app's code,
and an administrator's reset removes it too. The last test drives Debian's chromium with a
virtual authenticator through the whole way: password, new passkey, password, passkey."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from pytest_django.live_server_helper import LiveServer

from tests.factories.staff import staff
from tests.test_staff_accounts import app_of, log_in

required = override_settings(TWO_FACTOR_REQUIRED=True)
REGISTER = "/admin/webauthn/registration/begin/"
AUTHENTICATE = "/admin/webauthn/authentication/begin/"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def moderator(django_user_model):
    return staff("moderatorin", "Moderators")


def passkey_of(user):
    return WebAuthnCredential.objects.create(
        user=user, confirmed=True, credential_id=os.urandom(32), public_key=os.urandom(77)
    )


@required
def test_the_passkey_options_answer_a_logged_in_staff_member_only(client, moderator):
    for endpoint in (REGISTER, AUTHENTICATE):
        refused = client.post(endpoint)
        assert refused.status_code == 302 and "/admin/login/" in refused["Location"]
    log_in(client, moderator)  # no second factor yet: the setup page adds a passkey too
    registration = client.post(REGISTER)
    assert registration.status_code == 200
    options = registration.json()
    assert options["challenge"] and options["rp"]["id"] == "localhost"
    assert options["user"]["name"] == moderator.username
    authentication = client.post(AUTHENTICATE)
    assert authentication.status_code == 200 and authentication.json()["challenge"]


@required
def test_no_passkey_is_added_before_the_second_factor_is_given(client, moderator):
    app_of(moderator)
    log_in(client, moderator)
    refused = client.post(REGISTER)
    assert refused.status_code == 403 and refused.json()["code"] == "user_not_verified"


@required
def test_a_moderator_with_only_a_passkey_is_asked_for_it(client, moderator):
    passkey_of(moderator)
    log_in(client, moderator)
    asked = client.get("/admin/pages/")
    assert asked.status_code == 302
    assert asked["Location"].startswith("/admin/account/second-factor/verify/?next=")
    page = client.get(asked["Location"]).content.decode()
    assert 'id="passkey-verification-button"' in page and "Use a passkey" in page
    assert 'name="next" value="/admin/pages/"' in page  # where the library's script goes after
    assert '<script id="otp_webauthn_config" type="application/json">' in page
    assert "django_otp_webauthn/otp_webauthn_auth.js" in page
    # The passkey block brings no inline script: its code is in files of our own origin.
    block = page[page.index('<div class="passkey-verify">') :]
    for script in re.findall(r"<script([^>]*)>", block[: block.index("</div>") + 400]):
        assert "src=" in script or 'type="application/json"' in script


@required
def test_a_moderator_with_the_app_is_offered_no_passkey_button(client, moderator):
    app_of(moderator)
    log_in(client, moderator)
    page = client.get("/admin/account/second-factor/verify/").content.decode()
    assert "passkey-verification-button" not in page


@required
def test_the_setup_page_offers_a_passkey_next_to_the_app(client, moderator):
    log_in(client, moderator)
    page = client.get("/admin/account/second-factor/").content.decode()
    assert "Scan this code" in page  # without a script, the app's way stays
    assert 'id="passkey-register-button"' in page and "Add a passkey" in page
    assert 'data-passkey-done="/admin/account/passkeys/"' in page
    assert "django_otp_webauthn/otp_webauthn_register.js" in page
    assert "accounts/passkeys.js" in page


@required
def test_a_staff_member_sees_and_removes_their_passkeys(client, moderator, django_user_model):
    first, second = passkey_of(moderator), passkey_of(moderator)
    other = passkey_of(staff("redakteur", "Editors"))
    log_in(client, moderator)
    session = client.session  # the passkey given
    session[DEVICE_ID_SESSION_KEY] = first.persistent_id
    session.save()
    listing = client.get("/admin/account/passkeys/")
    assert listing.status_code == 200
    assert "Passkey 1" in listing.content.decode() and "Passkey 2" in listing.content.decode()
    client.post("/admin/account/passkeys/", {"remove": second.pk})
    client.post("/admin/account/passkeys/", {"remove": other.pk})  # not theirs: stays
    assert set(WebAuthnCredential.objects.values_list("pk", flat=True)) == {first.pk, other.pk}
    menu = client.get("/admin/account/").content.decode()
    assert "/admin/account/passkeys/" in menu


def test_the_reset_removes_passkeys_too(client, moderator, django_user_model):
    passkey_of(moderator)
    app_of(moderator)
    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "pw-x-12345")
    client.force_login(admin)
    client.post(f"/admin/account/second-factor/reset/{moderator.pk}/")
    assert not WebAuthnCredential.objects.filter(user=moderator).exists()
    assert not TOTPDevice.objects.filter(user=moderator).exists()


@pytest.fixture
def chromium_page(monkeypatch):
    if not CHROMIUM.exists():
        pytest.skip("the passkey browser test needs Debian's chromium at /usr/bin/chromium")
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    # Playwright's sync API keeps an event loop in this thread; Django's database calls here
    # are safe (one thread drives both).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context()
        context.set_default_timeout(15_000)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("WebAuthn.enable")
        cdp.send(
            "WebAuthn.addVirtualAuthenticator",
            {
                "options": {
                    "protocol": "ctap2",
                    "transport": "internal",
                    "hasResidentKey": True,
                    "hasUserVerification": True,
                    "isUserVerified": True,
                }
            },
        )
        yield page
        browser.close()


def log_in_in_browser(page, url, user):
    page.goto(f"{url}/admin/login/?next=/admin/account/passkeys/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "ein langes Passwort")
    page.locator("form button[type=submit]").first.click()


# The site's policy, here on the admin's pages too (the site leaves /admin/ out for Wagtail's own
# inline scripts): the passkey pages and the library's scripts need no more than 'self'.
STRICT = {"DIRECTIVES": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]}


@pytest.fixture
def live_site(committed_db):
    """A live server on the committed database. Not pytest-django's `live_server`: that one
    empties the database after the test, Wagtail's root page and all, for the tests after it."""
    server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()


@required
def test_a_moderator_adds_a_passkey_and_logs_in_with_it(chromium_page, live_site):
    live_server, moderator = live_site, staff("moderatorin", "Moderators")
    page = chromium_page
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    with override_settings(
        OTP_WEBAUTHN_RP_ID="localhost",
        OTP_WEBAUTHN_ALLOWED_ORIGINS=[live_server.url],
        CONTENT_SECURITY_POLICY=STRICT,
    ):
        log_in_in_browser(page, live_server.url, moderator)
        page.wait_for_url("**/admin/account/second-factor/?next=*")
        page.get_by_role("button", name="Add a passkey").click()
        page.wait_for_url("**/admin/account/passkeys/")
        assert WebAuthnCredential.objects.filter(user=moderator, confirmed=True).count() == 1
        assert page.get_by_text("Passkey 1").is_visible()

        page.context.clear_cookies()  # a new login: password, then the passkey
        log_in_in_browser(page, live_server.url, moderator)
        page.wait_for_url("**/admin/account/second-factor/verify/?next=*")
        policy = page.reload().headers["content-security-policy"]
        assert re.search(r"script-src 'self'(;|$)", policy)
        page.get_by_role("button", name="Use a passkey").click()
        page.wait_for_url("**/admin/account/passkeys/")
        assert WebAuthnCredential.objects.get(user=moderator).last_used_at is not None
    assert errors == []
