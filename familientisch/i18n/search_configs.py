"""Which PostgreSQL text-search configuration stems each site language: one mapping for the
site search (i18n.search_backend) and the navigator's own search vectors."""

from django.conf import settings

# PostgreSQL's built-in configurations; "simple" only folds case, for the languages PostgreSQL
# has no stemmer for (Farsi, Ukrainian, Polish).
DEFAULT_TEXT_SEARCH_CONFIGS = {
    "de": "german",
    "en": "english",
    "tr": "turkish",
    "ru": "russian",
    "ar": "arabic",
    "fa": "simple",
    "uk": "simple",
    "pl": "simple",
}


def text_search_configs():
    return getattr(settings, "TEXT_SEARCH_CONFIGS", DEFAULT_TEXT_SEARCH_CONFIGS)


def search_config(language_code):
    return text_search_configs().get(language_code or settings.LANGUAGE_CODE, "simple")


def query_configs(language_code):
    """The configurations a query in this language is stemmed by: its own, then the source
    language's, whose text the pages not yet translated show."""
    return list(dict.fromkeys([search_config(language_code), search_config(None)]))
