"""Checks on logo files: the type is read from the content (never trusted from the name), the
size is limited, and an SVG is used only when the cleaner (partners/svg.py) would take nothing
out of it.

Every SVG upload to the image library is cleaned before it is stored (partners/image_forms.py),
so this refuses only a file stored before that, verbatim, which may still hold a script.
"""

import os

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from familientisch.conf import setting

from .svg import UNSAFE_MESSAGE, clean_svg

LOGO_FORMATS = {"png": "PNG", "jpeg": "JPEG", "webp": "WebP", "svg": "SVG"}
EXTENSION_FORMATS = {"png": "png", "jpg": "jpeg", "jpeg": "jpeg", "webp": "webp", "svg": "svg"}


def logo_max_size():
    return setting("PARTNERS_LOGO_MAX_UPLOAD_SIZE")


def sniff_format(data):
    """The image format named by the content of a file, or None if it is none of ours."""
    head = data[:4096]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    # Text: an SVG document; clean_svg() then makes sure its root really is <svg>.
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and b"<svg" in head.lower():
        return "svg"
    return None


def validate_logo_file(file, name=None):
    """Check an uploaded or stored logo: size first (without reading a huge file), then the
    format by content, which must match the file name's extension, then that an SVG is clean."""
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
    if found == "svg" and clean_svg(data).removed:
        raise ValidationError(UNSAFE_MESSAGE, code="unsafe_svg")


def validate_logo_image(image):
    """Check a Wagtail image chosen as a partner's logo."""
    with image.open_file() as file:
        validate_logo_file(file, name=image.file.name)
