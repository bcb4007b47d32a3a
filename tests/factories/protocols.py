import datetime

import factory
import wagtail_factories
from wagtail.documents.models import Document

from familientisch.protocols.blocks import block
from familientisch.protocols.models import ProtocolPage

from .home import ProtocolIndexPageFactory

__all__ = ["DocumentFactory", "ProtocolIndexPageFactory", "ProtocolPageFactory", "agenda_item"]


def agenda_item(number, title, *paragraphs, subheading=None):
    """An agenda item in the StreamField's raw form."""
    text = [block("subheading", subheading)] if subheading else []
    text += [block("paragraph", f"<p>{paragraph}</p>") for paragraph in paragraphs]
    return block(
        "item",
        {"number": str(number), "title": title, "text": text, "decisions": [], "action_items": []},
    )


class DocumentFactory(factory.django.DjangoModelFactory):
    title = "Präsentation"
    file = factory.django.FileField(filename="praesentation.pdf", data=b"%PDF-1.4\n%%EOF\n")

    class Meta:
        model = Document


class ProtocolPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sitzung des Familientisches {n}")
    slug = factory.Sequence(lambda n: f"sitzung-{n}")
    meeting_date = datetime.date(2018, 6, 6)
    meeting_time = datetime.time(16, 30)
    place = "Bürgerhaus Bilk"
    meeting_title = "Sitzung des Familientisches"
    agenda = factory.LazyFunction(lambda: [agenda_item(1, "Begrüßung", "Willkommen.")])

    class Meta:
        model = ProtocolPage
