"""An allow-list cleaner for uploaded SVG files.

An SVG is a document, not a picture: opened from our domain, a script, an animation that turns
a link into `javascript:`, an XHTML element inside it or a style sheet it loads runs or fetches
with the site's cookies and visitors' addresses. Block-lists of such tricks were bypassed again
and again (entities inside `javascript:`, `<set>`, `image-set()`), so the cleaner keeps only what
a static drawing needs and builds a new document from it: known SVG elements and presentation
attributes, no animation, no other namespace, no processing instruction, and no reference except
to an element of the same file (`#id`). The stored file is what this module writes, never the
upload itself. No maintained Python library does this (py-svg-hush keeps animation elements).
"""

import re
from xml.etree.ElementTree import Element, SubElement, TreeBuilder, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"

UNSAFE_MESSAGE = _(
    "This SVG contains scripts, event handlers or references to other addresses. "
    "Please export it again as a plain SVG, or upload a PNG."
)
UNREADABLE_MESSAGE = _("This SVG file cannot be read. Is it damaged?")


def _words(text):
    return frozenset(text.split())


SHAPES = _words("path rect circle ellipse line polyline polygon use")
# Elements whose text is content; anywhere else text between elements is only indentation.
TEXTUAL = _words("text tspan textPath title desc style")
ELEMENTS = (
    SHAPES
    | TEXTUAL
    | _words(
        "svg g defs symbol switch a clipPath mask marker pattern linearGradient radialGradient "
        "stop filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix "
        "feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA "
        "feFuncB feFuncG feFuncR feGaussianBlur feMerge feMergeNode feMorphology feOffset "
        "fePointLight feSpecularLighting feSpotLight feTile feTurbulence"
    )
)
# Geometry, paint and text attributes of static SVG. Left out on purpose: every on* handler,
# the animation attributes (attributeName, to, values...), target, src, and `href` except as
# a #fragment (checked below).
ATTRIBUTES = _words(
    "id class style lang href x y x1 y1 x2 y2 cx cy r rx ry fx fy fr width height d points "
    "pathLength viewBox preserveAspectRatio transform version offset gradientUnits "
    "gradientTransform spreadMethod patternUnits patternContentUnits patternTransform "
    "clipPathUnits maskUnits maskContentUnits markerWidth markerHeight markerUnits refX refY "
    "orient dx dy rotate textLength lengthAdjust startOffset method spacing side systemLanguage "
    "filterUnits primitiveUnits in in2 result stdDeviation mode type values operator k1 k2 k3 "
    "k4 order kernelMatrix divisor bias targetX targetY edgeMode preserveAlpha surfaceScale "
    "diffuseConstant specularConstant specularExponent kernelUnitLength scale xChannelSelector "
    "yChannelSelector radius baseFrequency numOctaves seed stitchTiles tableValues slope "
    "intercept amplitude exponent azimuth elevation z pointsAtX pointsAtY pointsAtZ "
    "limitingConeAngle alignment-baseline baseline-shift clip clip-path clip-rule color "
    "color-interpolation color-interpolation-filters color-rendering direction display "
    "dominant-baseline enable-background fill fill-opacity fill-rule filter flood-color "
    "flood-opacity font-family font-size font-size-adjust font-stretch font-style font-variant "
    "font-weight image-rendering isolation letter-spacing lighting-color marker-start "
    "marker-mid marker-end mask mask-type mix-blend-mode opacity overflow paint-order "
    "shape-rendering stop-color stop-opacity stroke stroke-dasharray stroke-dashoffset "
    "stroke-linecap stroke-linejoin stroke-miterlimit stroke-opacity stroke-width text-anchor "
    "text-decoration text-rendering transform-origin unicode-bidi vector-effect visibility "
    "word-spacing writing-mode"
)
# `values` is a colour matrix on feColorMatrix; on animation elements it never gets here.
XML_ATTRIBUTES = {f"{{{XML}}}space", f"{{{XML}}}lang"}

# CSS functions that draw with what is in the file; any other (image-set(), image(),
# cross-fade(), expression(), src()...) may load something, and url() only to a #fragment.
CSS_FUNCTION = re.compile(r"([-\w]*)\s*\(")
LOCAL_URL = re.compile(r"url\(\s*['\"]?\s*#", re.IGNORECASE)
SAFE_FUNCTIONS = _words(
    "rgb rgba hsl hsla var calc matrix translate translatex translatey scale scalex scaley "
    "rotate skewx skewy"
)


class CleanSVG:
    """The cleaned document and what was taken out of the upload to make it."""

    def __init__(self, data, removed):
        self.data = data
        self.removed = removed


class _Builder(TreeBuilder):
    """Notes processing instructions, which the tree leaves out: a stored file that has one
    (such as <?xml-stylesheet?>) is not clean. Comments are left out silently."""

    def __init__(self):
        super().__init__()
        self.instructions = []

    def pi(self, target, text=None):
        self.instructions.append(f"<?{target}?>")


def _split(qualified):
    namespace, _brace, local = qualified.rpartition("}")
    return namespace.lstrip("{"), local


def _safe_value(text):
    """True when a value, read as CSS (as browsers read presentation attributes), refers to
    nothing outside the file. Escapes are refused: they can spell url( in a way no pattern sees."""
    if "\\" in text:
        return False
    for match in CSS_FUNCTION.finditer(text):
        name = match.group(1).lower()
        if name == "url":
            if not LOCAL_URL.match(text, match.start(1)):
                return False
        elif name not in SAFE_FUNCTIONS:
            return False
    return True


def _safe_css(text):
    # No at-rule at all: @import and @font-face load files, and a logo needs none.
    return "@" not in text and _safe_value(text)


def _attributes(element, removed):
    kept = {}
    for qualified, value in element.attrib.items():
        namespace, name = _split(qualified)
        if qualified in XML_ATTRIBUTES:
            kept[qualified] = value
            continue
        if namespace == XLINK and name == "href":
            namespace = ""  # SVG 2 reads a plain href; every current browser does
        if namespace or name not in ATTRIBUTES:
            removed.append(f"attribute {qualified}")
        elif (name == "href" and not value.strip().startswith("#")) or not (
            _safe_css(value) if name == "style" else _safe_value(value)
        ):
            removed.append(f"attribute {qualified}={value[:80]!r}")
        else:
            kept[name] = value
    return kept


def _add_text(parent, text):
    """Append text at the end of `parent`'s content, where it is content at all."""
    if not text or _split(parent.tag)[1] not in TEXTUAL:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _copy_children(source, target, removed):
    for child in source:
        namespace, name = _split(child.tag)
        if namespace not in (SVG, "") or name not in ELEMENTS:
            removed.append(f"element {child.tag}")
        elif name == "style" and not _safe_css("".join(child.itertext())):
            removed.append("style sheet that loads or escapes")
        else:
            kept = SubElement(target, name, _attributes(child, removed))
            _add_text(kept, child.text)
            _copy_children(child, kept, removed)
        _add_text(target, child.tail)


def _drawable(root):
    for element in root.iter():
        name = _split(element.tag)[1]
        if name in SHAPES or (name == "text" and "".join(element.itertext()).strip()):
            return True
    return False


def clean_svg(data):
    """Parse an uploaded SVG and rebuild it from its allowed parts only. Raises ValidationError
    for a file that is no SVG, cannot be read, declares entities, or has nothing left to draw."""
    builder = _Builder()
    # defusedxml refuses entity declarations (billion laughs, external files); a plain
    # DOCTYPE, as older drawing programs write it, fetches nothing and is not written back.
    parser = DefusedXMLParser(target=builder)
    try:
        parser.feed(data)
        source = parser.close()
    except DefusedXmlException as error:
        raise ValidationError(UNSAFE_MESSAGE, code="unsafe_svg") from error
    except (ParseError, ValueError) as error:
        raise ValidationError(UNREADABLE_MESSAGE, code="invalid_svg") from error
    if _split(source.tag)[1] != "svg" or _split(source.tag)[0] not in (SVG, ""):
        raise ValidationError(_("This file is not an SVG image."), code="invalid_svg")
    removed = list(builder.instructions)
    # Plain names and one xmlns attribute: the output has the SVG namespace as its default,
    # without ElementTree's global prefix registry (ns0:) being involved.
    root = Element("svg", {"xmlns": SVG, **_attributes(source, removed)})
    try:
        _copy_children(source, root, removed)
        cleaned = tostring(root, encoding="utf-8", xml_declaration=True)
    except RecursionError as error:  # thousands of nested groups: no drawing needs that
        raise ValidationError(UNREADABLE_MESSAGE, code="invalid_svg") from error
    if not _drawable(root):
        raise ValidationError(
            _(
                "Nothing is left to show in this SVG once scripts, animations, embedded "
                "pictures and links to other addresses are taken out. Please export it again "
                "as a plain SVG, or upload a PNG."
            ),
            code="empty_svg",
        )
    return CleanSVG(cleaned, removed)
