"""Pages tell the browser to run only the site's own scripts and to load nothing from elsewhere
(issue: no Content-Security-Policy on any page; the API docs loaded Swagger from a CDN)."""

import re

import pytest


def policy(response):
    return {
        directive.split()[0]: directive.split()[1:]
        for directive in response["Content-Security-Policy"].split("; ")
    }


@pytest.mark.parametrize("address", ["/de/", "/ar/suche/?q=Kita", "/api/v1/docs/"])
def test_public_pages_run_only_the_sites_own_scripts(client, home, address):
    directives = policy(client.get(address))
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]  # no map tiles configured


def test_the_api_docs_load_swagger_from_the_site_itself(client, db):
    html = client.get("/api/v1/docs/").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(source.endswith("swagger-ui-bundle.js") for source in sources)
    assert all(source.startswith("/") for source in sources), sources


def test_the_admin_keeps_wagtails_own_headers(client, db):
    assert "Content-Security-Policy" not in client.get("/admin/login/")
