"""Ways to pass the list on: links the visitor opens on purpose (WhatsApp, SMS, e-mail) and a
QR code drawn on our server (segno), so showing the list asks no other site for anything."""

from urllib.parse import quote

import segno


def share_links(link, title):
    text = f"{title}: {link}"
    return {
        "link": link,
        "whatsapp": "https://wa.me/?text=" + quote(text),
        "sms": "sms:?&body=" + quote(text),
        "email": f"mailto:?subject={quote(str(title))}&body={quote(link)}",
        "qr_svg": segno.make(link, error="m").svg_inline(scale=4, dark="#1d2330"),
    }
