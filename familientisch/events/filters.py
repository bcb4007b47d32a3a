"""The GET filters of the events index, its feed and the API: the navigator's (words, age,
district, category, language: `taxonomy.filters`) plus a date range and a month."""

import datetime as dt
import re

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from familientisch.search.query import TextSearch
from familientisch.taxonomy.filters import AudienceFilterForm

from .occurrences import BERLIN, FIRST_DAY, LAST_DAY

MONTH_PATTERN = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


class EventFilterForm(AudienceFilterForm):
    month = forms.RegexField(regex=MONTH_PATTERN, label=_("Month"), required=False)

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


# "from" is a Python keyword, so the period's fields are added after the class is made.
_DAY = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_LIMITS = [MinValueValidator(FIRST_DAY), MaxValueValidator(LAST_DAY)]
EventFilterForm.base_fields["from"] = forms.DateField(
    label=_("From"), widget=_DAY, validators=_LIMITS, required=False
)
EventFilterForm.base_fields["to"] = forms.DateField(
    label=_("Until"), widget=_DAY, validators=_LIMITS, required=False
)

# The vocabulary parameters and the events' fields they filter.
VOCABULARY_LOOKUPS = {"district": "district", "category": "categories", "language": "languages"}


class EventFilters:
    """The understood filters of one request, and a note for each value that was dropped."""

    def __init__(self, params):
        self.form = EventFilterForm(params)
        self.values = self.form.understood
        self.notes = self.form.notes
        self.text_search = None

    def apply(self, queryset):
        values = self.values
        if "q" in values:
            self.text_search = TextSearch(values["q"], get_language())
            queryset = self.text_search.pages(queryset)
        if "age" in values:
            first_month = values["age"] * 12
            queryset = queryset.filter(
                age_min_months__lte=first_month + 11, age_max_months__gte=first_month
            )
        for name, lookup in VOCABULARY_LOOKUPS.items():
            if name in values:
                queryset = queryset.filter(**{lookup: self.form.row(name)})
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
        return self.form.query_string(**changes)


def _local_midnight(day):
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=BERLIN)
