"""The navigator's filters, shared by the HTML page and the API (same parameter names).

`search_offers(params, locale)` reads GET-style parameters, ignores what it cannot understand
(with a note for the visitor), and returns one page of results with the facet counts of every
filter: how many offers each option would leave, the other filters staying as they are. The
number of queries does not depend on the number of results.
"""

import math
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery
from django.utils.translation import gettext_lazy as _

from home.models import Category, District, Language, Quarter, TargetGroup
from home.models.audience import LIFE_STAGE_MONTHS, MAX_AGE_MONTHS, Cost, LifeStage

from .models import OfferPage, OfferPlace
from .text_search import text_filter

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


class NavigatorForm(forms.Form):
    q = forms.CharField(label=_("Search words"), required=False, max_length=200)
    age = forms.IntegerField(
        label=_("Age of the child in years"),
        required=False,
        min_value=0,
        max_value=MAX_AGE_MONTHS // 12,
    )
    district = forms.ChoiceField(label=_("District"), required=False)
    quarter = forms.ChoiceField(label=_("Quarter"), required=False)
    category = forms.ChoiceField(label=_("Kind of help"), required=False)
    target_group = forms.ChoiceField(label=_("For whom"), required=False)
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    stage = forms.ChoiceField(
        label=_("Life stage"), required=False, choices=[("", "")] + LifeStage.choices
    )
    free = forms.BooleanField(label=_("Free of charge only"), required=False)
    wheelchair = forms.BooleanField(label=_("Wheelchair accessible only"), required=False)
    near = forms.CharField(label=_("Near (latitude, longitude)"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SortOrder.CHOICES)

    def __init__(self, data, vocabularies):
        super().__init__(data)
        self.vocabularies = vocabularies
        for name, rows in vocabularies.items():
            self.fields[name].choices = [("", "")] + [(key, key) for key in rows]

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
        if district and quarter:
            row = self.vocabularies["quarter"][quarter]
            if row.district_id != self.vocabularies["district"][district].pk:
                self.add_error("quarter", _("This quarter lies in another district."))
        if cleaned.get("sort") == SortOrder.DISTANCE and not cleaned.get("near"):
            self.add_error("sort", _("Sorting by distance needs a point."))
        return cleaned


def load_vocabularies():
    """{parameter: {slug or code: row}}; taxonomy links point at the source-language rows."""
    source = {"locale__language_code": settings.LANGUAGE_CODE}
    return {
        "district": {row.slug: row for row in District.objects.filter(**source)},
        "quarter": {row.slug: row for row in Quarter.objects.filter(**source)},
        "category": {row.slug: row for row in Category.objects.filter(**source)},
        "target_group": {row.slug: row for row in TargetGroup.objects.filter(**source)},
        "language": {row.code: row for row in Language.objects.all()},
    }


def age_overlap(first_month, last_month):
    return Q(age_min_months__lte=last_month, age_max_months__gte=first_month)


def stage_filter(stage):
    if stage == LifeStage.PREGNANCY:
        return Q(for_expectant_parents=True)
    return age_overlap(*LIFE_STAGE_MONTHS[LifeStage(stage)])


def place_exists(**conditions):
    return Q(Exists(OfferPlace.objects.filter(page=OuterRef("pk"), **conditions)))


def build_filters(cleaned, vocabularies, language_code):
    """{parameter: condition} for every filter the visitor set."""
    filters = {}
    if cleaned.get("q"):
        filters["q"] = text_filter(cleaned["q"], language_code)
    if cleaned.get("age") is not None:
        filters["age"] = age_overlap(cleaned["age"] * 12, cleaned["age"] * 12 + 11)
    if cleaned.get("district"):
        filters["district"] = place_exists(district=vocabularies["district"][cleaned["district"]])
    if cleaned.get("quarter"):
        filters["quarter"] = place_exists(quarter=vocabularies["quarter"][cleaned["quarter"]])
    for name, relation in [
        ("category", "categories"),
        ("target_group", "target_groups"),
        ("language", "languages"),
    ]:
        if cleaned.get(name):
            filters[name] = Q(**{relation: vocabularies[name][cleaned[name]]})
    if cleaned.get("stage"):
        filters["stage"] = stage_filter(cleaned["stage"])
    if cleaned.get("free"):
        filters["free"] = Q(cost=Cost.FREE)
    if cleaned.get("wheelchair"):
        filters["wheelchair"] = place_exists(wheelchair_access="yes")
    return filters


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

    def query_string(self, **changes):
        return encode({**self.params, **changes})

    @property
    def page_query_prefix(self):
        query = self.query_string(page=None)
        return f"?{query}&page=" if query else "?page="


def encode(params):
    from urllib.parse import urlencode

    return urlencode({key: value for key, value in params.items() if value not in (None, "")})


class OfferSearch:
    def __init__(self, params, locale):
        self.locale = locale
        self.vocabularies = load_vocabularies()
        self.form = NavigatorForm(params, self.vocabularies)
        self.form.is_valid()
        self.notes = [
            _("“%(value)s” is not understood as “%(label)s” and was ignored: %(reason)s")
            % {
                "value": params.get(name, ""),
                "label": self.form.fields[name].label if name in self.form.fields else name,
                "reason": " ".join(errors),
            }
            for name, errors in self.form.errors.items()
        ]
        self.cleaned = {
            k: v for k, v in self.form.cleaned_data.items() if k not in self.form.errors
        }
        self.filters = build_filters(self.cleaned, self.vocabularies, locale.language_code)
        self.params = {
            name: params.get(name)
            for name, value in self.cleaned.items()
            if value not in (None, "", False)
        }

    def base(self):
        return OfferPage.objects.live().current().filter(locale=self.locale)

    def filtered(self, without=()):
        queryset = self.base()
        for name, condition in self.filters.items():
            if name not in without:
                queryset = queryset.filter(condition)
        return queryset

    def results(self):
        queryset = self.filtered()
        near = self.cleaned.get("near")
        if near:
            queryset = queryset.annotate(distance_squared=nearest_place_distance(*near))
        if near and self.cleaned.get("sort") in ("", None, SortOrder.DISTANCE):
            return queryset.order_by(F("distance_squared").asc(nulls_last=True), "title")
        return queryset.order_by("title", "pk")

    def run(self, page_number=None):
        queryset = (
            self.results()
            .select_related("provider")
            .prefetch_related(
                Prefetch(
                    "places", queryset=OfferPlace.objects.select_related("district", "quarter")
                ),
                "languages",
            )
        )
        page = Paginator(queryset, PAGE_SIZE).get_page(page_number)
        for offer in page.object_list:
            squared = getattr(offer, "distance_squared", None)
            offer.distance_km = None if squared is None else math.sqrt(squared) * KM_PER_DEGREE
        total = page.paginator.count
        result = NavigatorResult(
            form=self.form,
            notes=self.notes,
            facets=self.facets(),
            page=page,
            total=total,
            near=self.cleaned.get("near"),
            params=self.params,
        )
        if total == 0:
            result.suggestions = self.suggestions()
            result.welcome_points = self.welcome_points()
        return result

    # Facets: each filter counted against all the others.

    def facets(self):
        return [
            self.place_facet("district", "district_id", without=("district", "quarter")),
            *([self.place_facet("quarter", "quarter_id")] if self.cleaned.get("district") else []),
            self.relation_facet("category", "categories", "category_id"),
            self.relation_facet("target_group", "target_groups", "targetgroup_id"),
            self.relation_facet("language", "languages", "language_id"),
            self.stage_facet(),
            self.flag_facet("free", Q(cost=Cost.FREE)),
            self.flag_facet("wheelchair", place_exists(wheelchair_access="yes")),
        ]

    def option_list(self, name, counts):
        selected = self.cleaned.get(name)
        rows = self.vocabularies[name]
        if name == "quarter":
            district = self.vocabularies["district"][self.cleaned["district"]]
            rows = {slug: row for slug, row in rows.items() if row.district_id == district.pk}
        options = [
            FacetOption(
                key,
                row.name() if name == "language" else row.localized_name,
                counts.get(row.pk, 0),
                key == selected,
            )
            for key, row in rows.items()
        ]
        if name == "language":  # only languages somebody speaks, by name in the visitor's language
            options = sorted((o for o in options if o.count or o.selected), key=lambda o: o.label)
        return Facet(name, self.form.fields[name].label, options)

    def place_facet(self, name, column, without=None):
        pages = self.filtered(without=without or (name,)).values("pk")
        rows = (
            OfferPlace.objects.filter(page__in=pages, **{f"{column}__isnull": False})
            .values(column)
            .annotate(n=Count("page", distinct=True))
        )
        return self.option_list(name, {row[column]: row["n"] for row in rows})

    def relation_facet(self, name, relation, column):
        through = getattr(OfferPage, relation).through
        pages = self.filtered(without=(name,)).values("pk")
        rows = (
            through.objects.filter(offerpage__in=pages)
            .values(column)
            .annotate(n=Count("offerpage", distinct=True))
        )
        return self.option_list(name, {row[column]: row["n"] for row in rows})

    def stage_facet(self):
        counts = self.filtered(without=("stage",)).aggregate(
            **{stage.value: Count("pk", filter=stage_filter(stage)) for stage in LifeStage}
        )
        selected = self.cleaned.get("stage")
        options = [
            FacetOption(stage.value, stage.label, counts[stage.value], stage.value == selected)
            for stage in LifeStage
        ]
        return Facet("stage", self.form.fields["stage"].label, options)

    def flag_facet(self, name, condition):
        count = self.filtered(without=(name,)).filter(condition).count()
        option = FacetOption("1", self.form.fields[name].label, count, bool(self.cleaned.get(name)))
        return Facet(name, self.form.fields[name].label, [option], widget="checkbox")

    # When nothing is found.

    def suggestions(self):
        """The filters whose removal would bring back the most offers, best first."""
        suggestions = []
        for name in self.filters:
            count = self.filtered(without=(name,)).count()
            if count:
                without = {**self.params, name: None, "page": None}
                suggestions.append(
                    Suggestion(name, self.form.fields[name].label, count, encode(without))
                )
        return sorted(suggestions, key=lambda s: -s.count)[:2]

    def welcome_points(self):
        district = self.cleaned.get("district")
        if not district:
            return []
        welcome = self.vocabularies["category"].get(WELCOME_POINT)
        if welcome is None:
            return []
        return list(
            self.base()
            .filter(
                categories=welcome,
                places__district=self.vocabularies["district"][district],
            )
            .distinct()
            .prefetch_related("places")[:3]
        )


def nearest_place_distance(latitude, longitude):
    """Squared distance in degrees to the offer's nearest place: an equirectangular
    approximation, exact enough within a city and computable by SQLite and PostgreSQL alike."""
    shrink = math.cos(math.radians(latitude))
    north = F("latitude") - latitude
    east = (F("longitude") - longitude) * shrink
    nearest = (
        OfferPlace.objects.filter(page=OuterRef("pk"), latitude__isnull=False)
        .annotate(distance=north * north + east * east)
        .order_by("distance")
        .values("distance")[:1]
    )
    return Subquery(nearest)


def search_offers(params, locale):
    search = OfferSearch(params, locale)
    return search.run(params.get("page"))
