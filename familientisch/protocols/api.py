"""Protocols in the JSON API: public ones for everybody, members-only ones for a member's token."""

import datetime
from typing import Annotated

from ninja import Query, Router, Schema
from pydantic import WithJsonSchema
from wagtail.models import Locale

from familientisch.api import schemas
from familientisch.core.search_text import search_text
from familientisch.search.query import TextSearch

from .blocks import agenda_anchor
from .models import ProtocolPage
from .privacy import visible_to

router = Router(tags=["protocols"])


# A time of day in Düsseldorf, with no offset: JSON Schema's "time" format demands one.
LocalTime = Annotated[
    datetime.time,
    WithJsonSchema({"type": "string", "pattern": r"^\d{2}:\d{2}:\d{2}$", "example": "16:30:00"}),
]


class ProtocolSummary(Schema):
    id: int
    title: str
    url: str
    meeting_date: datetime.date | None
    meeting_title: str
    place: str
    members_only: bool


class ProtocolList(schemas.PageOf):
    results: list[ProtocolSummary]


class ActionItem(Schema):
    task: str
    who: str
    due: datetime.date | None


class AgendaItem(Schema):
    anchor: str
    number: str
    title: str
    text_html: str
    decisions: list[str]
    action_items: list[ActionItem]


class Attachment(Schema):
    title: str
    url: str
    file_extension: str
    size_bytes: int | None


class Protocol(ProtocolSummary):
    meeting_time: LocalTime | None
    chaired_by: str
    minutes_by: str
    attendees: list[str]
    excused: list[str]
    agenda: list[AgendaItem]
    attachments: list[Attachment]
    next_meeting_date: datetime.date | None
    next_meeting_topics: list[str]
    body_html: str
    translations: list[schemas.TranslationLink]


def _visible(request, locale):
    # By locale id: Wagtail search can filter on it, not on the language code.
    protocols = ProtocolPage.objects.live().filter(locale=Locale.objects.get(language_code=locale))
    return visible_to(protocols.order_by("-meeting_date", "-id"), request.auth)


def _summary(protocol, request, private_ids):
    return {
        "id": protocol.pk,
        "title": protocol.title,
        "url": protocol.get_full_url(request),
        "meeting_date": protocol.meeting_date,
        "meeting_title": protocol.meeting_title,
        "place": protocol.place,
        "members_only": protocol.pk in private_ids,
    }


@schemas.list_operation(
    router,
    "protocols/",
    ProtocolList,
    "Minutes of the network's meetings",
    "get_protocol",
    "protocol_id",
)
def list_protocols(
    request,
    locale: schemas.LanguageCode = schemas.DEFAULT_LOCALE,
    q: str = Query("", max_length=200),
    year: int | None = Query(None, ge=1990, le=2100),
    page: int = Query(1, ge=1),
    page_size: int = Query(20, ge=1, le=100),
):
    """Newest first. Members-only protocols appear only for a member's bearer token."""
    protocols, private_ids = _visible(request, locale)
    if year:
        protocols = protocols.filter(meeting_date__year=year)
    if q := search_text(q):
        # Members-only minutes too: `protocols` holds only what the token may read.
        protocols = TextSearch(q, locale, private=True).pages(protocols)
    items, facts = schemas.paginate(list(protocols), page, page_size)
    return {**facts, "results": [_summary(item, request, private_ids) for item in items]}


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def _agenda_text(stream, request):
    parts = []
    for block in stream:
        if block.block_type == "subheading":
            parts.append(f"<h3>{block.value}</h3>")
        else:
            parts.append(schemas.absolute_rich_text(block.value.source, request))
    return "".join(parts)


@router.get("protocols/{protocol_id}/", response=Protocol, summary="One protocol")
def get_protocol(request, protocol_id: schemas.PageId, locale: schemas.LanguageCode | None = None):
    """With `locale`, the protocol's version in that language (German where not translated)."""
    protocol, language = schemas.in_language_or_404(
        ProtocolPage, protocol_id, locale, lambda language: _visible(request, language)[0]
    )
    private_ids = _visible(request, language)[1]
    agenda = [
        {
            "anchor": agenda_anchor(item.value),
            "number": item.value["number"],
            "title": item.value["title"],
            "text_html": _agenda_text(item.value["text"], request),
            "decisions": list(item.value["decisions"]),
            "action_items": [dict(action) for action in item.value["action_items"]],
        }
        for item in protocol.agenda
    ]
    attachments = [
        {
            "title": block.value["title"] or block.value["document"].title,
            "url": request.build_absolute_uri(block.value["document"].url),
            "file_extension": block.value["document"].file_extension,
            "size_bytes": block.value["document"].file_size,
        }
        for block in protocol.attachments
    ]
    return {
        **_summary(protocol, request, private_ids),
        "meeting_time": protocol.meeting_time,
        "chaired_by": protocol.chaired_by,
        "minutes_by": protocol.minutes_by,
        "attendees": _lines(protocol.attendees),
        "excused": _lines(protocol.excused),
        "agenda": agenda,
        "attachments": attachments,
        "next_meeting_date": protocol.next_meeting_date,
        "next_meeting_topics": _lines(protocol.next_meeting_topics),
        "body_html": schemas.absolute_rich_text(protocol.body, request),
        "translations": schemas.page_translations(protocol, request),
    }
