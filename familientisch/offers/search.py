"""The navigator's filters, shared by the HTML page and the API (same parameter names).

`search_offers(offers, params, locale)` reads GET-style parameters, ignores what it cannot
understand (with a note for the visitor), and returns one page of results with the facet counts
of every filter: how many offers each option would leave, the other filters staying as they are.
The number of queries does not depend on the number of results.

`offers` is `OfferPage.objects`. The navigator page (offers.models) searches through this module,
so the module takes the offers' manager from its callers instead of importing the page models.
"""

import math
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from familientisch.search.query import TextSearch
from familientisch.taxonomy.audience import LifeStage
from familientisch.taxonomy.filters import AudienceFilterForm, VocabularyField
from familientisch.taxonomy.models import Category, Quarter, TargetGroup

from .entries import current_index

PAGE_SIZE = 20
WELCOME_POINT = "welcome-point"
KM_PER_DEGREE = 111.2


class SortOrder:
    NAME = "name"
    DISTANCE = "distance"
    CHOICES = [
        ("", _("Distance when a point is given, else name")),
        (NAME, _("Name")),
        (DISTANCE, _("Distance")),
    ]


class NavigatorForm(AudienceFilterForm):
    quarter = VocabularyField(Quarter, label=_("Quarter"))
    category = VocabularyField(Category, label=_("Kind of help"))
    target_group = VocabularyField(TargetGroup, label=_("For whom"))
    stage = forms.ChoiceField(
        label=_("Life stage"), required=False, choices=[("", "")] + LifeStage.choices
    )
    free = forms.BooleanField(label=_("Free of charge only"), required=False)
    wheelchair = forms.BooleanField(label=_("Wheelchair accessible only"), required=False)
    near = forms.CharField(label=_("Near (latitude, longitude)"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SortOrder.CHOICES)

    field_order = ["q", "age", "district", "quarter", "category", "target_group", "language"]

    def clean_near(self):
        value = self.cleaned_data["near"].strip()
        if not value:
            return None
        try:
            latitude, longitude = (float(part) for part in value.split(","))
        except ValueError:
            raise forms.ValidationError(_("Give a point as latitude,longitude.")) from None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise forms.ValidationError(_("This point is not on the map."))
        return latitude, longitude

    def clean(self):
        cleaned = super().clean()
        district, quarter = cleaned.get("district"), cleaned.get("quarter")
        rows = self.vocabularies
        if (
            district
            and quarter
            and rows["quarter"][quarter].district_id != rows["district"][district].pk
        ):
            self.add_error("quarter", _("This quarter lies in another district."))
        if cleaned.get("sort") == SortOrder.DISTANCE and not cleaned.get("near"):
            self.add_error("sort", _("Sorting by distance needs a point."))
        return cleaned


# Facets: (parameter, the filters it ignores when counting how many offers each value leaves).
FACETS = [
    ("district", {"district", "quarter"}),
    ("quarter", {"quarter"}),
    ("category", {"category"}),
    ("target_group", {"target_group"}),
    ("language", {"language"}),
    ("stage", {"stage"}),
    ("free", {"free"}),
    ("wheelchair", {"wheelchair"}),
]
TAXONOMY_PARAMETERS = ["district", "quarter", "category", "target_group", "language"]


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list
    widget: str = "select"


@dataclass
class Suggestion:
    name: str
    label: str
    count: int
    query_string: str


@dataclass
class NavigatorResult:
    form: NavigatorForm
    notes: list
    facets: list
    page: object
    total: int
    near: tuple | None = None
    suggestions: list = field(default_factory=list)
    welcome_points: list = field(default_factory=list)
    params: dict = field(default_factory=dict)
    text_search: TextSearch | None = None  # the words searched, for marking them and "did you mean"

    def query_string(self, **changes):
        return encode({**self.params, **changes})

    @property
    def page_query_prefix(self):
        query = self.query_string(page=None)
        return f"?{query}&page=" if query else "?page="


def encode(params):
    return urlencode({key: value for key, value in params.items() if value not in (None, "")})


class OfferSearch:
    def __init__(self, offers, params, locale):
        self.offers = offers
        self.locale = locale
        self.form = NavigatorForm(params)
        self.vocabularies = self.form.vocabularies
        self.notes = self.form.notes
        self.cleaned = self.form.understood
        self.params = {name: params.get(name) for name in self.cleaned}
        self.text_search = None

    def text_matches(self):
        """The offers of the locale the words find (familientisch.search)."""
        self.text_search = TextSearch(self.cleaned["q"], self.locale.language_code)
        return frozenset(self.text_search.pks(self.offers.filter(locale=self.locale)))

    def filter_keys(self):
        """{parameter: value in the FacetIndex} of every filter the visitor set."""
        keys = {}
        if self.cleaned.get("age") is not None:
            keys["age"] = self.cleaned["age"]
        for name in TAXONOMY_PARAMETERS:
            if self.cleaned.get(name):
                keys[name] = self.vocabularies[name][self.cleaned[name]].pk
        if self.cleaned.get("stage"):
            keys["stage"] = self.cleaned["stage"]
        for name in ("free", "wheelchair"):
            if self.cleaned.get(name):
                keys[name] = "1"
        return keys

    def run(self, page_number=None, page_size=PAGE_SIZE):
        index = current_index(self.offers, self.locale)
        sets = {name: index.having(name, key) for name, key in self.filter_keys().items()}
        if self.cleaned.get("q"):
            sets["q"] = self.text_matches()

        def leaving(ignored=()):
            chosen = sorted((ids for name, ids in sets.items() if name not in ignored), key=len)
            return index.all.intersection(*chosen) if chosen else index.all

        found = leaving()
        matches = [pk for pk in index.order if pk in found]
        facets = [f for f in FACETS if f[0] != "quarter" or self.cleaned.get("district")]
        counts = {}
        for name, ignored in facets:
            base = leaving(ignored)
            counts[name] = {value: len(base & ids) for value, ids in index.by.get(name, {}).items()}
        near = self.cleaned.get("near")
        distances = {}
        if near:
            distances = {pk: nearest_km(index.points[pk], *near) for pk in matches}
            if self.cleaned.get("sort") != SortOrder.NAME:
                far = float("inf")
                matches.sort(key=lambda pk: far if distances[pk] is None else distances[pk])
        page = Paginator(matches, page_size).get_page(page_number)
        page.object_list = self.fetch(list(page.object_list), distances)
        result = NavigatorResult(
            form=self.form,
            notes=self.notes,
            facets=[self.facet(name, counts[name]) for name, _ignored in facets],
            page=page,
            total=len(matches),
            near=near,
            params=self.params,
            text_search=self.text_search,
        )
        if not matches:
            result.suggestions = self.suggestions({name: len(leaving({name})) for name in sets})
            result.welcome_points = self.welcome_points(index)
        return result

    def fetch(self, pks, distances):
        offers = self.offers.filter(pk__in=pks).for_listing()
        by_pk = {offer.pk: offer for offer in offers}
        for pk in pks:
            by_pk[pk].distance_km = distances.get(pk)
        return [by_pk[pk] for pk in pks]

    def facet(self, name, counts):
        selected = self.cleaned.get(name)
        label = self.form.fields[name].label
        if name in ("free", "wheelchair"):
            return Facet(
                name,
                label,
                [FacetOption("1", label, counts.get("1", 0), bool(selected))],
                "checkbox",
            )
        if name == "stage":
            options = [
                FacetOption(
                    stage.value, stage.label, counts.get(stage.value, 0), stage.value == selected
                )
                for stage in LifeStage
            ]
            return Facet(name, label, options)
        rows = self.vocabularies[name]
        if name == "quarter":
            district = self.vocabularies["district"][self.cleaned["district"]]
            rows = {slug: row for slug, row in rows.items() if row.district_id == district.pk}
        if name == "language":
            labels = {row.pk: row.name() for row in rows.values()}
        else:
            names = type(next(iter(rows.values()))).names_in_current_language() if rows else {}
            labels = {
                row.pk: names.get(str(row.translation_key), row.name) for row in rows.values()
            }
        options = [
            FacetOption(key, labels[row.pk], counts.get(row.pk, 0), key == selected)
            for key, row in rows.items()
        ]
        if name == "language":  # only languages somebody speaks, by name in the visitor's language
            options = sorted((o for o in options if o.count or o.selected), key=lambda o: o.label)
        return Facet(name, label, options)

    def suggestions(self, without):
        """The filters whose removal would bring back the most offers, best first."""
        best = sorted(((n, name) for name, n in without.items() if n), reverse=True)[:2]
        return [
            Suggestion(
                name,
                self.form.fields[name].label,
                count,
                encode({**self.params, name: None, "page": None}),
            )
            for count, name in best
        ]

    def welcome_points(self, index):
        district = self.cleaned.get("district")
        welcome = self.vocabularies["category"].get(WELCOME_POINT)
        if not district or welcome is None:
            return []
        in_district = index.having("district", self.vocabularies["district"][district].pk)
        found = index.having("category", welcome.pk) & in_district
        return self.fetch([pk for pk in index.order if pk in found][:3], {})


def nearest_km(points, latitude, longitude):
    """Distance to the nearest place: an equirectangular approximation, exact enough within
    a city."""
    shrink = math.cos(math.radians(latitude))
    return min(
        (
            math.hypot(lat - latitude, (lon - longitude) * shrink) * KM_PER_DEGREE
            for lat, lon in points
        ),
        default=None,
    )


def search_offers(offers, params, locale):
    search = OfferSearch(offers, params, locale)
    return search.run(params.get("page"))
