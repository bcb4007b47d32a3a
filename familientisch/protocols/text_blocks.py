"""Splits the text of minutes into headings and paragraphs, and marks the lines that start like
an agenda item ("TOP 2", "2.", "Zu 2"), which the parser then accepts or not."""

import re
from dataclasses import dataclass

ITEM = re.compile(
    r"^(?:(?:TOP|Tagesordnungspunkt)\s*(?P<top>\d+)[a-z]?"
    r"|Zu\s+(?:TOP\s*)?(?P<zu>\d+)"
    r"|(?P<paren>\d+)\s*\.?\)"
    r"|(?P<dot>\d+)\.(?=\s+\D))"
    r"[\s.:)\-–]*(?P<title>.*)$",
    re.IGNORECASE,
)
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


def heading_level_of_items(blocks):
    """Minutes without numbers: the shallowest Markdown heading level used more than once
    (the document title is used once) marks the agenda items."""
    levels = [block.level for block in blocks if block.level]
    repeated = sorted({level for level in levels if levels.count(level) > 1})
    return repeated[0] if repeated else None
