"""Field declarations that several apps share, so that each rule is stated once.

Each factory returns a plain Django field, exactly as if it were written out in the model: the
migrations see no difference.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


def optional_link(to, verbose_name, related_name="+", **options):
    """A link that may stay empty and empties itself when its target is deleted: a page must
    outlive the image, partner or vocabulary entry it names. Most targets need no way back,
    hence no reverse accessor unless `related_name` gives one."""
    return models.ForeignKey(
        to,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        verbose_name=verbose_name,
        **options,
    )


def summary_field(verbose_name, help_text):
    """The optional plain-text sentence or two that lists and search results show: short
    enough for a card."""
    return models.CharField(verbose_name, max_length=300, blank=True, help_text=help_text)


def latitude_field(verbose_name, **options):
    """Decimal degrees north (negative: south), as maps and the structured data expect."""
    return models.FloatField(
        verbose_name, validators=[MinValueValidator(-90), MaxValueValidator(90)], **options
    )


def longitude_field(verbose_name, **options):
    """Decimal degrees east (negative: west), as maps and the structured data expect."""
    return models.FloatField(
        verbose_name, validators=[MinValueValidator(-180), MaxValueValidator(180)], **options
    )
