"""Uploads served by the app itself (development, `DEBUG`), with the headers the production
proxy adds to them (docs/production.md, deploy/): an uploaded SVG is a document, and opened
from our domain anything in it would run with the site's cookies. The cleaner
(partners/svg.py) removes what it knows; these headers are the second line, for files stored
before it and for whatever it misses: no script, no fetch, no sniffing, download on direct open.
Images embedded with <img> are not affected by any of them."""

from django.http import Http404
from django.views.static import serve

SVG_TYPE = "image/svg+xml"
USER_SVG_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": "attachment",
}


def serve_media(request, path, document_root=None):
    if path.startswith("documents/"):
        # Documents only through /documents/<id>/<name>, where the privacy of the pages that use
        # them is checked (core/restrictions.py); the proxy does the same (internal location).
        raise Http404("Documents are downloaded at /documents/.")
    response = serve(request, path, document_root=document_root)
    if response.get("Content-Type", "").startswith(SVG_TYPE) or path.lower().endswith(
        (".svg", ".svgz")
    ):
        for name, value in USER_SVG_HEADERS.items():
            response[name] = value
    return response
