"""Checks on logo files: the type is read from the content (never trusted from the name), the
size is limited, and an SVG is accepted only when it cannot run code or fetch anything.

An SVG is a document, not a picture: served from our own domain, a `<script>` or an `onload`
in it runs with the site's cookies, and an external reference leaks visitors' addresses to a
third party. So the check is an allow-nothing-dangerous walk over the parsed tree.
"""

import os
import re

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

LOGO_FORMATS = {"png": "PNG", "jpeg": "JPEG", "webp": "WebP", "svg": "SVG"}
EXTENSION_FORMATS = {"png": "png", "jpg": "jpeg", "jpeg": "jpeg", "webp": "webp", "svg": "svg"}

# Elements that run code or embed another document.
FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
REFERENCE_ATTRIBUTES = {"href", "src"}
EXTERNAL_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)
DANGEROUS_VALUE = re.compile(r"javascript:|@import", re.IGNORECASE)
# CSS escapes can spell url( or @import in a way no pattern catches; logos do not need them.
CSS_ESCAPE = "\\"


def logo_max_size():
    return getattr(settings, "PARTNERS_LOGO_MAX_UPLOAD_SIZE", 2 * 1024 * 1024)


def sniff_format(data):
    """The image format named by the content of a file, or None if it is none of ours."""
    head = data[:4096]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    # Text: an SVG document; check_svg() then makes sure its root really is <svg>.
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and b"<svg" in head.lower():
        return "svg"
    return None


def _local_name(qualified):
    return qualified.rsplit("}", 1)[-1].lower()


def _unsafe_css(text):
    return bool(EXTERNAL_URL.search(text)) or CSS_ESCAPE in text


def check_svg(data):
    """Raise ValidationError unless the SVG document is safe to serve from our domain."""
    unsafe = ValidationError(
        _(
            "This SVG contains scripts, event handlers or references to other addresses. "
            "Please export it again as a plain SVG, or upload a PNG."
        ),
        code="unsafe_svg",
    )
    try:
        # defusedxml refuses entities (billion laughs, external files); a plain DOCTYPE, as
        # older drawing programs write it, is harmless because nothing is fetched.
        root = fromstring(data)
    except DefusedXmlException as error:
        raise unsafe from error
    except (ParseError, ValueError) as error:
        raise ValidationError(
            _("This SVG file cannot be read. Is it damaged?"), code="invalid_svg"
        ) from error
    if _local_name(root.tag) != "svg":
        raise ValidationError(_("This file is not an SVG image."), code="invalid_svg")
    for element in root.iter():
        if _local_name(element.tag) in FORBIDDEN_ELEMENTS:
            raise unsafe
        if _local_name(element.tag) == "style" and _unsafe_css(element.text or ""):
            raise unsafe
        for name, value in element.attrib.items():
            name = _local_name(name)
            if name.startswith("on") or DANGEROUS_VALUE.search(value):
                raise unsafe
            if name in REFERENCE_ATTRIBUTES and not value.strip().startswith("#"):
                raise unsafe
            if EXTERNAL_URL.search(value) or (name == "style" and _unsafe_css(value)):
                raise unsafe
        if DANGEROUS_VALUE.search(element.text or ""):
            raise unsafe


def validate_logo_file(file, name=None):
    """Check an uploaded or stored logo: size first (without reading a huge file), then the
    format by content, which must match the file name's extension, then SVG safety."""
    size, limit = file.size, logo_max_size()
    if size > limit:
        raise ValidationError(
            _("This file is %(size)s; a logo may be at most %(limit)s."),
            code="logo_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    file.seek(0)
    data = file.read()
    file.seek(0)
    found = sniff_format(data)
    if found is None:
        raise ValidationError(
            _("A logo must be a PNG, JPEG, WebP or SVG image."), code="logo_format"
        )
    extension = os.path.splitext(name or file.name or "")[1].lower().lstrip(".")
    if EXTENSION_FORMATS.get(extension) != found:
        raise ValidationError(
            _("The file name ends in .%(extension)s, but the file contains a %(found)s image."),
            code="logo_extension_mismatch",
            params={"extension": extension, "found": LOGO_FORMATS[found]},
        )
    if found == "svg":
        check_svg(data)


def validate_logo_image(image):
    """Check a Wagtail image chosen as a partner's logo."""
    with image.open_file() as file:
        validate_logo_file(file, name=image.file.name)
