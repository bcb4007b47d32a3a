"""How a view that searches tells the counting middleware what it was asked and how much it
found: in a header of its response, which the page cache stores with the page, so that a
search answered from the cache counts too. The middleware removes the header before the
response leaves the site.

`annotate_search(response, query, found, filters)` is all a view calls."""

from urllib.parse import parse_qsl, urlencode

from .counting import normalise

HEADER = "Familientisch-Statistics"


def annotate_search(response, query, found, filters=()):
    """`query` as typed (normalised here), `found` the number of results, `filters` the
    `name=value` of each filter that was set."""
    pairs = [("filter", item) for item in filters]
    query = normalise(query or "")
    if query:
        pairs += [("q", query), ("found", str(found))]
    if pairs:
        # Percent-encoded: a header carries Latin-1 only, searches come in every script.
        response[HEADER] = urlencode(pairs)
    return response


def take_annotation(response):
    """(normalised query or "", number found or None, [filters]), and the header is gone."""
    if not response.has_header(HEADER):
        return "", None, []
    pairs = parse_qsl(response[HEADER])
    del response[HEADER]
    query = next((value for name, value in pairs if name == "q"), "")
    found = next((value for name, value in pairs if name == "found"), "")
    filters = [value for name, value in pairs if name == "filter"]
    return query, int(found) if found.isdigit() else None, filters
