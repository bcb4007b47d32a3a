from django import forms
from django.utils.translation import gettext_lazy as _

from familientisch.core.abuse import HoneypotFormMixin

from .models import BarrierReport


class BarrierReportForm(HoneypotFormMixin, forms.ModelForm):
    page_url = forms.URLField(
        label=_("Address of the page"),
        max_length=500,
        assume_scheme="https",
        help_text=_("Filled in for you when you came from a page of this site."),
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    description = forms.CharField(
        label=_("What did not work for you?"),
        max_length=5000,
        help_text=_(
            "For example: a button I cannot reach with the keyboard, a text I cannot read."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    email = forms.EmailField(
        label=_("Your email address (optional)"),
        required=False,
        help_text=_("Only if you would like an answer. We use it for nothing else."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    class Meta:
        model = BarrierReport
        fields = ["page_url", "description", "email"]
