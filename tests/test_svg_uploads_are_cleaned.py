"""A partner uploads an SVG logo (or an editor any SVG) to the image library: what is stored is
the drawing rebuilt from static SVG only, so nothing in it can run script in the site's origin
or fetch anything when an editor opens it; the shapes stay. A file that is no SVG, cannot be
read or has nothing left to draw is refused in the uploader's language. Served by the site,
an SVG also carries a policy that forbids script and fetching."""

from pathlib import Path

import pytest
from defusedxml.ElementTree import fromstring
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

from tests.factories.partners import (
    PartnerIndexPageFactory,
    PartnerPageFactory,
    log_in_as_partner,
    png_bytes,
)

SVG = "{http://www.w3.org/2000/svg}"
LOCALE = Path(__file__).resolve().parents[1] / "familientisch" / "locale"
OPEN = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    ' xmlns:h="http://www.w3.org/1999/xhtml" viewBox="0 0 120 60">'
)
KEPT = '<rect id="keep" width="40" height="20" fill="#a3410b"/>'


def svg(body, before=""):
    return (before + OPEN + KEPT + body + "</svg>").encode()


# Each was accepted by the former block-list and runs script in the site's origin or loads or
# navigates elsewhere; the markers must not be in the stored file.
ATTACKS = {
    "animate sets a link to javascript with a tab entity in the scheme": (
        svg(
            '<a><rect width="9" height="9"/><animate attributeName="href" begin="0s"'
            ' values="java&#9;script:alert(document.domain)"/></a>'
        ),
        ["animate", "script", "alert"],
    ),
    "set sets xlink:href to javascript with a tab entity in the scheme": (
        svg(
            '<a><rect width="9" height="9"/><set attributeName="xlink:href"'
            ' to="java&#9;script:alert(document.domain)"/></a>'
        ),
        ["<set", "script", "alert"],
    ),
    "xml-stylesheet instruction": (
        svg("", before='<?xml-stylesheet type="text/css" href="https://evil.example/x.css"?>'),
        ["xml-stylesheet", "evil.example"],
    ),
    "xhtml meta refresh": (
        svg('<h:meta http-equiv="refresh" content="0;url=https://evil.example/"/>'),
        ["meta", "refresh", "evil.example", "xhtml"],
    ),
    "xhtml img srcset": (
        svg('<h:img srcset="https://tracker.example/pixel.png 1x"/>'),
        ["img", "srcset", "tracker.example"],
    ),
    "xhtml video poster": (
        svg('<video xmlns="http://www.w3.org/1999/xhtml" poster="https://tracker.example/p.png"/>'),
        ["video", "poster", "tracker.example"],
    ),
    "xhtml inside foreignObject": (
        svg(
            '<foreignObject width="9" height="9"><h:iframe src="https://evil.example/"/>'
            "</foreignObject>"
        ),
        ["foreignObject", "iframe", "evil.example"],
    ),
    "css image-set in a style attribute": (
        svg(
            '<rect width="9" height="9" style="fill: #fff; background-image: image-set(\'https:'
            "//tracker.example/p.png' 1x)\"/>"
        ),
        ["image-set", "tracker.example"],
    ),
    "css image-set in a style element": (
        svg('<style>rect { background: image-set("https://tracker.example/p.png" 1x) }</style>'),
        ["image-set", "tracker.example", "<style"],
    ),
    "animated href on image": (
        svg(
            '<image href="#keep" width="9" height="9">'
            '<animate attributeName="href" to="https://tracker.example/p.png"/></image>'
        ),
        ["<image", "animate", "tracker.example"],
    ),
    "animated href on feImage": (
        svg(
            '<filter id="f"><feImage href="#keep">'
            '<set attributeName="href" to="https://tracker.example/p.png"/></feImage></filter>'
        ),
        ["feImage", "<set", "tracker.example"],
    ),
    "external href": (
        svg(
            '<use href="https://cdn.example/icons.svg#a"/><use xlink:href="//cdn.example/b.svg#b"/>'
        ),
        ["cdn.example"],
    ),
    "event handlers": (
        svg('<g onload="alert(1)"><rect width="9" height="9" onclick="steal()"/></g>'),
        ["onload", "onclick", "alert", "steal"],
    ),
    "script element": (
        svg("<script>alert(document.cookie)</script>"),
        ["script", "alert"],
    ),
    "css url to another address": (
        svg(
            '<rect width="9" height="9" fill="url(https://x.example/a#g)"'
            ' style="stroke: \\75rl(https://x.example/b)"/>'
            '<style>@import "https://x.example/c.css";</style>'
        ),
        ["x.example", "@import"],
    ),
}


@pytest.fixture
def partner(home):
    return PartnerPageFactory(
        parent=PartnerIndexPageFactory(parent=home), title="Kita Sonnenschein", with_accounts=True
    )


@pytest.fixture
def partner_client(client, partner):
    return log_in_as_partner(client, partner, "sonnenschein")


def upload(client, partner, content, name="logo.svg"):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Logo",
            "collection": partner.logo_collection_id,
            "file": SimpleUploadedFile(name, content),
        },
    )


def stored():
    image = get_image_model().objects.get()
    with image.open_file() as file:
        return image, file.read()


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_a_dangerous_svg_from_a_partner_is_stored_cleaned_not_refused(
    partner_client, partner, attack
):
    content, markers = attack
    response = upload(partner_client, partner, content)
    assert response.status_code == 302
    image, data = stored()
    for marker in markers:
        assert marker.lower().encode() not in data.lower()
    assert b"javascript" not in data.lower() and b"<?xml-stylesheet" not in data
    root = fromstring(data)
    assert root.tag == f"{SVG}svg" and root.get("viewBox") == "0 0 120 60"
    assert root.find(f"{SVG}rect[@id='keep']").get("fill") == "#a3410b"
    assert not [e.tag for e in root.iter() if not e.tag.startswith(SVG)]
    assert image.file_size == len(data) and image.is_svg()


LOGO = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b"<!-- Generator: a drawing program -->\n"
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    b' width="240" height="120" viewBox="0 0 240 120">'
    b"<title>Kita Sonnenschein</title>"
    b"<style>.sun { fill: #f2b705; stroke: url(#ring) }</style>"
    b'<defs><radialGradient id="glow" cx="0.5" cy="0.5" r="0.5">'
    b'<stop offset="0" stop-color="#fff6d5"/><stop offset="1" stop-color="#f2b705"/>'
    b'</radialGradient><linearGradient id="ring"><stop offset="0" stop-color="#a3410b"/>'
    b'</linearGradient><path id="ray" d="M0 -50 L6 -38 L-6 -38 Z"/></defs>'
    b'<g transform="translate(60 60)"><circle r="30" fill="url(#glow)" class="sun"/>'
    b'<use xlink:href="#ray" fill="#f2b705"/><use href="#ray" transform="rotate(90)"/></g>'
    b'<text x="110" y="68" font-family="\'Open Sans\', sans-serif" font-size="22" fill="#333">'
    b'Kita <tspan font-weight="bold">Sonnenschein</tspan> &amp; Hort</text></svg>'
)


def test_a_clean_logo_keeps_its_shapes_viewbox_fills_and_gradients(partner_client, partner):
    assert upload(partner_client, partner, LOGO).status_code == 302
    image, data = stored()
    root = fromstring(data)
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == (
        "240",
        "120",
        "0 0 240 120",
    )
    assert (image.width, image.height) == (240, 120)
    assert root.findtext(f"{SVG}title") == "Kita Sonnenschein"
    assert "stroke: url(#ring)" in root.findtext(f"{SVG}style")
    stops = root.findall(f"{SVG}defs/{SVG}radialGradient[@id='glow']/{SVG}stop")
    assert [s.get("stop-color") for s in stops] == ["#fff6d5", "#f2b705"]
    circle = root.find(f"{SVG}g/{SVG}circle")
    assert (circle.get("fill"), circle.get("class"), circle.get("r")) == ("url(#glow)", "sun", "30")
    assert [u.get("href") for u in root.iter(f"{SVG}use")] == ["#ray", "#ray"]
    assert root.find(f"{SVG}defs/{SVG}path").get("d") == "M0 -50 L6 -38 L-6 -38 Z"
    text = root.find(f"{SVG}text")
    assert "".join(text.itertext()) == "Kita Sonnenschein & Hort"
    assert text.get("font-family") == "'Open Sans', sans-serif"
    assert b"Generator" not in data  # comments are not kept


def test_the_multiple_uploader_stores_a_cleaned_svg(partner_client, partner):
    response = partner_client.post(
        "/admin/images/multiple/add/",
        {
            "collection": partner.logo_collection_id,
            "files[]": SimpleUploadedFile("logo.svg", ATTACKS["script element"][0]),
        },
    )
    assert response.json()["success"]
    _image, data = stored()
    assert b"script" not in data and b'id="keep"' in data


def test_an_upload_held_back_by_another_field_is_kept_cleaned(admin_client, partner):
    # Wagtail's multiple uploader keeps the upload itself when a field other than the file is
    # invalid (here: a collection that does not exist; the partner's collections make the
    # field shown), to be completed in a second step.
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {
            "collection": "999999",
            "files[]": SimpleUploadedFile("logo.svg", ATTACKS["event handlers"][0]),
        },
    )
    assert "uploaded_file_id" in response.json()
    held = UploadedFile.objects.get()
    with held.file.open() as file:
        data = file.read()
    assert b"onload" not in data and b"alert" not in data and b'id="keep"' in data


@override_settings(LOCALE_PATHS=[LOCALE])
@pytest.mark.parametrize(
    ("content", "german"),
    [
        (b'<html xmlns="http://www.w3.org/1999/xhtml"><svg/></html>', "kein SVG-Bild"),
        (svg("<script>alert(1)</script>") + b"<svg>", "kein Bild oder ist defekt"),
        (
            OPEN.encode() + b'<image href="https://x.example/a.png"/></svg>',
            "bleibt nichts zu sehen",
        ),
    ],
    ids=["no svg", "unreadable", "nothing drawable left"],
)
def test_an_svg_that_cannot_be_used_is_refused_in_the_uploaders_language(
    partner_client, partner, content, german
):
    response = upload(partner_client, partner, content)
    assert response.status_code == 200
    assert german in response.content.decode()
    assert not get_image_model().objects.exists()


def test_the_development_server_sends_an_uploaded_svg_with_a_policy_against_script(
    admin_client, development_urls
):
    for name, content in [("logo.svg", LOGO), ("photo.png", png_bytes())]:
        admin_client.post(
            "/admin/images/add/", {"title": name, "file": SimpleUploadedFile(name, content)}
        )
    svg_image, png_image = get_image_model().objects.order_by("pk")
    response = admin_client.get(svg_image.file.url)
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == "attachment"
    photo = admin_client.get(png_image.file.url)
    assert photo.status_code == 200 and "attachment" not in photo["Content-Disposition"]
