"""The base of the filter forms of offers and events: the same parameter names in the page
address, the feed and the API (a child's age, a district, a category, a spoken language), each
vocabulary chosen by slug (languages by code), which is the same in every language.

A value that cannot be understood is dropped with a note for the visitor; it never causes an
error page."""

from functools import cached_property
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .audience import MAX_AGE_MONTHS
from .models import Category, District, Language


class VocabularyField(forms.ChoiceField):
    """A choice among a vocabulary's source-language rows, by slug (languages by code). The
    rows are read once per form, and only when a value is checked or the field is shown; the
    options are named in the visitor's language."""

    def __init__(self, model, **kwargs):
        super().__init__(required=False, **kwargs)
        self.model = model

    @cached_property
    def rows(self):
        """{slug or code: row}"""
        if self.model is Language:
            return {row.code: row for row in Language.objects.all()}
        rows = self.model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        return {row.slug: row for row in rows}

    def valid_value(self, value):
        return value in self.rows

    def option_label(self, row):
        return row.name() if self.model is Language else row.localized_name

    def options(self):
        return [("", "---------")] + [
            (key, self.option_label(row)) for key, row in self.rows.items()
        ]


class AudienceFilterForm(forms.Form):
    """Bound to the request's parameters and checked at once; `understood` holds what can be
    used, `notes` says what was dropped."""

    q = forms.CharField(label=_("Search words"), required=False, max_length=200)
    age = forms.IntegerField(
        label=_("Age of the child in years"),
        required=False,
        min_value=0,
        max_value=MAX_AGE_MONTHS // 12,
    )
    district = VocabularyField(District, label=_("District"))
    category = VocabularyField(Category, label=_("Category"))
    language = VocabularyField(Language, label=_("Language spoken"))

    def __init__(self, data):
        super().__init__(data)
        for field in self.fields.values():
            if isinstance(field, VocabularyField):
                # Set on this form's copy of the field, whose rows are this request's.
                field.choices = field.options
        self.is_valid()

    @property
    def vocabularies(self):
        """{parameter: {slug or code: row}} of every vocabulary the form filters by."""
        return {
            name: field.rows
            for name, field in self.fields.items()
            if isinstance(field, VocabularyField)
        }

    def row(self, name):
        """The row chosen for the vocabulary parameter `name`, or None."""
        value = self.understood.get(name)
        return self.fields[name].rows[value] if value else None

    @cached_property
    def understood(self):
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and value is not None and value != "" and value is not False
        }

    @cached_property
    def notes(self):
        return [
            _("The value “%(value)s” for “%(label)s” was not understood and is ignored: %(reason)s")
            % {
                "value": self.shown_value(name),
                "label": self.fields[name].label if name in self.fields else name,
                "reason": " ".join(errors),
            }
            for name, errors in self.errors.items()
        ]

    def shown_value(self, name):
        """What the visitor chose or typed: an option by its label, never its internal value."""
        value = self.data.get(name, "")
        choices = getattr(self.fields.get(name), "choices", None)
        return next((label for key, label in choices or () if key == value), value)

    def query_string(self, **changes):
        """The understood parameters as the visitor gave them, with `changes` (None removes)."""
        params = {name: self.data.get(name) for name in self.understood} | changes
        return urlencode({name: value for name, value in params.items() if value not in (None, "")})
