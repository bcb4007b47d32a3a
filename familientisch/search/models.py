"""What the search reads: one row of text per page and language, the words it knows for "did
you mean", and the synonyms editors keep."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class SearchText(models.Model):
    """The text of one language of a page (all versions share the page's translation key):
    the version's own words where the page has one in that language, and in every language the
    names of what the page links to. Rebuilt from the pages (documents.py), never edited."""

    translation_key = models.UUIDField(db_index=True)
    language = models.CharField(max_length=8)
    title = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    terms = models.TextField(blank=True)
    # A page with a view restriction (members-only minutes) in any language: only a search
    # that asks for it (the protocols' own, which filters by membership) reads these rows.
    private = models.BooleanField(default=False)
    # PostgreSQL: the four texts stemmed by the language's configuration, indexed (GIN) by a
    # migration. SQLite: `words` holds the words, lower case, each after a space.
    vector = SearchVectorField(null=True, editable=False)
    words = models.TextField(blank=True)

    class Meta:
        unique_together = [("translation_key", "language")]

    def __str__(self):
        return f"{self.title or self.terms[:40]} ({self.language})"


class SearchWord(models.Model):
    """A word that occurs in the site's titles, summaries and vocabulary names, lower case: the
    candidates of "did you mean" (trigram-indexed on PostgreSQL)."""

    word = models.CharField(max_length=100, unique=True)

    def __str__(self):
        return self.word


class SynonymGroup(models.Model):
    """Words that mean the same to a family, in one language. Groups of the same concept in
    different languages share the concept's name, so a word in any language finds the German
    words of its concept too."""

    concept = models.SlugField(
        _("concept"),
        max_length=60,
        help_text=_(
            "The same name in every language, for example „playgroup“: a visitor's word finds "
            "the words of this concept in German as well."
        ),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    words = models.TextField(
        _("words"),
        help_text=_(
            "One word or phrase per line, for example Spielgruppe, Krabbelgruppe, "
            "Eltern-Kind-Gruppe. A search for any of them finds all of them."
        ),
    )

    panels = [FieldPanel("concept"), FieldPanel("language"), FieldPanel("words")]

    class Meta:
        verbose_name = _("synonyms")
        verbose_name_plural = _("synonyms")
        ordering = ["concept", "language"]
        unique_together = [("concept", "language")]

    def __str__(self):
        return " = ".join(self.word_list())

    def word_list(self):
        return [line.strip() for line in self.words.splitlines() if line.strip()]
