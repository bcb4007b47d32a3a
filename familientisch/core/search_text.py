"""What a visitor typed into a search box, in the form the database takes it."""

MAX_QUERY_LENGTH = 200


def search_text(typed):
    """At most 200 characters, without NUL characters: PostgreSQL refuses them in text, and
    they gave an error page instead of results."""
    return typed.replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
