"""The navigator's filters, shared by the HTML page and the API (same parameter names).

`search_offers(offers, params, locale)` reads GET-style parameters, ignores what it cannot
understand (with a note for the visitor), and returns one page of results with the facet counts
of every filter: how many offers each option would leave, the other filters staying as they are.
The number of queries does not depend on the number of results.

`offers` is `OfferPage.objects`. The navigator page (offers.models) searches through this module,
so the module takes the offers' manager from its callers instead of importing the page models.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from familientisch.search.query import TextSearch
from familientisch.statistics.annotations import annotate_search
from familientisch.taxonomy.audience import LifeStage
from familientisch.taxonomy.filters import AudienceFilterForm, VocabularyField
from familientisch.taxonomy.gazetteer import locate, suggestions
from familientisch.taxonomy.models import Category, Quarter, TargetGroup

from .entries import current_index
from .opening import DAYTIME_CHOICES, WHEN_CHOICES, holiday_notes, next_opening, open_offers

PAGE_SIZE = 20
WELCOME_POINT = "welcome-point"
KM_PER_DEGREE = 111.2


class SortOrder:
    NAME = "name"
    DISTANCE = "distance"
    CHOICES = [
        ("", _("Distance when a place is given, else name")),
        (NAME, _("Name")),
        (DISTANCE, _("Distance")),
    ]


RADII_KM = (1, 2, 5, 10)


def radius_choices():
    """The radius menu, in the visitor's language (so built per request)."""
    return [("", _("any distance"))] + [
        (str(km), _("up to %(km)s km") % {"km": km}) for km in RADII_KM
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
    near = forms.CharField(
        label=_("Where? (street, postcode or quarter)"), required=False, max_length=200
    )
    radius = forms.IntegerField(label=_("Distance"), required=False, min_value=1, max_value=50)
    when = forms.ChoiceField(label=_("When can you go?"), required=False, choices=WHEN_CHOICES)
    daytime = forms.ChoiceField(label=_("Time of day"), required=False, choices=DAYTIME_CHOICES)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SortOrder.CHOICES)

    field_order = ["q", "age", "district", "quarter", "category", "target_group", "language"]
    near_suggestions = ()  # quarter names like a place that was not found

    def clean_near(self):
        text = self.cleaned_data["near"].strip()
        if not text:
            return None
        place = locate(text)
        if place is None:
            self.near_suggestions = suggestions(text)
            raise forms.ValidationError(
                _(
                    "This place was not found in the city. Type a quarter (such as Bilk), a "
                    "postcode (such as 40225) or a street with its house number."
                )
            )
        return place

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
        if not cleaned.get("near") and "near" not in self.errors:
            # Without a place, distance means nothing; said once, under "Where?".
            if cleaned.get("sort") == SortOrder.DISTANCE:
                self.add_error("sort", _("Sorting by distance needs a place under “Where?”."))
            if cleaned.get("radius"):
                self.add_error("radius", _("A distance needs a place under “Where?”."))
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
# The sets of filters that are not one parameter each, by the parameters they come from.
FILTER_PARAMETERS = {"time": ("when", "daytime"), "radius": ("radius",), "q": ("q",)}
# Counted by name only: "Where?" may be somebody's street and house number.
PLACE_PARAMETERS = {"near"}
NOT_FILTERS = {"q", "sort"}
MORE_FILTERS = [name for name, _ignored in FACETS] + ["sort"]
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
    times: list = field(default_factory=list)  # the "when can you go" facets
    welcome_points: list = field(default_factory=list)
    params: dict = field(default_factory=dict)
    text_search: TextSearch | None = None  # the words searched, for marking them and "did you mean"

    def query_string(self, **changes):
        return encode({**self.params, **changes})

    @property
    def radius_choices(self):
        return radius_choices()

    @property
    def more_filters(self):
        """How many of the filters behind "More filters" are set."""
        return sum(1 for name in MORE_FILTERS if self.params.get(name))

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
        near, when, daytime = (self.cleaned.get(name) for name in ("near", "when", "daytime"))
        if near and self.cleaned.get("radius"):
            sets["radius"] = self.within(index, near, self.cleaned["radius"])
        if when or daytime:
            sets["time"] = open_offers(index, when, daytime)
            self.notes.extend(holiday_notes(when))

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
        base = leaving({"time"})
        counts["when"] = {v: len(base & open_offers(index, v, daytime)) for v, _l in WHEN_CHOICES}
        counts["daytime"] = {
            v: len(base & open_offers(index, when, v)) for v, _l in DAYTIME_CHOICES
        }
        distances = {}
        if near:
            distances = {pk: nearest_km(index.points[pk], *near.point) for pk in matches}
            if self.cleaned.get("sort") != SortOrder.NAME:
                far = float("inf")
                matches.sort(key=lambda pk: far if distances[pk] is None else distances[pk])
        page = Paginator(matches, page_size).get_page(page_number)
        page.object_list = self.fetch(list(page.object_list), distances, index)
        result = NavigatorResult(
            form=self.form,
            notes=self.notes,
            facets=[self.facet(name, counts[name]) for name, _ignored in facets],
            times=[self.facet(name, counts[name]) for name in ("when", "daytime")],
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

    def within(self, index, near, radius):
        """The offers with a place at most `radius` km from `near`."""
        return frozenset(
            pk
            for pk, points in index.points.items()
            if points and nearest_km(points, *near.point) <= radius
        )

    def fetch(self, pks, distances, index):
        offers = self.offers.filter(pk__in=pks).for_listing()
        by_pk = {offer.pk: offer for offer in offers}
        for pk in pks:
            by_pk[pk].distance_km = distances.get(pk)
            by_pk[pk].opening = next_opening(
                index.slots.get(pk, ()), closures=index.closures.get(pk, ())
            )
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
        if name in ("stage", "when", "daytime"):
            options = [
                FacetOption(value, choice, counts.get(value, 0), value == selected)
                for value, choice in self.form.fields[name].choices
                if value
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
        if name == "district":  # "Stadtbezirk 3: Oberbilk, Unterbilk, Bilk, ...": as families say
            quarters, names = defaultdict(list), Quarter.names_in_current_language()
            for quarter in self.vocabularies["quarter"].values():
                quarters[quarter.district_id].append(
                    names.get(str(quarter.translation_key), quarter.name)
                )
            labels = {pk: f"{labels[pk]}: {', '.join(quarters[pk])}" for pk in labels}
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
        suggestions = []
        for count, name in best:
            # A filter made of several parameters (the time) is named by its first field.
            parameters = FILTER_PARAMETERS.get(name, (name,))
            dropped = dict.fromkeys([*parameters, "page"])
            label = self.form.fields[parameters[0]].label
            suggestions.append(Suggestion(name, label, count, encode({**self.params, **dropped})))
        return suggestions

    def welcome_points(self, index):
        district = self.cleaned.get("district")
        welcome = self.vocabularies["category"].get(WELCOME_POINT)
        if not district or welcome is None:
            return []
        in_district = index.having("district", self.vocabularies["district"][district].pk)
        found = index.having("category", welcome.pk) & in_district
        return self.fetch([pk for pk in index.order if pk in found][:3], {}, index)


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


def annotate_navigator(response):
    """Tells the site's statistics (familientisch.statistics) what the navigator was asked:
    its words, how many offers they found and the filters set."""
    navigator = response.context_data["navigator"]
    filters = [
        name if name in PLACE_PARAMETERS else f"{name}={value}"
        for name, value in navigator.params.items()
        if name not in NOT_FILTERS
    ]
    return annotate_search(response, navigator.params.get("q", ""), navigator.total, filters)
