"""The nearest known word to a word typed with a mistake: PostgreSQL compares trigrams, over an
index (pg_trgm); SQLite, without it, compares the known words of the same first letter in Python
(difflib), which is enough for a small site."""

import difflib

from django.db import connection

from .models import SearchWord

SIMILAR_ENOUGH = 0.45  # trigram similarity: "krabelgruppe" / "krabbelgruppe" is 0.69
CLOSE_ENOUGH = 0.8  # difflib's ratio: the same pair is 0.96
MIN_TYPO = 4  # shorter words are too often another word, not a typo


def known(word):
    """Whether some known word starts with this one (then it is no typo)."""
    return SearchWord.objects.filter(word__startswith=word).exists()


def nearest(word):
    if connection.vendor == "postgresql":
        # `%` is pg_trgm's "similar" operator, the one its index serves.
        sql = f"""
            SELECT word FROM {SearchWord._meta.db_table}
            WHERE word %% %s AND similarity(word, %s) >= %s
            ORDER BY similarity(word, %s) DESC, word LIMIT 1
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [word, word, SIMILAR_ENOUGH, word])
            row = cursor.fetchone()
        return row[0] if row else None
    candidates = SearchWord.objects.filter(word__startswith=word[0]).values_list("word", flat=True)
    best = difflib.get_close_matches(word, list(candidates), n=1, cutoff=CLOSE_ENOUGH)
    return best[0] if best else None


def corrected(tokens):
    """The tokens with each unknown one replaced by its nearest known word, where there is one."""
    return [
        token if len(token) < MIN_TYPO or known(token) else nearest(token) or token
        for token in tokens
    ]
