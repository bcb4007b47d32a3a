"""Reads meeting minutes from Word, Markdown or plain text into a `ParsedProtocol`.

Pure parsing: nothing here touches the database, so the command, the admin form and the tests
share one path. The minutes editors have are written by many hands over many years, so the
parser goes by patterns rather than a fixed layout, and it never drops text: anything it cannot
assign to a field ends up in `unplaced`, which becomes the page body.
"""

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import PurePath

from django.utils.translation import gettext_lazy as _

MAX_FILE_SIZE = 10 * 1024 * 1024
TEXT_EXTENSIONS = {".md", ".markdown", ".txt"}
EXTENSIONS = TEXT_EXTENSIONS | {".docx"}


class ProtocolImportError(Exception):
    """A file that cannot become a protocol; the message is meant for the editor."""


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

    @property
    def sub_headings(self):
        return [section.heading for section in self.sections]

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


# --- dates and times ---------------------------------------------------------------------

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mär": 3,
    "mae": 3,
    "mar": 3,
    "apr": 4,
    "mai": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "okt": 10,
    "nov": 11,
    "dez": 12,
}
NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d)")
WORDED_DATE = re.compile(
    r"\b(\d{1,2})\.\s*(Jan(?:uar)?|Feb(?:ruar)?|M(?:ä|ae|a)rz|Apr(?:il)?|Mai|Jun[i]?|Jul[i]?"
    r"|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Okt(?:ober)?|Nov(?:ember)?|Dez(?:ember)?)\.?\s+(\d{4})\b",
    re.IGNORECASE,
)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
TIME = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*Uhr\b", re.IGNORECASE)
WEEKDAY = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)"


def _safe_date(year, month, day):
    year = int(year)
    year += 2000 if year < 100 else 0
    try:
        return dt.date(year, int(month), int(day))
    except ValueError:
        return None


def find_date(text):
    """The first German (or ISO) date in `text` as (date, match), or (None, None)."""
    candidates = []
    for match in NUMERIC_DATE.finditer(text):
        candidates.append((match.start(), _safe_date(match[3], match[2], match[1]), match))
    for match in WORDED_DATE.finditer(text):
        month = MONTHS[match[2][:3].lower()]
        candidates.append((match.start(), _safe_date(match[3], month, match[1]), match))
    for match in ISO_DATE.finditer(text):
        candidates.append((match.start(), _safe_date(match[1], match[2], match[3]), match))
    for _start, found, match in sorted(candidates, key=lambda candidate: candidate[0]):
        if found:
            return found, match
    return None, None


def find_time(text):
    match = TIME.search(text)
    if not match or int(match[1]) > 23 or int(match[2] or 0) > 59:
        return None, None
    return dt.time(int(match[1]), int(match[2] or 0)), match


# --- blocks ------------------------------------------------------------------------------

ITEM = re.compile(
    r"^(?:(?:TOP|Tagesordnungspunkt)\s*(?P<top>\d+)[a-z]?"
    r"|Zu\s+(?:TOP\s*)?(?P<zu>\d+)"
    r"|(?P<paren>\d+)\s*\.?\)"
    r"|(?P<dot>\d+)\.(?=\s+\D))"
    r"[\s.:)\-–]*(?P<title>.*)$",
    re.IGNORECASE,
)
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
RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
NUMBERED_LINE = re.compile(r"^\d+\.\s")
BOLD_LINE = re.compile(r"^(?:\*\*|__)(.+?)(?:\*\*|__):?$")


@dataclass
class Block:
    text: str
    heading: bool = False
    level: int = 0
    candidate: bool = False  # starts like an agenda item ("2.", "TOP 2")


def _strip_emphasis(text):
    text = text.strip()
    while True:
        match = BOLD_LINE.match(text)
        if not match:
            return text.strip()
        text = match[1].strip()


def split_blocks(text):
    """Headings and paragraphs. Lines that look like agenda items start a block of their own,
    because plain-text minutes often put the text right under "TOP 2" without a blank line."""
    blocks, lines = [], []

    def flush():
        if lines:
            blocks.append(Block("\n".join(lines)))
            lines.clear()

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        heading = MARKDOWN_HEADING.match(line)
        bold = BOLD_LINE.match(line)
        if not line or RULE.match(line):
            flush()
        elif heading:
            flush()
            blocks.append(Block(_strip_emphasis(heading[2]), heading=True, level=len(heading[1])))
        elif bold and not lines:
            flush()
            blocks.append(Block(_strip_emphasis(line), heading=True))
        elif ITEM.match(line) and len(line) < 200:
            flush()
            blocks.append(Block(line, candidate=True))
        else:
            lines.append(line)
    flush()
    for block in blocks:
        block.candidate = block.candidate or (block.heading and bool(ITEM.match(block.text)))
    return [block for block in blocks if block.text]


def _heading_level_of_items(blocks):
    """Minutes without numbers: the shallowest Markdown heading level used more than once
    (the document title is used once) marks the agenda items."""
    levels = [block.level for block in blocks if block.level]
    repeated = sorted({level for level in levels if levels.count(level) > 1})
    return repeated[0] if repeated else None


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
    if not result.items and _heading_level_of_items(blocks):
        result = _Parser(item_level=_heading_level_of_items(blocks)).parse(blocks)
    return result


# --- readers -----------------------------------------------------------------------------


class _HtmlToMarkdown(HTMLParser):
    """Mammoth's HTML turned back into the Markdown-like text `parse` reads: headings keep
    their level, whole-bold paragraphs stay bold (Word users make headings that way), numbered
    lists keep their numbers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.lists = []
        self.href = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.out.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag == "p":
            self.out.append("\n\n")
        elif tag in ("ul", "ol"):
            self.lists.append(0 if tag == "ol" else None)
            self.out.append("\n")
        elif tag == "li":
            if self.lists and self.lists[-1] is not None:
                self.lists[-1] += 1
                self.out.append(f"\n{self.lists[-1]}. ")
            else:
                self.out.append("\n- ")
        elif tag in ("strong", "b"):
            self.out.append("**")
        elif tag == "br" or tag == "tr":
            self.out.append("\n")
        elif tag == "td":
            self.out.append(" | ")
        elif tag == "a":
            self.href = attrs.get("href")
            self.out.append("[")
        elif tag == "img":
            self.out.append("[Bild]")

    def handle_endtag(self, tag):
        if tag in ("strong", "b"):
            self.out.append("**")
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self.out.append("\n\n")
        elif tag == "a":
            self.out.append(f"]({self.href})" if self.href else "]")
            self.href = None
        elif tag in ("table",) or re.fullmatch(r"h[1-6]", tag):
            self.out.append("\n\n")

    def handle_data(self, data):
        self.out.append(data)

    def text(self):
        return "".join(self.out).replace("****", "")


def _docx_text(data):
    import mammoth

    buffer = io.BytesIO(data)
    if not zipfile.is_zipfile(buffer):
        raise ProtocolImportError(_("This is not a Word document (.docx): the file is damaged."))
    with zipfile.ZipFile(buffer) as archive:
        if "word/document.xml" not in archive.namelist():
            raise ProtocolImportError(_("This is not a Word document (.docx)."))
    try:
        html = mammoth.convert_to_html(io.BytesIO(data)).value
    except Exception as error:  # mammoth raises many kinds on broken files
        raise ProtocolImportError(_("The Word document could not be read.")) from error
    converter = _HtmlToMarkdown()
    converter.feed(html)
    return converter.text()


def _plain_text(data):
    if b"\x00" in data:
        raise ProtocolImportError(_("This file is not text, although its name says so."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older minutes come from Windows editors.
        return data.decode("cp1252", errors="replace")


def check_file(filename, size):
    """The checks that need no content: run them before reading a big upload."""
    extension = PurePath(filename).suffix.lower()
    if extension not in EXTENSIONS:
        raise ProtocolImportError(
            _("Unknown file type '%(extension)s': upload a .docx, .md or .txt file.")
            % {"extension": extension or filename}
        )
    if size > MAX_FILE_SIZE:
        raise ProtocolImportError(_("The file is larger than 10 MB."))
    if size == 0:
        raise ProtocolImportError(_("The file is empty."))


def read_document(filename, data):
    """The text of an uploaded or local file, as Markdown-like text."""
    check_file(filename, len(data))
    is_word = PurePath(filename).suffix.lower() == ".docx"
    text = _docx_text(data) if is_word else _plain_text(data)
    if not text.strip():
        raise ProtocolImportError(_("The file is empty."))
    return text


def load(filename, data):
    """A ParsedProtocol from a file's name and bytes, or ProtocolImportError."""
    parsed = parse(read_document(filename, data))
    if parsed.date is None and not parsed.items:
        raise ProtocolImportError(
            _("This does not look like minutes: no meeting date and no numbered agenda items.")
        )
    return parsed
