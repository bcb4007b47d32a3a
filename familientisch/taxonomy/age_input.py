"""Ages in the admin as families say them: a range ("0–3 years") or years and months, stored
as today in months (age_min_months, age_max_months), so the navigator, the API and the search
read the same numbers as before.

The range list sits in the minimum age's field and decides both ends when one is chosen; the
years and months inputs below it are for any other range. Without JavaScript everything works:
the choice in the list wins over the inputs.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

OTHER = ""


def months_of(data, name):
    """Years and months typed into the inputs of `name`, as months; without them the months
    themselves, as a script or an older form sends them (`name`), or None."""
    years, months = (data.get(f"{name}_{part}", "").strip() for part in ("years", "months"))
    if not years and not months:
        return data.get(name)
    try:
        return int(years or 0) * 12 + int(months or 0)
    except ValueError:
        return f"{years} {months}"  # not a number: the integer field says so


class YearsMonthsInput(forms.MultiWidget):
    """Two number inputs, years and months, each with its own label."""

    template_name = "taxonomy/widgets/age_input.html"

    class Media:
        css = {"all": ["taxonomy/age_input.css"]}

    def __init__(self, attrs=None):
        number = {"min": 0, "inputmode": "numeric", "class": "age-input__number"}
        super().__init__(
            {
                "years": forms.NumberInput({**number, "max": 21}),
                "months": forms.NumberInput({**number, "max": 11}),
            },
            attrs,
        )

    def decompress(self, value):
        if value in (None, ""):
            return [None, None]
        return [int(value) // 12, int(value) % 12]

    def value_from_datadict(self, data, files, name):
        return months_of(data, name)

    def value_omitted_from_data(self, data, files, name):
        parts = (name, f"{name}_years", f"{name}_months")
        return all(part not in data for part in parts)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(
            context["widget"]["subwidgets"], [_("years"), _("months")], strict=True
        ):
            subwidget["label"] = label
        return context


class AgeRangeWidget(YearsMonthsInput):
    """The minimum age: a list of ranges that sets both ends, then years and months for
    another range. `ranges` are (key, first month, last month); `label(first, last)` names
    them in the editor's language when the form is drawn."""

    template_name = "taxonomy/widgets/age_range.html"

    def __init__(self, ranges, label, attrs=None):
        super().__init__(attrs)
        self.ranges = {key: (first, last) for key, first, last in ranges}
        self.label = label
        self.upper = None  # the maximum age shown beside it, set by AgeRangePanel

    def chosen(self, data, name):
        return self.ranges.get(data.get(f"{name}_range", OTHER))

    def value_from_datadict(self, data, files, name):
        chosen = self.chosen(data, name)
        return chosen[0] if chosen else months_of(data, name)

    def value_omitted_from_data(self, data, files, name):
        return f"{name}_range" not in data and super().value_omitted_from_data(data, files, name)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        current = (self.number(value), self.number(self.upper))
        options = [(OTHER, _("other ages: give them below"), current not in self.ranges.values())]
        options += [
            (key, self.label(first, last), (first, last) == current)
            for key, (first, last) in self.ranges.items()
        ]
        context["widget"]["range"] = {
            "name": f"{name}_range",
            "id": f"{context['widget']['attrs'].get('id', name)}_range",
            "options": options,
        }
        return context

    @staticmethod
    def number(value):
        try:
            return int(value)
        except (TypeError, ValueError):
            return None


class AgeUntilWidget(YearsMonthsInput):
    """The maximum age, inclusive: "0–3 years" ends at 2 years and 11 months. A range chosen
    in the minimum age's list (`range_widget`, named `range_name`) decides it."""

    def __init__(self, range_widget, range_name, attrs=None):
        super().__init__(attrs)
        self.range_widget = range_widget
        self.range_name = range_name

    def value_from_datadict(self, data, files, name):
        chosen = self.range_widget.chosen(data, self.range_name)
        return chosen[1] if chosen else months_of(data, name)


class AgeRangePanel(FieldPanel):
    """The minimum age's panel: tells its widget the maximum age, so that the list shows the
    range the page has."""

    def __init__(self, field_name, upper_name, **kwargs):
        super().__init__(field_name, **kwargs)
        self.upper_name = upper_name

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "upper_name": self.upper_name}

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.bound_field is not None and self.panel.upper_name in self.form.fields:
                self.bound_field.field.widget.upper = self.form[self.panel.upper_name].value()


def age_panels(ranges, label):
    """The two panels of an age range, `age_min_months` and `age_max_months`."""
    widget = AgeRangeWidget(ranges, label)
    return [
        AgeRangePanel(
            "age_min_months",
            "age_max_months",
            widget=widget,
            heading=_("Ages: from"),
            help_text=_("Choose a range, or “other ages” and give years and months."),
        ),
        FieldPanel(
            "age_max_months",
            widget=AgeUntilWidget(widget, "age_min_months"),
            heading=_("up to and including"),
            help_text=_("“0–3 years” ends at 2 years and 11 months."),
        ),
    ]
