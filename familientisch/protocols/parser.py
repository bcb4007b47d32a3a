"""Parses meeting minutes (Word, Markdown or plain text) into a `ParsedProtocol`.

Pure parsing: nothing here touches the database, so the command, the admin form and the tests
share one path. The minutes editors have are written by many hands over many years, so the
parser goes by patterns rather than a fixed layout, and it never drops text: anything it cannot
assign to a field ends up in `unplaced`, which becomes the page body.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .dates import WEEKDAY, find_date, find_time
from .reading import ProtocolImportError, read_document
from .text_blocks import ITEM, NUMBERED_LINE, heading_level_of_items, split_blocks


@dataclass
class ActionItem:
    task: str
    who: str = ""
    due: dt.date | None = None


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class AgendaItem:
    number: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    action_items: list[ActionItem] = field(default_factory=list)

    def add_paragraph(self, text, list_line=False):
        target = self.sections[-1].paragraphs if self.sections else self.paragraphs
        # Numbered list lines are split off as possible agenda items; rejoin the list.
        if list_line and target and NUMBERED_LINE.match(target[-1].rsplit("\n", 1)[-1]):
            target[-1] += "\n" + text
        else:
            target.append(text)


@dataclass
class ParsedProtocol:
    date: dt.date | None = None
    time: dt.time | None = None
    place: str = ""
    title: str = ""
    chair: str = ""
    minutes_taker: str = ""
    attendees: str = ""
    excused: str = ""
    items: list[AgendaItem] = field(default_factory=list)
    next_meeting_date: dt.date | None = None
    next_meeting_topics: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)


NEXT_MEETING = re.compile(
    r"^(?:die\s+)?(?:nächste|naechste|kommende)[rs]?\s+(?:Sitzung|Treffen|Termin)|^Nächster Termin",
    re.IGNORECASE,
)
FIELD_LINE = re.compile(r"^(?P<key>[A-Za-zÄÖÜäöüß /()-]{2,40}?)\s*:\s*(?P<value>.+)$")
FIELD_KEYS = {
    "datum": "date",
    "termin": "date",
    "zeit": "time",
    "uhrzeit": "time",
    "beginn": "time",
    "ort": "place",
    "sitzungsort": "place",
    "titel": "title",
    "sitzung": "title",
    "anlass": "title",
    "leitung": "chair",
    "sitzungsleitung": "chair",
    "vorsitz": "chair",
    "moderation": "chair",
    "protokoll": "minutes_taker",
    "protokollführung": "minutes_taker",
    "protokollant": "minutes_taker",
    "protokollantin": "minutes_taker",
    "anwesend": "attendees",
    "teilnehmende": "attendees",
    "teilnehmer": "attendees",
    "teilnehmer/innen": "attendees",
    "entschuldigt": "excused",
    "abwesend": "excused",
}
DECISION = re.compile(
    r"^(?:Beschluss|Beschlossen|Entscheidung|Vereinbart)\s*:\s*(.+)$", re.I | re.S
)
ACTION = re.compile(r"^(?:Aufgabe|To-?do|Maßnahme)\s*:\s*(.+)$", re.IGNORECASE | re.DOTALL)
ACTION_WHO = re.compile(r"[,;(]?\s*(?:wer|verantwortlich)\s*:\s*([^,;)]+)\)?", re.IGNORECASE)
ACTION_DUE = re.compile(r"[,;(]?\s*(?:bis|frist|bis wann)\s*:?\s*([^,;)]+)\)?", re.IGNORECASE)
SIGNATURE = re.compile(r"^(?:gez\.|gezeichnet)\s*(.+)$", re.IGNORECASE)
WELCOME_BY = re.compile(r"^Begrüßung\s*[,:–-]\s*(.+)$", re.IGNORECASE)
DOCUMENT_KIND = re.compile(r"protokoll|niederschrift", re.IGNORECASE)
CONNECTORS = re.compile(rf"\b(?:am|den|um|findet|statt|{WEEKDAY})\b|[\W_]+", re.IGNORECASE)


# --- the parser --------------------------------------------------------------------------


class _Parser:
    def __init__(self, item_level=None):
        self.result = ParsedProtocol()
        self.item = None
        self.in_next_meeting = False
        self.item_level = item_level
        self.in_numbered_list = False

    def parse(self, blocks):
        for block in blocks:
            if self._agenda_item(block) or self._next_meeting(block):
                continue
            if self.in_next_meeting:
                self._next_meeting_text(block.text)
            elif self.item is None:
                self._header(block)
            elif block.heading:
                self.item.sections.append(Section(block.text))
            else:
                self._item_text(block.text, block.candidate)
        self._infer_chair()
        return self.result

    def _agenda_item(self, block):
        last = int(self.result.items[-1].number) if self.result.items else 0
        if self.item_level and block.level == self.item_level:
            return self._start_item(last + 1, block.text)
        match = ITEM.match(block.text) if block.candidate else None
        if not match:
            self.in_numbered_list = False
            return False
        number = int(next(match[key] for key in ("top", "zu", "paren", "dot") if match[key]))
        # Numbers must rise. Minutes are full of numbered lists, so a plain "3." must be the
        # very next number and must not continue a list that was not an agenda item.
        strict = not block.heading and (match["dot"] or match["zu"])
        in_list = match["dot"] and self.in_numbered_list
        if number <= last or (strict and (number != last + 1 or in_list)):
            self.in_numbered_list = bool(match["dot"])
            return False
        return self._start_item(number, match["title"].strip(" .:–-"))

    def _start_item(self, number, title):
        self.item = AgendaItem(str(number), title)
        self.result.items.append(self.item)
        self.in_next_meeting = self.in_numbered_list = False
        return True

    def _next_meeting(self, block):
        first, _newline, rest = block.text.partition("\n")
        keyword = NEXT_MEETING.match(first)
        if not keyword or len(first) > 160:
            if self.result.next_meeting_date is None and NEXT_MEETING.search(block.text):
                # "Die nächste Sitzung findet am ... statt." inside the text: the text stays.
                self.result.next_meeting_date = find_date(block.text)[0]
            return False
        found, match = find_date(first)
        self.result.next_meeting_date = found or self.result.next_meeting_date
        self.in_next_meeting = True
        remainder = first[keyword.end() :]
        if match:
            remainder = first[keyword.end() : match.start()] + first[match.end() :]
        if CONNECTORS.sub("", remainder):
            self._next_meeting_text(first)
        if rest.strip():
            self._next_meeting_text(rest.strip())
        return True

    def _next_meeting_text(self, text):
        if self._signature(text):
            return
        if text.lower().startswith("them") or text.startswith("- "):
            self.result.next_meeting_topics.append(text)
        else:
            self.result.unplaced.append(text)

    def _signature(self, text):
        match = SIGNATURE.match(text.strip())
        if match:
            self.result.minutes_taker = self.result.minutes_taker or match[1].strip()
        return match is not None

    def _header(self, block):
        if block.heading:
            if self._meeting_line(block.text):
                return
            if DOCUMENT_KIND.search(block.text) and len(block.text) < 40:
                return  # "Ergebnisprotokoll": what the page type already says
            if not self.result.title:
                self.result.title = block.text
                return
        rest = [line for line in block.text.split("\n") if not self._field_line(line)]
        if rest and not self._meeting_line(" ".join(rest)):
            self.result.unplaced.append("\n".join(rest))

    def _field_line(self, line):
        if self._signature(line):
            return True
        field_match = FIELD_LINE.match(line)
        key = field_match and FIELD_KEYS.get(field_match["key"].strip().lower())
        if not key:
            return False
        value = field_match["value"].strip()
        if key == "date":
            self.result.date = find_date(value)[0] or self.result.date
            self.result.time = self.result.time or find_time(value)[0]
        elif key == "time":
            self.result.time = find_time(value)[0] or find_time(value + " Uhr")[0]
        else:
            setattr(self.result, key, value)
        return True

    def _meeting_line(self, line):
        """ "Sitzung des Familientisches am Mittwoch, den 06.06.2018 um 16.30 Uhr im Bürgerhaus":
        the words before the date name the meeting, those after give its time and place."""
        found, match = find_date(line)
        if not found or self.result.date:
            return False
        self.result.date = found
        before, after = line[: match.start()], line[match.end() :]
        title = re.sub(rf"[\s,]*(?:am|vom)?\s*(?:{WEEKDAY})?[\s,]*(?:den)?\s*$", "", before)
        if title.strip(" ,:") and not self.result.title:
            self.result.title = title.strip(" ,:")
        found_time, time_match = find_time(after)
        if found_time:
            self.result.time = self.result.time or found_time
            after = after[time_match.end() :]
        place = re.sub(r"^[\s,]*(?:um\s*)?(?:im|in der|in|bei)\s+", "", after).strip(" ,.")
        if place and not self.result.place:
            self.result.place = place
        return True

    def _item_text(self, text, list_line=False):
        if self._signature(text):
            return
        decision = DECISION.match(text)
        action = ACTION.match(text)
        if decision:
            self.item.decisions.append(decision[1].strip())
        elif action:
            self.item.action_items.append(parse_action(action[1]))
        else:
            self.item.add_paragraph(text, list_line)

    def _infer_chair(self):
        # Minutes rarely say who chaired, but the first item is usually "Begrüßung, <name>".
        if not self.result.chair and self.result.items:
            match = WELCOME_BY.match(self.result.items[0].title)
            if match:
                self.result.chair = match[1].strip()


def parse_action(text):
    who = ACTION_WHO.search(text)
    task = ACTION_WHO.sub("", text) if who else text
    due_match = ACTION_DUE.search(task)
    due = find_date(due_match[1])[0] if due_match else None
    if due:
        task = ACTION_DUE.sub("", task, count=1)
    return ActionItem(task.strip(" ,;()"), who[1].strip() if who else "", due)


def parse(text):
    """Parse the text of a protocol (Markdown or plain text)."""
    blocks = split_blocks(text)
    result = _Parser().parse(blocks)
    if not result.items and heading_level_of_items(blocks):
        result = _Parser(item_level=heading_level_of_items(blocks)).parse(blocks)
    return result


def load(filename, data):
    """A ParsedProtocol from a file's name and bytes, or ProtocolImportError."""
    parsed = parse(read_document(filename, data))
    if parsed.date is None and not parsed.items:
        raise ProtocolImportError(
            _("This does not look like minutes: no meeting date and no numbered agenda items.")
        )
    return parsed
