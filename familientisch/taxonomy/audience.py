"""Fields that offers and events share: who they are for, what they cost, where they are.

Taxonomy links point at the German (source) rows, and wagtail-localize copies them into each
translation as synchronised fields; the visitor sees each name in their own language through
`Taxonomy.localized_name`.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail_localize.fields import SynchronizedField, TranslatableField

from familientisch.core.fields import (
    in_source_language,
    latitude_field,
    longitude_field,
    optional_link,
    optional_text,
    synchronised,
)

from .age_input import age_panels
from .widgets import QuarterSelect

MAX_AGE_MONTHS = 21 * 12


class LifeStage(models.TextChoices):
    """How families think of their child's age. Derived from the age range, never stored."""

    PREGNANCY = "pregnancy", _("Pregnancy")
    BABY = "baby", _("Baby (under 1)")
    TODDLER = "toddler", _("Toddler (1 to 2)")
    KINDERGARTEN = "kindergarten", _("Kindergarten age (3 to 5)")
    SCHOOL_CHILD = "school-child", _("School child (6 to 11)")
    TEENAGER = "teenager", _("Teenager (12 to 17)")
    YOUNG_ADULT = "young-adult", _("Young adult (18 to 21)")


# Inclusive month ranges of each life stage after birth.
LIFE_STAGE_MONTHS = {
    LifeStage.BABY: (0, 11),
    LifeStage.TODDLER: (12, 35),
    LifeStage.KINDERGARTEN: (36, 71),
    LifeStage.SCHOOL_CHILD: (72, 143),
    LifeStage.TEENAGER: (144, 215),
    LifeStage.YOUNG_ADULT: (216, MAX_AGE_MONTHS),
}


def age_range_label(first, last):
    """ "0–3 years" for 0 to 35 months: an upper bound of 35 months means "before the third
    birthday", which is how families read "0 to 3"."""
    if first % 12 == 0 and (last + 1) % 12 == 0:
        return _("%(first)s–%(last)s years") % {"first": first // 12, "last": (last + 1) // 12}
    if first % 12 == 0 and last % 12 == 0:
        return _("%(first)s–%(last)s years") % {"first": first // 12, "last": last // 12}
    return _("%(first)s–%(last)s months") % {"first": first, "last": last}


# The ranges the admin offers for an age (age_input.py): (key, first month, last month).
AGE_RANGES = [
    ("0-1", 0, 11),
    ("0-3", 0, 35),
    ("0-6", 0, 71),
    ("3-6", 36, 71),
    ("6-10", 72, 119),
    ("10-14", 120, 167),
    ("14-18", 168, 215),
    ("18-21", 216, MAX_AGE_MONTHS),
    ("all", 0, MAX_AGE_MONTHS),
]


def age_choice_label(first, last):
    if (first, last) == (0, MAX_AGE_MONTHS):
        return _("all ages (0–21 years)")
    return age_range_label(first, last)


class Cost(models.TextChoices):
    FREE = "free", _("Free of charge")
    REDUCED = "reduced", _("Reduced fee possible")
    FEE = "fee", _("Fee")


class WheelchairAccess(models.TextChoices):
    YES = "yes", _("Wheelchair accessible")
    NO = "no", _("Not wheelchair accessible")
    UNKNOWN = "unknown", _("Wheelchair access unknown")


def cost_field(**options):
    """What it costs; `default` for the pages whose editors need not choose (event hints
    sent in by visitors); offers have none, so that "free" is what an editor chose."""
    return models.CharField(_("cost"), max_length=10, choices=Cost.choices, **options)


def age_field(verbose_name, default, help_text):
    return models.PositiveSmallIntegerField(
        verbose_name,
        default=default,
        validators=[MaxValueValidator(MAX_AGE_MONTHS)],
        help_text=help_text,
    )


class AudienceMixin(models.Model):
    age_min_months = age_field(
        _("minimum age in months"), 0, _("0 for newborns. 3 years are 36 months.")
    )
    age_max_months = age_field(
        _("maximum age in months"),
        MAX_AGE_MONTHS,
        _("Up to 252 (21 years). 'Up to 3 years' is 35: the months before the third birthday."),
    )
    for_expectant_parents = models.BooleanField(
        _("for expectant parents"),
        default=False,
        help_text=_("Pregnancy is not an age: tick this for offers before birth."),
    )
    categories = ParentalManyToManyField(
        "familientisch_taxonomy.Category",
        blank=True,
        limit_choices_to=in_source_language,
        related_name="%(class)ss",
        verbose_name=_("categories"),
    )
    target_groups = ParentalManyToManyField(
        "familientisch_taxonomy.TargetGroup",
        blank=True,
        limit_choices_to=in_source_language,
        related_name="%(class)ss",
        verbose_name=_("target groups"),
    )
    languages = ParentalManyToManyField(
        "familientisch_taxonomy.Language",
        blank=True,
        related_name="%(class)ss",
        verbose_name=_("languages spoken"),
        help_text=_("Languages in which families can be helped."),
    )
    cost = cost_field(default=Cost.FREE)
    cost_note = models.CharField(
        _("note on cost"), max_length=200, blank=True, help_text=_("For example: 5 € per visit.")
    )
    registration_required = models.BooleanField(_("registration needed"), default=False)

    audience_panels = [
        MultiFieldPanel(
            [
                *age_panels(AGE_RANGES, age_choice_label),
                FieldPanel("for_expectant_parents"),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who it is for"),
        ),
        MultiFieldPanel(
            [FieldPanel("cost"), FieldPanel("cost_note"), FieldPanel("registration_required")],
            heading=_("Cost and registration"),
        ),
    ]
    # The links a search finds the page by (familientisch.search reads their names).
    audience_search_terms = ("categories", "target_groups", "languages")
    audience_translatable_fields = [
        *synchronised(
            "age_min_months age_max_months for_expectant_parents categories "
            "target_groups languages cost"
        ),
        TranslatableField("cost_note"),
        SynchronizedField("registration_required"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.age_min_months > self.age_max_months:
            raise ValidationError(
                {"age_max_months": _("The maximum age must not be below the minimum age.")}
            )

    @property
    def age_range_label(self):
        return age_range_label(self.age_min_months, self.age_max_months)

    @property
    def life_stages(self):
        stages = [LifeStage.PREGNANCY] if self.for_expectant_parents else []
        return stages + [
            stage
            for stage, (first, last) in LIFE_STAGE_MONTHS.items()
            if self.age_min_months <= last and self.age_max_months >= first
        ]


class PlaceMixin(models.Model):
    """An address in the city with its district, quarter and coordinates."""

    place_name = optional_text(
        _("name of the place"), _("For example: Stadtteilbibliothek Bilk"), max_length=200
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, default="Düsseldorf")
    district = optional_link(
        "familientisch_taxonomy.District", _("district"), limit_choices_to=in_source_language
    )
    quarter = optional_link(
        "familientisch_taxonomy.Quarter", _("quarter"), limit_choices_to=in_source_language
    )
    latitude = latitude_field(
        _("latitude"), null=True, blank=True, help_text=_("Decimal degrees, for example 51.2277")
    )
    longitude = longitude_field(
        _("longitude"), null=True, blank=True, help_text=_("Decimal degrees, for example 6.7735")
    )
    wheelchair_access = models.CharField(
        _("wheelchair access"),
        max_length=10,
        choices=WheelchairAccess.choices,
        default=WheelchairAccess.UNKNOWN,
    )

    place_panels = [
        FieldPanel("place_name"),
        FieldRowPanel([FieldPanel("street"), FieldPanel("postcode"), FieldPanel("city")]),
        FieldRowPanel([FieldPanel("district"), FieldPanel("quarter", widget=QuarterSelect)]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("wheelchair_access"),
    ]
    place_search_terms = ("district", "quarter")
    place_translatable_fields = [
        TranslatableField("place_name"),
        *synchronised("street postcode city district quarter latitude longitude wheelchair_access"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.quarter_id and self.district_id and self.quarter.district_id != self.district_id:
            raise ValidationError({"quarter": _("This quarter lies in another district.")})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both latitude and longitude, or neither.")})
