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
from django.db.models import F, Max, Min, Q, TextField, Value
from django.db.models.functions import NullIf

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
        found = self.first_found(pages, lambda matching: matching)
        return pages.none() if found is None else found

    def pks(self, pages):
        """The pks of the pages of `pages` that match, as `pages()` finds them: one query when
        the words find something."""
        found = self.first_found(
            pages, lambda matching: set(matching.order_by().values_list("pk", flat=True)) or None
        )
        return found or set()

    def first_found(self, pages, read):
        """`read(matching pages)` for the words, or for the first second try it gives
        something (not None) for, which `did_you_mean` then names."""
        if not self.terms:
            return None
        result = self.read_if_any(pages, self.terms, read)
        if result is not None:
            return result
        for tokens in self.second_tries():
            terms = self.synonyms.widen(tokens, self.languages)
            again = self.read_if_any(pages, terms, read)
            if again is not None:
                self.terms, self.did_you_mean = terms, " ".join(tokens)
                return again
        return None

    def read_if_any(self, pages, terms, read):
        # Whether any text matches, asked of the text index alone: "does any page match" (a
        # join with LIMIT 1) made PostgreSQL walk every page when none did (2 s at 100,000).
        if not self.rows(terms)[0].exists():
            return None
        return read(self.filtered(pages, terms))

    def second_tries(self):
        german = in_source_language(self.text, self.languages[0])
        if german:
            yield [w for w in words(german) if WORD.fullmatch(w)][:MAX_WORDS]
        nearer = corrected(self.tokens)
        if nearer != self.tokens:
            yield nearer

    def ranked(self, pages):
        """As `pages()`, best first, for a Paginator: on PostgreSQL by the rank of each page's
        best row, all ranked in one grouped query (a rank per page, queried page by page,
        took seconds at 100,000 offers); on SQLite by title."""
        found = self.pages(pages)
        if not uses_vectors():
            return found.order_by("title", "pk")
        rows, query = self.rows(self.terms)
        keys = (
            rows.filter(translation_key__in=pages.values("translation_key"))
            .values("translation_key")
            # Equal ranks by title (the lowest of the versions' titles): the same order on
            # every run, whatever the keys.
            .annotate(
                rank=Max(SearchRank(F("vector"), query)),
                first_title=Min(NullIf("title", Value("", output_field=TextField()))),
            )
            .order_by("-rank", "first_title", "translation_key")
        )
        return RankedPages(keys, pages)


class RankedPages:
    """The matching pages, best first, as a Paginator reads them (a count, slices): the keys
    come ranked from the search texts, the pages of a slice are fetched by their keys."""

    def __init__(self, keys, pages):
        self.keys, self.pages = keys, pages

    def count(self):
        return self.keys.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        keys = [row["translation_key"] for row in self.keys[window]]
        by_key = {
            page.translation_key: page for page in self.pages.filter(translation_key__in=keys)
        }
        return [by_key[key] for key in keys if key in by_key]
