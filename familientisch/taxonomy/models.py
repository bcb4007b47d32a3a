"""The shared vocabularies of offers and events. Each is a translatable snippet: the German
row is the source, and every locale has its own translated row with the same translation key.
Filters use the slug, which is the same in every language, so a shared link works in all of them.
"""

from collections import defaultdict
from functools import lru_cache

from babel import Locale as BabelLocale
from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from familientisch.core.fields import latitude_field, longitude_field, synchronised


class Taxonomy(TranslatableMixin, index.Indexed, models.Model):
    """An entry of a controlled vocabulary, translated like a page. Its edit form shows every
    editable field in the order declared (Wagtail's default), so no panels are listed."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("Used in filter addresses; the same in every language."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # Content is found by the names of the entries it links to, in every language
    # (familientisch.search): the key a link is read by, and the names under that key.
    search_key = "translation_key"

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        # A filter address names an entry by its slug, so a slug is unique in each language.
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        # In a picker of the admin, in the editor's language; on the site, the visitor's.
        return self.localized_name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete_many([self._names_cache_key(code) for code, _name in settings.LANGUAGES])

    @classmethod
    def _names_cache_key(cls, language):
        return f"taxonomy-names:{cls._meta.label_lower}:{language}"

    @classmethod
    def names_in_current_language(cls):
        """{translation_key: name} in the visitor's language; one query per model, language and
        cache period, instead of one per item shown."""
        language = get_language() or settings.LANGUAGE_CODE
        key = cls._names_cache_key(language)
        names = cache.get(key)
        if names is None:
            rows = cls.objects.filter(locale__language_code=language)
            names = {str(key): name for key, name in rows.values_list("translation_key", "name")}
            cache.set(key, names, 300)
        return names

    @classmethod
    def in_language(cls, language):
        """Every entry in the source order, each as its translation into `language` where
        there is one (`source_pk` names the German row, which content links to). Two queries,
        whatever the number of entries."""
        translated = {
            row.translation_key: row for row in cls.objects.filter(locale__language_code=language)
        }
        entries = []
        for row in cls.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
            entry = translated.get(row.translation_key, row)
            entry.source_pk = row.pk
            entries.append(entry)
        return entries

    @classmethod
    def search_names(cls):
        """{translation_key: [(language, name) in every language it has]}, in one query."""
        names = defaultdict(list)
        rows = cls.objects.values_list("translation_key", "locale__language_code", "name")
        for key, language, name in rows:
            names[key].append((language, name))
        return names

    @property
    def localized_name(self):
        return self.names_in_current_language().get(str(self.translation_key), self.name)


class District(Taxonomy):
    """A Stadtbezirk: the city's ten administrative districts."""

    number = models.PositiveSmallIntegerField(_("number"), help_text=_("1 to 10"))
    latitude = latitude_field(_("latitude of the centre"))
    longitude = longitude_field(_("longitude of the centre"))

    translatable_fields = Taxonomy.translatable_fields + [
        *synchronised("number latitude longitude"),
    ]

    class Meta(Taxonomy.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["number"]

    @classmethod
    def search_names(cls):
        """A family names its quarter, not "Stadtbezirk 3": a district is found by the names of
        its quarters too, so "Welcome Point Bilk" finds the Welcome Point of Bilk's district."""
        names = super().search_names()
        quarters = Quarter.objects.values_list(
            "district__translation_key", "locale__language_code", "name"
        )
        for key, language, quarter in quarters:
            names[key].append((language, quarter))
        return names


class Quarter(Taxonomy):
    """A Stadtteil: a quarter within a district."""

    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="quarters", verbose_name=_("district")
    )

    translatable_fields = Taxonomy.translatable_fields + [SynchronizedField("district")]

    class Meta(Taxonomy.Meta):
        verbose_name = _("quarter")
        verbose_name_plural = _("quarters")
        # In a picker each district's quarters stand together.
        ordering = ["district__number", "sort_order", "name"]


class Category(Taxonomy):
    """A kind of help: Frühe Hilfen, Beratung, Betreuung, Welcome Point, ..."""

    description = models.TextField(_("description"), blank=True)

    translatable_fields = Taxonomy.translatable_fields + [TranslatableField("description")]

    class Meta(Taxonomy.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")


class TargetGroup(Taxonomy):
    """Who an offer is for: babies, children, youth, parents, refugees and new arrivals, ..."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Language(models.Model):
    """A language spoken at an offer or event, by ISO 639-1 code. Its name is not stored: it
    is shown in the visitor's own language (via Babel), so it needs no translation."""

    code = models.CharField(_("ISO 639 code"), max_length=8, unique=True)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["code"]

    def __str__(self):
        return self.name()

    def name(self, in_language=None):
        names = _babel_language_names(in_language or get_language() or settings.LANGUAGE_CODE)
        return names.get(self.code, self.code)

    # As Taxonomy's: "Arabisch", "Arabic", "العربية", ... find the offers helping in Arabic.
    search_key = "code"

    @classmethod
    def search_names(cls):
        codes = cls.objects.values_list("code", flat=True)
        return {
            code: [
                (language, cls(code=code).name(language)) for language, _name in settings.LANGUAGES
            ]
            for code in codes
        }


@lru_cache(maxsize=16)
def _babel_language_names(language):
    return BabelLocale.parse(language).languages
