"""Helper of .ci/plugin-host-site, in two roles.

`python plugin_host_site.py readme README.md PROJECT`: follows README "Add Familientisch to an
existing Wagtail site" in a `wagtail start` site: appends its settings block to
PROJECT/settings/base.py and puts its URL line into PROJECT/urls.py before Wagtail's own.

Run inside `manage.py shell` (run_name "try"): makes a navigator with one offer below the
site's home page and fetches the navigator page and /api/v1/offers/.
"""

import re
import sys
from pathlib import Path

SECTION = "## Add Familientisch to an existing Wagtail site"


def readme_blocks(readme):
    """The section's code blocks, each named by the HTML comment just above it."""
    text = Path(readme).read_text()
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    return dict(re.findall(r"<!-- (\S+) -->\n```\w*\n(.*?)```", section, re.S))


def follow_readme(readme, project):
    blocks = readme_blocks(readme)
    settings = Path(project) / "settings" / "base.py"
    settings.write_text(settings.read_text() + "\n" + blocks["settings"])
    urls = Path(project) / "urls.py"
    source = urls.read_text()
    wagtail_line = '    path("", include(wagtail_urls)),\n'
    assert wagtail_line in source, "the urls.py of `wagtail start` has changed"
    urls.write_text(source.replace(wagtail_line, blocks["urls"] + wagtail_line, 1))


def try_the_site():
    from django.test import Client
    from wagtail.models import Page

    from familientisch.offers.models import OfferIndexPage, OfferPage

    home = Page.objects.get(depth=2).specific
    navigator = home.add_child(instance=OfferIndexPage(title="Familien-Navigator", slug="nav"))
    navigator.add_child(
        instance=OfferPage(
            title="Krabbelgruppe im Stadtteiltreff", summary="Für Kinder ab 1", cost="free"
        )
    )
    client = Client()
    page = client.get(navigator.url)
    assert page.status_code == 200, page.status_code
    assert "Krabbelgruppe im Stadtteiltreff" in page.content.decode()
    api = client.get("/api/v1/offers/")
    assert api.status_code == 200, api.status_code
    titles = [offer["title"] for offer in api.json()["results"]]
    assert titles == ["Krabbelgruppe im Stadtteiltreff"], titles


if __name__ == "__main__" and sys.argv[1] == "readme":
    follow_readme(sys.argv[2], sys.argv[3])
elif __name__ == "try":
    try_the_site()
