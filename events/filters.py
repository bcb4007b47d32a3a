"""The GET filters of the events index, its feed and the API: the same parameter names
as the Familien-Navigator (age, district, category, language) plus a date range and a month.
A value that cannot be understood is dropped with a note; it never causes an error page."""

import datetime as dt
import re
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Category, District, Language

from .occurrences import BERLIN, FIRST_DAY, LAST_DAY

MONTH_PATTERN = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def _source(model):
    return model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


class EventFilterForm(forms.Form):
    age = forms.IntegerField(label=_("Age of the child in years"), min_value=0, max_value=21)
    # The German rows are chosen per form, in __init__: a lookup across a relation needs every
    # model loaded, and this module is imported while they load (events.models imports views).
    district = forms.ModelChoiceField(queryset=None, to_field_name="slug", label=_("District"))
    category = forms.ModelChoiceField(queryset=None, to_field_name="slug", label=_("Category"))
    language = forms.ModelChoiceField(
        queryset=Language.objects.all(), to_field_name="code", label=_("Language spoken")
    )
    month = forms.RegexField(regex=MONTH_PATTERN, label=_("Month"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = _source(District)
        self.fields["category"].queryset = _source(Category)
        # "from" is a Python keyword, so these two cannot be declared as class attributes.
        date_widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        limits = [MinValueValidator(FIRST_DAY), MaxValueValidator(LAST_DAY)]
        self.fields["from"] = forms.DateField(
            label=_("From"), widget=date_widget, validators=limits
        )
        self.fields["to"] = forms.DateField(label=_("Until"), widget=date_widget, validators=limits)
        for field in self.fields.values():
            field.required = False
        self.fields["district"].label_from_instance = lambda d: d.localized_name
        self.fields["category"].label_from_instance = lambda c: c.localized_name

    def clean_month(self):
        month = self.cleaned_data["month"]
        if month:
            first_day = dt.date(max(int(month[:4]), 1), int(month[5:]), 1)
            for validator in self.fields["from"].validators:
                validator(first_day)
        return month

    def clean(self):
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        if start and end and end < start:
            self.add_error("to", _("The end of the period must not be before its start."))
        return data


class EventFilters:
    """The understood filters of one request, and a note for each value that was dropped."""

    def __init__(self, params):
        self.form = EventFilterForm(params)
        self.form.is_valid()
        self.values = {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value not in (None, "") and name not in self.form.errors
        }
        self.notes = [
            _("The value “%(value)s” for “%(label)s” was not understood and is ignored.")
            % {"value": params.get(name, ""), "label": self.form.fields[name].label}
            for name in self.form.errors
        ]

    def apply(self, queryset):
        values = self.values
        if "age" in values:
            first_month = values["age"] * 12
            queryset = queryset.filter(
                age_min_months__lte=first_month + 11, age_max_months__gte=first_month
            )
        if "district" in values:
            queryset = queryset.filter(district=values["district"])
        if "category" in values:
            queryset = queryset.filter(categories=values["category"])
        if "language" in values:
            queryset = queryset.filter(languages=values["language"])
        return queryset

    def window(self, now, default_days):
        """The period asked for: from today (or `from`) up to `to` or `default_days` ahead."""
        start = now
        if "from" in self.values:
            start = max(now, _local_midnight(self.values["from"]))
        if "to" in self.values:
            end = _local_midnight(self.values["to"] + dt.timedelta(days=1))
        else:
            end = start + dt.timedelta(days=default_days)
        return start, end

    def month(self):
        """The first day of the month asked for, or None."""
        if "month" not in self.values:
            return None
        year, month = MONTH_PATTERN.match(self.values["month"]).groups()
        return dt.date(int(year), int(month), 1)

    def query_string(self, **changes):
        params = {name: self.form.data.get(name) for name in self.values}
        params.update(changes)
        return urlencode({name: value for name, value in params.items() if value})


def _local_midnight(day):
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=BERLIN)
