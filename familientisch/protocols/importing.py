"""Imports minutes: a file, once `parser` has read it, becomes a draft ProtocolPage for an editor
to check. This is what the `import_protocol` command and the admin's upload form call."""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale

from .blocks import block
from .models import ProtocolIndexPage, ProtocolPage
from .parser import ParsedProtocol, load

LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)|<(https?://[^>\s]+)>|(https?://[^\s<>]+)")
BOLD = re.compile(r"\*\*(.+?)\*\*")
LIST_LINE = re.compile(r"^(?:[-*•]|\d+\.)\s+")


def _inline(text):
    """Escape a line of Markdown-like text and keep its bold words and links."""
    parts, position = [], 0
    for match in LINK.finditer(text):
        parts.append(BOLD.sub(r"<b>\1</b>", escape(text[position : match.start()])))
        url = match[2] or match[3] or match[4]
        parts.append(f'<a href="{escape(url)}">{escape(match[1] or url)}</a>')
        position = match.end()
    parts.append(BOLD.sub(r"<b>\1</b>", escape(text[position:])))
    return "".join(parts)


def paragraph_html(text):
    """One paragraph as rich text: list lines become a list, other lines one paragraph."""
    lines = [line for line in text.split("\n") if line.strip()]
    if lines and all(LIST_LINE.match(line) for line in lines):
        tag = "ul" if lines[0][0] in "-*•" else "ol"
        items = "".join(f"<li>{_inline(LIST_LINE.sub('', line))}</li>" for line in lines)
        return f"<{tag}>{items}</{tag}>"
    return "<p>" + "<br/>".join(_inline(line) for line in lines) + "</p>"


def agenda_stream(parsed):
    items = []
    for item in parsed.items:
        text = [block("paragraph", paragraph_html(p)) for p in item.paragraphs]
        for section in item.sections:
            text.append(block("subheading", section.heading))
            text += [block("paragraph", paragraph_html(p)) for p in section.paragraphs]
        value = {
            "number": item.number,
            "title": item.title or f"TOP {item.number}",
            "text": text,
            "decisions": [block("item", decision) for decision in item.decisions],
            "action_items": [
                block(
                    "item",
                    {
                        "task": action.task,
                        "who": action.who,
                        "due": action.due.isoformat() if action.due else None,
                    },
                )
                for action in item.action_items
            ],
        }
        items.append(block("item", value))
    return items


def page_title(parsed, filename):
    title = parsed.title or _("Protocol")
    if parsed.date:
        return f"{title}, {parsed.date:%d.%m.%Y}"
    return f"{title} ({filename})"


def build_page(parsed: ParsedProtocol, filename, parent):
    title = page_title(parsed, filename)
    return ProtocolPage(
        title=title[:255],
        slug=find_available_slug(parent, slugify(title)[:200] or "protokoll"),
        locale_id=parent.locale_id,
        live=False,
        meeting_date=parsed.date,
        meeting_time=parsed.time,
        place=parsed.place[:255],
        meeting_title=parsed.title[:255],
        chaired_by=parsed.chair[:255],
        minutes_by=parsed.minutes_taker[:255],
        attendees=parsed.attendees,
        excused=parsed.excused,
        agenda=agenda_stream(parsed),
        next_meeting_date=parsed.next_meeting_date,
        next_meeting_topics="\n".join(parsed.next_meeting_topics),
        body="".join(paragraph_html(text) for text in parsed.unplaced),
    )


@dataclass
class ImportResult:
    page: ProtocolPage
    parsed: ParsedProtocol

    def summary(self):
        """What an editor should check, in one line."""
        parsed = self.parsed
        found = _("date %(date)s, %(count)d agenda items") % {
            "date": parsed.date.isoformat() if parsed.date else _("not found"),
            "count": len(parsed.items),
        }
        if parsed.unplaced:
            found += "; " + _("%(count)d passages could not be placed and are in the page body") % {
                "count": len(parsed.unplaced)
            }
        return found


def import_protocol(filename, data, parent, user=None):
    """A draft ProtocolPage under `parent` from a file, or ProtocolImportError (nothing is
    created then)."""
    parsed = load(filename, data)
    page = build_page(parsed, filename, parent)
    page.owner = user
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return ImportResult(page, parsed)


def default_parent():
    """The protocol index of the source language: where imported drafts go by default."""
    return ProtocolIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()
