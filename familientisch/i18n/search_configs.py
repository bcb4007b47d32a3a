"""Which PostgreSQL text-search configuration stems each site language: one mapping for the
site search (i18n.search_backend) and the navigator's own search vectors."""

from django.conf import settings

from familientisch.conf import setting


def text_search_configs():
    return setting("TEXT_SEARCH_CONFIGS")


def search_config(language_code):
    return text_search_configs().get(language_code or settings.LANGUAGE_CODE, "simple")


def query_configs(language_code):
    """The configurations a query in this language is stemmed by: its own, then the source
    language's, whose text the pages not yet translated show."""
    return list(dict.fromkeys([search_config(language_code), search_config(None)]))
