"""Partner logos: PNG, JPEG, WebP or SVG, told apart by their content; an SVG only when it can
neither run code nor fetch anything (uploads are cleaned, tests/test_svg_uploads_are_cleaned.py;
a file stored verbatim before that is refused); never larger than the logo limit."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images import get_image_model

from familientisch.partners.logos import validate_logo_file
from tests.factories.partners import (
    SAFE_SVG,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    SvgLogoFactory,
    edit_form_data,
    png_bytes,
)

# A drawing, then in each case something the cleaner would take out of it.
SVG_OPEN = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
    b'<rect width="90" height="40" fill="#0b5a8a"/>'
)

UNSAFE_SVGS = {
    "script": SVG_OPEN + b"<script>alert(document.cookie)</script></svg>",
    "onload": SVG_OPEN.replace(b"<svg ", b'<svg onload="alert(1)" ') + b"</svg>",
    "handler on a child": SVG_OPEN + b'<rect width="9" height="9" onclick="steal()"/></svg>',
    "external href": SVG_OPEN + b'<image href="https://tracker.example/pixel.png"/></svg>',
    "external xlink:href": SVG_OPEN + b'<use xlink:href="https://cdn.example/icons.svg#a"/></svg>',
    "javascript link": SVG_OPEN + b'<a href="javascript:alert(1)"><rect/></a></svg>',
    "style url()": SVG_OPEN + b'<rect style="fill: url(https://fonts.example/x)"/></svg>',
    "style element import": SVG_OPEN + b'<style>@import "https://x.example/a.css";</style></svg>',
    "escaped css": SVG_OPEN + b'<rect style="fill: \\75rl(https://x.example/a)"/></svg>',
    "foreignObject": SVG_OPEN + b"<foreignObject><div>hi</div></foreignObject></svg>",
    "entity expansion": b'<!DOCTYPE svg [<!ENTITY a "aaaa">]>' + SVG_OPEN + b"&a;</svg>",
    "animated javascript link": SVG_OPEN
    + b'<a><rect width="9" height="9"/><set attributeName="href" to="java&#9;script:x()"/></a>'
    + b"</svg>",
    "style sheet instruction": b'<?xml-stylesheet href="https://x.example/a.css"?>'
    + SVG_OPEN
    + b'<rect width="9" height="9"/></svg>',
    "css image-set": SVG_OPEN
    + b'<rect width="9" height="9" style="fill: image-set(\'https://x.example/a.png\' 1x)"/>'
    + b"</svg>",
}


def upload(name, content):
    return SimpleUploadedFile(name, content)


def message(error):
    return " ".join(error.value.messages)


@pytest.mark.parametrize("content", UNSAFE_SVGS.values(), ids=UNSAFE_SVGS.keys())
def test_a_stored_svg_that_could_run_code_or_fetch_something_is_refused_as_a_logo(content):
    with pytest.raises(ValidationError) as error:
        validate_logo_file(upload("logo.svg", content))
    assert "scripts, event handlers or references to other addresses" in message(error)


def test_a_plain_svg_with_internal_references_is_accepted():
    validate_logo_file(upload("logo.svg", SAFE_SVG))


def test_an_svg_with_an_old_style_doctype_is_accepted():
    doctype = b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "svg11.dtd">'
    validate_logo_file(upload("logo.svg", doctype + SAFE_SVG))


@pytest.mark.parametrize(
    ("name", "fmt"), [("logo.png", "PNG"), ("logo.jpg", "JPEG"), ("logo.webp", "WEBP")]
)
def test_raster_logos_are_accepted(name, fmt):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 20), "#a3410b").save(buffer, format=fmt)
    validate_logo_file(upload(name, buffer.getvalue()))


def test_a_png_renamed_to_svg_is_refused_by_its_content():
    with pytest.raises(ValidationError) as error:
        validate_logo_file(upload("logo.svg", png_bytes()))
    assert "ends in .svg, but the file contains a PNG image" in message(error)


def test_a_file_that_is_no_image_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_logo_file(upload("logo.png", b"%PDF-1.7 not a logo"))
    assert "must be a PNG, JPEG, WebP or SVG image" in message(error)


def test_a_20_mb_file_is_refused_with_its_size_and_the_limit():
    huge = png_bytes() + b"\0" * (20 * 1024 * 1024)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        validate_logo_file(upload("logo.png", huge))
    assert "This file is 20.0\xa0MB; a logo may be at most 2.0\xa0MB." in message(error)


def test_an_unsafe_svg_uploaded_to_the_library_is_cleaned_and_then_taken_as_a_logo(
    admin_client, home
):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Logo", "file": upload("logo.svg", UNSAFE_SVGS["handler on a child"])},
    )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    partner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home))
    data = edit_form_data(admin_client, partner)
    data["logo"] = image.pk
    assert admin_client.post(f"/admin/pages/{partner.pk}/edit/", data).status_code == 302
    partner.refresh_from_db()
    assert partner.get_latest_revision_as_object().logo == image


def test_the_admin_image_library_takes_a_plain_svg(admin_client, db):
    response = admin_client.post(
        "/admin/images/add/", {"title": "Logo", "file": upload("logo.svg", SAFE_SVG)}
    )
    assert response.status_code == 302
    assert get_image_model().objects.get().is_svg()


def test_a_partner_page_refuses_an_unsafe_svg_already_in_the_library(admin_client, home):
    partner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home))
    unsafe = SvgLogoFactory(file=ContentFile(UNSAFE_SVGS["script"], name="old.svg"))
    data = edit_form_data(admin_client, partner)
    data["logo"] = unsafe.pk
    response = admin_client.post(f"/admin/pages/{partner.pk}/edit/", data)
    assert response.status_code == 200
    assert "scripts, event handlers or references" in response.content.decode()
    partner.refresh_from_db()
    assert partner.logo is None
    assert partner.latest_revision is None


def test_a_partner_page_takes_a_plain_svg_logo(admin_client, home):
    partner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home))
    data = edit_form_data(admin_client, partner)
    data["logo"] = SvgLogoFactory().pk
    response = admin_client.post(f"/admin/pages/{partner.pk}/edit/", data)
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.get_latest_revision_as_object().logo.is_svg()


def test_a_moderator_may_approve_a_partners_logo_without_the_superuser(django_user_model):
    from django.contrib.auth.models import Group

    from familientisch.partners.forms import APPROVE_LOGO_PERMISSION

    moderator = django_user_model.objects.create_user("moderation", password="pw")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    editor = django_user_model.objects.create_user("redaktion", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    assert moderator.has_perm(APPROVE_LOGO_PERMISSION)
    assert not editor.has_perm(APPROVE_LOGO_PERMISSION)
