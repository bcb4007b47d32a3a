"""Free-text search per language.

The navigator filters, counts and pages offers in SQL, so rather than going through Wagtail's
search index it keeps its own `tsvector` per offer, built with the configuration of the offer's
own locale (home.search_configs) when the offer is saved or published, and searches it with the
same configuration: German stemming for German pages, English for English ones, and no
stemming ("simple") where PostgreSQL has none. SQLite, the embedded default, has no stemming:
there each word is matched as a substring.
"""

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Q

from home.search_configs import search_config, text_search_configs


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
        UPDATE offers_offerpage o SET search_vector =
            setweight(to_tsvector(c.config, p.title), 'A')
            || setweight(to_tsvector(c.config, coalesce(o.summary, '')), 'B')
            || setweight(to_tsvector(c.config,
                   regexp_replace(coalesce(o.description, ''), '<[^>]+>', ' ', 'g')), 'C')
        FROM wagtailcore_page p
        JOIN wagtailcore_locale l ON l.id = p.locale_id
        CROSS JOIN LATERAL (SELECT {config_sql} AS config) c
        WHERE p.id = o.page_ptr_id {where}
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, case_params + where_params)


def text_filter(text, language_code):
    """A filter for OfferPage querysets that finds `text` in the offers' own language."""
    if uses_postgres_search():
        query = SearchQuery(text, config=search_config(language_code), search_type="websearch")
        return Q(search_vector=query)
    condition = Q()
    for word in text.split():
        condition &= (
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(description__icontains=word)
        )
    return condition
