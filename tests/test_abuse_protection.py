"""Public forms share a honeypot and a per-address rate limit."""

from django import forms
from django.test import RequestFactory, override_settings

from home.abuse import HoneypotFormMixin, within_rate_limit


class ContactForm(HoneypotFormMixin, forms.Form):
    message = forms.CharField()


def test_a_person_leaves_the_honeypot_empty_and_passes():
    assert ContactForm({"message": "Hallo"}).is_valid()


def test_a_bot_filling_the_honeypot_is_refused():
    form = ContactForm({"message": "Hallo", "homepage": "http://spam.example"})
    assert not form.is_valid()
    assert "homepage" in form.errors


@override_settings(PUBLIC_FORM_RATE_LIMIT=(2, 60))
def test_the_third_submission_from_one_address_within_the_period_is_refused():
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    other = RequestFactory().post("/", REMOTE_ADDR="203.0.113.8")
    assert [within_rate_limit(request, "test") for _ in range(3)] == [True, True, False]
    assert within_rate_limit(other, "test")
    assert within_rate_limit(request, "another-form")
