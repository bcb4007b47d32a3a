"""Free-text search per language.

The navigator filters, counts and pages offers in SQL, so rather than going through Wagtail's
search index it keeps its own `tsvector` per offer, built when the offer is saved or published
with the configuration of the language its text is in (i18n.search_configs): German stemming for
German pages and for offers not yet translated, English for English ones, and no stemming
("simple") where PostgreSQL has none. A query is stemmed the same way, by the visitor's language
and by German for the German text. SQLite, the embedded default, has no stemming: there each
word is matched as a substring.
"""

import operator
from functools import reduce

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Q

from familientisch.i18n.search_configs import query_configs, text_search_configs


def uses_postgres_search():
    return connection.vendor == "postgresql"


def refresh_search_vectors(page_ids=None):
    """Rebuild the stored search text of these offers (all when None) in one statement:
    title weighs most, then the summary, then the description without its markup."""
    if not uses_postgres_search():
        return
    configs = text_search_configs()
    cases = " ".join("WHEN %s THEN %s" for _code in configs)
    case_params = [value for item in configs.items() for value in item]
    config_sql = f"(CASE l.language_code {cases} ELSE 'simple' END)::regconfig"
    where, where_params = "", []
    if page_ids is not None:
        where, where_params = "AND o.page_ptr_id = ANY(%s)", [list(page_ids)]
    sql = f"""
        UPDATE familientisch_offers_offerpage o SET search_vector =
            setweight(to_tsvector(c.config, p.title), 'A')
            || setweight(to_tsvector(c.config, coalesce(o.summary, '')), 'B')
            || setweight(to_tsvector(c.config,
                   regexp_replace(coalesce(o.description, ''), '<[^>]+>', ' ', 'g')), 'C')
        FROM wagtailcore_page p
        -- an alias (an offer not yet translated) holds the text of its source page
        JOIN wagtailcore_page source ON source.id = coalesce(p.alias_of_id, p.id)
        JOIN wagtailcore_locale l ON l.id = source.locale_id
        CROSS JOIN LATERAL (SELECT {config_sql} AS config) c
        WHERE p.id = o.page_ptr_id {where}
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, case_params + where_params)


def text_filter(text, language_code):
    """A filter for OfferPage querysets that finds `text` by the rules of the visitor's language,
    and by German rules in the offers not yet translated, which show their German text."""
    if uses_postgres_search():
        queries = [
            SearchQuery(text, config=config, search_type="websearch")
            for config in query_configs(language_code)
        ]
        return Q(search_vector=reduce(operator.or_, queries))
    condition = Q()
    for word in text.split():
        condition &= (
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(description__icontains=word)
        )
    return condition
