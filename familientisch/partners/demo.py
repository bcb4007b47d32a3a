"""Demo partners of every kind with logos drawn here (invented organisations, no real logo):
half as SVG, half as PNG, so both paths through the logo wall are seen. A few have no approved
logo yet and appear by name only."""

import colorsys
import datetime
import io
from zlib import crc32

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

from familientisch.core.demo_helpers import child_page
from familientisch.taxonomy.models import District

from .access import new_partner_collection
from .models import PartnerIndexPage, PartnerKind, PartnerPage

LOGO_SIZE = (240, 120)
CONSENT_START = datetime.date(2025, 1, 1)

# (name, kind, summary): three or four of each kind.
PARTNERS = [
    ("Familienbüro der Stadt", "city-office", "Erste Anlaufstelle für Familien."),
    ("Kinder- und Jugendgesundheitsdienst", "city-office", "Impfberatung und Untersuchungen."),
    ("Integrationsbüro der Stadt", "city-office", "Beratung für neu zugewanderte Familien."),
    ("Familienzentrum Sonnenblume", "charity", "Kita, Elterncafé und Beratung unter einem Dach."),
    ("Kinderhilfe Regenbogen e. V.", "charity", "Hilfe für Kinder in schwierigen Lagen."),
    ("Beratungsstelle Lichtblick", "charity", "Erziehungs- und Familienberatung, kostenlos."),
    ("Mütterzentrum Kleeblatt", "charity", "Treffpunkt für Mütter und Väter mit Babys."),
    ("Elterncafé Am Markt", "initiative", "Jeden Dienstag Frühstück und Austausch."),
    ("Nachbarschaftsinitiative Lindenhof", "initiative", "Nachbarn helfen Familien."),
    ("Leselotsen Nord", "initiative", "Ehrenamtliche lesen mit Kindern."),
    ("Willkommensnetz Rheinbogen", "initiative", "Patenschaften für geflüchtete Familien."),
    ("Bäckerei Morgenrot", "company", "Spendet Brot für das Familienfrühstück."),
    ("Kita-Service Pusteblume GmbH", "company", "Betreuungsplätze für Kinder von Beschäftigten."),
    ("Buchhandlung Seitenwind", "company", "Vorlesestunden für Kinder."),
    ("Ev. Kirchengemeinde Am Hain", "church", "Krabbelgruppen und Familiengottesdienste."),
    ("Kath. Familienbildungswerk St. Laurentius", "church", "Kurse für Eltern und Kinder."),
    ("Islamische Gemeinde Brückenschlag", "church", "Hausaufgabenhilfe und Elternabende."),
    ("Kreishandwerkerschaft Bildungswerk", "chamber", "Praktika und Ausbildung für Jugendliche."),
    ("Verband der Tageseltern", "chamber", "Vermittlung von Tagesmüttern und -vätern."),
    ("Elternverband Kita", "chamber", "Die Stimme der Kita-Eltern."),
    ("Stadtsportbund Familie aktiv", "chamber", "Bewegung für die ganze Familie."),
    ("Stadtbibliothek Kinderwelt", "other", "Bücher, Spiele und Lernräume."),
    ("Musikschule Klangfarbe", "other", "Musikalische Früherziehung ab 18 Monaten."),
    ("Zooschule Entdeckerpfad", "other", "Lernen mit Tieren."),
    ("Hebammennetz Rheinbogen", "other", "Hebammen für Schwangere und junge Familien."),
]
# Logos sent in but not yet approved, and partners without any logo: listed by name only.
AWAITING_CONSENT = {"Mütterzentrum Kleeblatt", "Verband der Tageseltern"}
WITHOUT_LOGO = {"Leselotsen Nord", "Zooschule Entdeckerpfad", "Islamische Gemeinde Brückenschlag"}
# Partners whose accounts can log in to the admin (the groups only; no demo passwords).
WITH_ACCOUNTS = {"Familienzentrum Sonnenblume", "Elterncafé Am Markt"}


def _colour(name):
    hue = (crc32(name.encode()) % 360) / 360
    red, green, blue = (round(255 * c) for c in colorsys.hls_to_rgb(hue, 0.35, 0.6))
    return red, green, blue


def _initials(name):
    words = [word for word in name.replace("-", " ").split() if word[0].isupper()]
    return "".join(word[0] for word in words[:2])


def svg_logo(name):
    red, green, blue = _colour(name)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120" viewBox="0 0 240 120">'
        f'<rect width="240" height="120" rx="16" fill="rgb({red},{green},{blue})"/>'
        '<circle cx="60" cy="60" r="36" fill="#fff"/>'
        f'<text x="60" y="72" font-family="sans-serif" font-size="32" text-anchor="middle" '
        f'fill="rgb({red},{green},{blue})">{_initials(name)}</text>'
        '<rect x="112" y="44" width="104" height="10" rx="5" fill="#fff"/>'
        '<rect x="112" y="66" width="72" height="10" rx="5" fill="#fff"/>'
        "</svg>"
    ).encode()


def png_logo(name):
    colour = _colour(name)
    image = PILImage.new("RGB", LOGO_SIZE, "white")
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((4, 4, 236, 116), radius=16, outline=colour, width=6)
    draw.ellipse((24, 24, 96, 96), fill=colour)
    draw.text((60, 60), _initials(name), fill="white", font=ImageFont.load_default(30), anchor="mm")
    draw.rectangle((116, 44, 212, 52), fill=colour)
    draw.rectangle((116, 68, 180, 76), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def make_logo(name, slug, as_svg, collection):
    data, extension = (svg_logo(name), "svg") if as_svg else (png_logo(name), "png")
    return get_image_model().objects.create(
        title=f"Logo {name}",
        file=ContentFile(data, name=f"{slug}.{extension}"),
        width=LOGO_SIZE[0],
        height=LOGO_SIZE[1],
        collection=collection,
    )


def load(home):
    index = child_page(home, PartnerIndexPage, "partner", title="Partner", show_in_menus=True)
    existing = set(index.get_children().values_list("slug", flat=True))
    districts = list(District.objects.filter(locale=home.locale))
    for position, (name, kind, summary) in enumerate(PARTNERS):
        slug = slugify(name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"))
        if slug in existing:
            continue
        approved = name not in AWAITING_CONSENT | WITHOUT_LOGO
        collection = new_partner_collection(name)
        logo = None
        if name not in WITHOUT_LOGO:
            logo = make_logo(name, slug, position % 2 == 0, collection)
        group = None
        if name in WITH_ACCOUNTS:
            group, _created = Group.objects.get_or_create(name=f"Partner {name}")
        first_district = position % max(len(districts), 1)
        child_page(
            index,
            PartnerPage,
            slug,
            title=name,
            kind=PartnerKind(kind),
            summary=summary,
            logo=logo,
            logo_approved=approved,
            logo_consent_date=CONSENT_START + datetime.timedelta(days=position * 9)
            if approved
            else None,
            website=f"https://{slug}.example",
            contact_email=f"info@{slug}.example",
            districts=districts[first_district : first_district + 2],
            group=group,
            logo_collection=collection,
        )
