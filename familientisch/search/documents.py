"""The search texts of pages, rebuilt from the published pages (models.SearchText).

A page's versions share its translation key; for each language there is one row with that
version's title, summary and body (an alias, a page not yet translated, adds none: its text is
its source's) and the names, in that language, of what the page links to (its `search_terms`,
lookups from the page to models that say how they are found: `search_key`, `search_names()`).
Rows of pages with a view restriction are marked private, in every language: no search
reads them unless it asks (query.TextSearch), and the one that asks filters by membership.
"""

from collections import defaultdict

from django.conf import settings
from django.db import connection, transaction
from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail.search.index import SearchField

from familientisch.i18n.search_configs import search_config

from .models import SearchText, SearchWord, SynonymGroup
from .words import spaced, words

SUMMARY_FIELDS = {"summary", "introduction", "search_description"}
BATCH = 500
MIN_KNOWN_WORD = 4


def plain(value):
    if isinstance(value, list | tuple):
        return " ".join(plain(item) for item in value)
    if isinstance(value, dict):
        return " ".join(plain(item) for item in value.values())
    return strip_tags(str(value or ""))


def page_texts(page):
    """(summary, body) of a specific page, from its search fields (related fields aside: the
    links are read in bulk, by `search_terms`)."""
    summary, body = [], []
    for field in page.get_search_fields():
        if isinstance(field, SearchField) and field.field_name != "title":
            part = summary if field.field_name in SUMMARY_FIELDS else body
            part.append(plain(field.get_value(page)))
    return " ".join(summary), " ".join(body)


def linked_model(page_model, lookup):
    model = page_model
    for name in lookup.split("__"):
        model = model._meta.get_field(name).related_model
    return model


class Names:
    """The names of the linked entries in every language, read once per model and build."""

    def __init__(self):
        self.by_model = {}

    def of(self, model):
        if model not in self.by_model:
            named = defaultdict(lambda: defaultdict(list))
            for key, pairs in model.search_names().items():
                for language, name in pairs:
                    named[key][language].append(name)
            self.by_model[model] = named
        return self.by_model[model]


def linked_names(page_model, pages, names):
    """{translation key: {language: [names of its links]}} of pages of one model."""
    found = defaultdict(lambda: defaultdict(list))
    pks = [page.pk for page in pages]
    for lookup in getattr(page_model, "search_terms", ()):
        model = linked_model(page_model, lookup)
        rows = page_model.objects.filter(pk__in=pks, **{f"{lookup}__isnull": False})
        seen = set(rows.values_list("translation_key", f"{lookup}__{model.search_key}"))
        for page_key, term_key in seen:
            for language, term_names in names.of(model).get(term_key, {}).items():
                found[page_key][language] += term_names
    return found


def texts_of(pages, names, public):
    """SearchText rows of specific pages (all of one model); `public`: the pks of the pages
    without a view restriction."""
    linked = linked_names(type(pages[0]), pages, names)
    private = {page.translation_key for page in pages if page.pk not in public}
    versions = defaultdict(dict)
    for page in pages:
        versions[page.translation_key][page.locale.language_code] = page
    rows = []
    for key, by_language in versions.items():
        for language, _name in settings.LANGUAGES:
            page = by_language.get(language)
            terms = " ".join(dict.fromkeys(linked[key].get(language, ())))
            if page is None and not terms:
                continue
            title, (summary, body) = (page.title, page_texts(page)) if page else ("", ("", ""))
            rows.append(
                SearchText(
                    translation_key=key,
                    language=language,
                    title=title,
                    summary=summary,
                    body=body,
                    terms=terms,
                    private=key in private,
                    words=spaced(title, summary, body, terms) if not uses_vectors() else "",
                )
            )
    return rows


def uses_vectors():
    return connection.vendor == "postgresql"


def searchable_pages():
    return Page.objects.live().filter(depth__gt=1, alias_of__isnull=True).select_related("locale")


@transaction.atomic
def rebuild(keys=None):
    """Rebuild the rows of the pages with these translation keys (every page when None)."""
    names = Names()
    stale = SearchText.objects.all()
    pages = searchable_pages()
    if keys is not None:
        keys = list(keys)
        stale = stale.filter(translation_key__in=keys)
        pages = pages.filter(translation_key__in=keys)
    stale.delete()
    # In batches of whole pages: all versions of a page in one batch.
    found = pages.order_by("translation_key").values_list("translation_key", flat=True)
    found = list(dict.fromkeys(found))
    for start in range(0, len(found), BATCH):
        batch = pages.filter(translation_key__in=found[start : start + BATCH])
        public = set(batch.public().values_list("pk", flat=True))
        by_model = defaultdict(list)
        for page in batch.specific():
            by_model[type(page)].append(page)
        rows = [row for group in by_model.values() for row in texts_of(group, names, public)]
        SearchText.objects.bulk_create(rows)
        learn(
            word
            for row in rows
            if not row.private
            for word in words(f"{row.title} {row.summary} {row.terms}")
        )
        if uses_vectors():
            stem({row.translation_key for row in rows})
    if keys is None and uses_vectors():
        # Fresh statistics: with the old ones the planner probed every page's rows in turn
        # instead of reading the text index (2 s instead of 0.6 s at 100,000 offers).
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {SearchText._meta.db_table}")


def stem(keys):
    """Each row's vector, by its language's rules: the title weighs most, then the summary
    and the names of its links, then the body."""
    configs = [(code, search_config(code)) for code, _name in settings.LANGUAGES]
    cases = " ".join("WHEN %s THEN %s" for _code in configs)
    config = f"(CASE language {cases} ELSE 'simple' END)::regconfig"
    sql = f"""
        UPDATE {SearchText._meta.db_table} SET vector =
            setweight(to_tsvector({config}, title), 'A')
            || setweight(to_tsvector({config}, summary || ' ' || terms), 'B')
            || setweight(to_tsvector({config}, body), 'C')
        WHERE translation_key = ANY(%s)
    """
    params = [value for pair in configs for value in pair] * 3 + [list(keys)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def learn(found):
    """Add words to the ones "did you mean" may propose."""
    known = {word for word in found if len(word) >= MIN_KNOWN_WORD and not word.isdigit()}
    SearchWord.objects.bulk_create(
        [SearchWord(word=word[:100]) for word in known], ignore_conflicts=True, batch_size=1000
    )


def learn_synonyms():
    learn(
        word
        for group in SynonymGroup.objects.all()
        for line in group.word_list()
        for word in words(line)
    )
