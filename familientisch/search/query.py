"""A visitor's words as a filter of pages: `TextSearch(text, language).pages(queryset)`.

Each word (or phrase of the synonyms list) becomes a term with its alternatives: the word
itself and the words of its concept in the visitor's language and in German. A page matches
when every term matches one of its rows (any language version or the names of its links);
each word also matches the words it begins ("Kinder" finds "Kinderärztin"), never a word's
inside ("Eller" does not find "Hellerhof"). On PostgreSQL every row is stemmed by its own
language and the query by each language's rules; SQLite compares plain words.
"""

import operator
from collections import defaultdict
from functools import reduce

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, FloatField, OuterRef, Q, Subquery

from familientisch.i18n.search_configs import text_search_configs

from .documents import uses_vectors
from .fuzzy import corrected
from .models import SearchText
from .query_translation import in_source_language
from .synonyms import current_synonyms
from .words import WORD, words

MAX_WORDS = 8
MIN_PREFIX = 4


def prefix(word, prefix_mark, whole_word_mark=""):
    """Words of four letters or more also match the words they begin; shorter ones only
    themselves ("Rat" must not find "Rath")."""
    return prefix_mark if len(word) >= MIN_PREFIX else whole_word_mark


def raw_tsquery(terms):
    """PostgreSQL's tsquery syntax: every term, any of its alternatives, all words of one,
    each as a prefix. Words are letters and digits only (WORD), so nothing needs quoting."""

    def phrase(words_):
        return "(" + " & ".join(f"'{word}'" + prefix(word, ":*") for word in words_) + ")"

    return " & ".join(
        "(" + " | ".join(phrase(p) for p in alternatives) + ")" for alternatives in terms
    )


def word_condition(terms):
    """The same on SQLite, over the rows' spaced words."""

    def phrase(words_):
        return reduce(
            operator.and_, (Q(words__contains=f" {word}{prefix(word, '', ' ')}") for word in words_)
        )

    return reduce(
        operator.and_,
        (reduce(operator.or_, map(phrase, alternatives)) for alternatives in terms),
    )


class TextSearch:
    def __init__(self, text, language, private=False):
        """`private`: also find pages with a view restriction, for a caller that filters the
        pages by who may read them."""
        self.private = private
        self.text = text
        self.languages = list(
            dict.fromkeys([language or settings.LANGUAGE_CODE, settings.LANGUAGE_CODE])
        )
        self.tokens = [w for w in words(text) if WORD.fullmatch(w)][:MAX_WORDS]
        self.synonyms = current_synonyms()
        self.terms = self.synonyms.widen(self.tokens, self.languages)
        self.did_you_mean = None

    def __bool__(self):
        return bool(self.terms)

    @property
    def highlighted(self):
        """Every word a match may have met, for marking them in the results."""
        return sorted(
            {word for alternatives in self.terms for p in alternatives for word in p}, key=len
        )

    def rows(self, terms):
        """The matching rows, and PostgreSQL's query (for ranking; None on SQLite)."""
        rows = (
            SearchText.objects.all() if self.private else SearchText.objects.filter(private=False)
        )
        if not uses_vectors():
            return rows.filter(word_condition(terms)), None
        # Each row by its own language's rules only: Turkish rules make "Eller" "el", which
        # would find the German "Eltern".
        languages_of = defaultdict(list)
        for language, config in text_search_configs().items():
            languages_of[config].append(language)
        text = raw_tsquery(terms)
        queries = {
            config: SearchQuery(text, config=config, search_type="raw") for config in languages_of
        }
        condition = reduce(
            operator.or_,
            (
                Q(language__in=languages, vector=queries[config])
                for config, languages in languages_of.items()
            ),
        )
        return rows.filter(condition), reduce(operator.or_, queries.values())

    def filtered(self, pages, terms):
        rows, _query = self.rows(terms)
        return pages.filter(translation_key__in=rows.values("translation_key"))

    def pages(self, pages):
        """The pages of `pages` that match; when none does, those matching the words in German
        (where a translation engine is configured) or the nearest known words, which
        `did_you_mean` then names."""
        if not self.terms:
            return pages.none()
        found = self.filtered(pages, self.terms)
        if found.exists():
            return found
        for tokens in self.second_tries():
            terms = self.synonyms.widen(tokens, self.languages)
            again = self.filtered(pages, terms)
            if again.exists():
                self.terms, self.did_you_mean = terms, " ".join(tokens)
                return again
        return found

    def second_tries(self):
        german = in_source_language(self.text, self.languages[0])
        if german:
            yield [w for w in words(german) if WORD.fullmatch(w)][:MAX_WORDS]
        nearer = corrected(self.tokens)
        if nearer != self.tokens:
            yield nearer

    def ranked(self, pages):
        """As `pages()`, best first: by PostgreSQL's rank of the best row, else by title."""
        found = self.pages(pages)
        if not uses_vectors():
            return found.order_by("title", "pk")
        rows, query = self.rows(self.terms)
        best = rows.filter(translation_key=OuterRef("translation_key")).annotate(
            rank=SearchRank(F("vector"), query)
        )
        rank = Subquery(best.order_by("-rank").values("rank")[:1], output_field=FloatField())
        return found.annotate(search_rank=rank).order_by("-search_rank", "title", "pk")
