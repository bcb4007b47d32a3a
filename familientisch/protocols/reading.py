"""Reads a minutes file (Word .docx, Markdown or plain text) into Markdown-like text for the
parser, and refuses files that cannot be minutes with a message meant for the editor.

Nothing here touches the database, like the rest of the parsing.
"""

import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import PurePath

from django.utils.translation import gettext_lazy as _

MAX_FILE_SIZE = 10 * 1024 * 1024
TEXT_EXTENSIONS = {".md", ".markdown", ".txt"}
EXTENSIONS = TEXT_EXTENSIONS | {".docx"}


class ProtocolImportError(Exception):
    """A file that cannot become a protocol; the message is meant for the editor."""


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
    # Imported here: mammoth takes about 0.2 s to import and only an upload needs it.
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
