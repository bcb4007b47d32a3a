"""The synonyms editors keep (models.SynonymGroup), as the query reads them: which concept a
word or phrase names, and the words of each concept per language. Cached, and dropped when a
group changes (signals)."""

import json
from collections import defaultdict
from pathlib import Path

from django.core.cache import cache

from .models import SynonymGroup
from .words import normal, words

CACHE_KEY = "search-synonyms"
LONGEST_PHRASE = 4
STARTER_LIST = Path(__file__).parent / "data" / "synonyms.json"


class Synonyms:
    def __init__(self, groups):
        self.concept_of = {}  # (word, ...): concept
        self.phrases = defaultdict(lambda: defaultdict(list))  # concept: language: [(word, ...)]
        for concept, language, lines in groups:
            for line in lines:
                phrase = tuple(words(line))[:LONGEST_PHRASE]
                if phrase:
                    self.concept_of.setdefault(tuple(map(normal, phrase)), concept)
                    self.phrases[concept][language].append(phrase)
        self.phrases = {concept: dict(by) for concept, by in self.phrases.items()}

    def widen(self, tokens, languages):
        """The query's words as terms: each a list of alternatives (phrases), a phrase of the
        list found as a whole (the longest first) standing for every phrase of its concept in
        these languages."""
        terms, start = [], 0
        normalised = [normal(token) for token in tokens]
        while start < len(tokens):
            for length in range(min(LONGEST_PHRASE, len(tokens) - start), 0, -1):
                phrase = tuple(tokens[start : start + length])
                concept = self.concept_of.get(tuple(normalised[start : start + length]))
                if concept:
                    by_language = self.phrases[concept]
                    alternatives = [phrase] + [
                        p for code in languages for p in by_language.get(code, ())
                    ]
                    terms.append(list(dict.fromkeys(alternatives)))
                    start += length
                    break
            else:
                terms.append([(tokens[start],)])
                start += 1
        return terms


def current_synonyms():
    groups = cache.get(CACHE_KEY)
    if groups is None:
        groups = [
            (group.concept, group.language, group.word_list())
            for group in SynonymGroup.objects.all()
        ]
        cache.set(CACHE_KEY, groups, None)
    return Synonyms(groups)


def forget_synonyms(**kwargs):
    cache.delete(CACHE_KEY)


def starter_groups():
    """The reviewed starter list shipped with the project (data/synonyms.json)."""
    data = json.loads(STARTER_LIST.read_text(encoding="utf-8"))
    for entry in data["concepts"]:
        for language, phrases in entry.items():
            if language != "concept":
                yield entry["concept"], language, phrases
