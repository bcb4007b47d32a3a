"""Wagtail's database search, with each language stemmed by its own rules.

Wagtail's PostgreSQL backend builds every index entry and every query with the one
text-search configuration of the backend (wagtail issue 9253): German rules for Arabic pages.
This backend keeps Wagtail's index table and query compiler and changes only the configuration:
an entry is built with the configuration of the language its text is in (an alias, a page not
yet translated, holds the text of its source page), and a query with the configuration of the
language active when the search is made, which on the public site is the visitor's, or'ed with
German rules for the German text of pages not yet translated. Every caller of `.search()` gets
this without knowing about it.

Settings: WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND":
"familientisch.i18n.search_backend", ...}}, with
SEARCH_CONFIG for objects without a language (images, documents); TEXT_SEARCH_CONFIGS maps
languages to configurations (i18n.search_configs). On other databases this is Wagtail's own
database backend.
"""

import copy
from collections import defaultdict

from django.db import connection
from django.utils.translation import get_language
from wagtail.models import Locale, Page
from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

from .search_configs import query_configs, search_config


def text_languages(objs):
    """The language each object's text is written in (objects of one model), None for models
    without a locale (images, documents). Two small queries a batch, none an object."""
    if not objs or not hasattr(objs[0], "locale_id"):
        return [None] * len(objs)
    codes = dict(Locale.objects.values_list("id", "language_code"))
    alias_ids = {getattr(obj, "alias_of_id", None) for obj in objs} - {None}
    source_locales = dict(Page.objects.filter(id__in=alias_ids).values_list("id", "locale_id"))
    return [
        codes.get(source_locales.get(getattr(obj, "alias_of_id", None), obj.locale_id))
        for obj in objs
    ]


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        objs = list(objs)
        groups = defaultdict(list)
        for obj, language in zip(objs, text_languages(objs), strict=True):
            groups[search_config(language) if language else self.backend.config].append(obj)
        for config, group in groups.items():
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Taken when the search is made: results are read later, maybe in another language.
        self.configs = query_configs(get_language())

    def get_config(self, backend):
        return self.configs[0]

    def build_tsquery(self, query, config=None):
        tsquery = super().build_tsquery(query, config=config)
        if tsquery is None:
            return None
        for other in self.configs[1:]:
            tsquery |= super().build_tsquery(query, config=other)
        return tsquery


class LanguageSearchBackend(PostgresSearchBackend):
    query_compiler_class = LanguageQueryCompiler
    index_class = LanguageIndex

    def with_config(self, config):
        clone = copy.copy(self)
        clone.config = config
        return clone


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    if connection.vendor == "postgresql":
        return LanguageSearchBackend(params)
    return DatabaseSearchBackend(params)
