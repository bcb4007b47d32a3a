"""Field declarations that several apps share, so that each rule is stated once.

Each factory returns a plain Django field, exactly as if it were written out in the model: the
migrations see no difference.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from wagtail_localize.fields import SynchronizedField


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


def optional_text(verbose_name, help_text="", max_length=255):
    """A line of text that may stay empty (a name, a place): blank rather than null, so an
    empty value has one spelling."""
    return models.CharField(verbose_name, max_length=max_length, blank=True, help_text=help_text)


def optional_date(verbose_name, help_text="", **options):
    """A day that may stay open or unknown (valid from, repeats until, last checked)."""
    return models.DateField(verbose_name, null=True, blank=True, help_text=help_text, **options)


def summary_field(verbose_name, help_text):
    """The optional plain-text sentence or two that lists and search results show: short
    enough for a card."""
    return optional_text(verbose_name, help_text, max_length=300)


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


def synchronised(names):
    """wagtail-localize's override list for facts that every language version copies from the
    German page (dates, phone numbers, links, vocabulary), so a translation never keeps an old
    fact. The field names are given as one string separated by spaces, as for a namedtuple."""
    return [SynchronizedField(name) for name in names.split()]


def in_source_language():
    """limit_choices_to for links to translatable rows (vocabulary, partners): content links to
    the German row, whose translations show in each language; a picker offers each entry once
    and a link to a translated row does not validate."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)
