"""The "report a mistake" form of an offer page. A report is stored before anything is mailed,
so a mail server that is down never loses it; editors see it on their dashboard. The offer page
(offers.models) serves the form and its MistakeReport keeps MistakeKind: this module gets the
offer it reports on from the page and imports no models."""

from django import forms
from django.conf import settings
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from familientisch.conf import setting
from familientisch.core.abuse import HoneypotFormMixin, rate_limit_refusal
from familientisch.core.mail import admin_link, send_in_language


class MistakeKind(models.TextChoices):
    WRONG_HOURS = "hours", _("Wrong opening hours")
    CLOSED = "closed", _("The offer no longer exists")
    MOVED = "moved", _("It has moved")
    OTHER = "other", _("Something else")
    # Sent by the provider from the link in a reminder (offers.checking), not by visitors.
    PROVIDER = "provider", _("Changed, says the provider")


VISITOR_KINDS = [
    (value, label) for value, label in MistakeKind.choices if value != MistakeKind.PROVIDER
]


class MistakeReportForm(HoneypotFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("What is wrong?"), choices=VISITOR_KINDS, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("What should we correct?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    email = forms.EmailField(label=_("Your email (optional, only for questions)"), required=False)

    def full_clean(self):
        super().full_clean()
        # Screen readers announce a field's error together with the field.
        for name in self.errors:
            if name in self.fields and name != "kind":
                self.fields[name].widget.attrs["aria-describedby"] = f"id_{name}-errors"


def handle_mistake_report(offer, request):
    form = MistakeReportForm(request.POST)
    too_many = _("Too many reports from your address. Please try again later.")
    refusal = form.is_valid() and rate_limit_refusal(request, "mistake-report", too_many)
    if refusal:
        form.add_error(None, refusal.message)
    if not form.is_valid():
        context = offer.get_context(request)
        context["report_form"] = form
        response = TemplateResponse(request, offer.get_template(request), context, status=400)
        return refusal.answer(response) if refusal else response
    report = offer.mistake_reports.create(
        kind=form.cleaned_data["kind"],
        message=form.cleaned_data["message"],
        email=form.cleaned_data["email"],
    )
    notify_editors(report)
    return HttpResponseRedirect(offer.url + "?reported=1#report")


def notify_editors(report):
    """Each address of NAVIGATOR_EDITORS_EMAILS hears of the report once, in German (the
    office's language), with a link to the report in the admin."""
    edit = "wagtailsnippets_familientisch_offers_mistakereport:edit"
    context = {"report": report, "admin_url": admin_link(edit, report.pk)}
    subject = _("[Familien-Navigator] %(report)s")
    template = "offers/emails/mistake_reported.txt"
    recipients = setting("NAVIGATOR_EDITORS_EMAILS")
    send_in_language(settings.LANGUAGE_CODE, subject, template, context, recipients, report=report)
