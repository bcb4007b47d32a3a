"""Editors turn years of minutes (Word, Markdown, text) into draft protocol pages."""

import datetime
import io
import zipfile
from pathlib import Path

import docx
import pytest
from django.core.management import CommandError, call_command

from familientisch.protocols.importing import import_protocol
from familientisch.protocols.models import ProtocolPage
from familientisch.protocols.parser import parse
from familientisch.protocols.reading import MAX_FILE_SIZE, ProtocolImportError
from tests.factories.protocols import ProtocolIndexPageFactory

SEED = Path(__file__).parent / "data" / "protocol_2018_06_06.md"


@pytest.fixture
def index(home):
    return ProtocolIndexPageFactory(parent=home)


def word_file(*paragraphs):
    """A real .docx: ("h2", text) makes a heading, ("b", text) a bold paragraph."""
    document = docx.Document()
    for style, text in paragraphs:
        if style.startswith("h"):
            document.add_heading(text, level=int(style[1]))
        elif style == "b":
            document.add_paragraph().add_run(text).bold = True
        else:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_the_seed_protocol_becomes_a_draft_with_date_place_and_four_items(index):
    result = import_protocol(SEED.name, SEED.read_bytes(), index)
    page = ProtocolPage.objects.get(pk=result.page.pk)
    assert not page.live and page.has_unpublished_changes
    assert page.get_parent().pk == index.pk
    assert page.meeting_date == datetime.date(2018, 6, 6)
    assert page.meeting_time == datetime.time(16, 30)
    assert page.place == "Bürgerhaus im Stadtteilzentrum Bilk"
    assert page.meeting_title == "Sitzung des Familientisches"
    items = [block.value for block in page.agenda]
    assert [item["number"] for item in items] == ["1", "2", "3", "4"]
    assert items[0]["title"] == "Begrüßung, Frau Beispiel"
    subheadings = [
        [child.value for child in item["text"] if child.block_type == "subheading"]
        for item in items
    ]
    assert subheadings[2] == [
        "Familien-Navigator",
        "Welcome Points",
        "Übergang Grundschule – weiterführende Schule",
        "Partizipation",
    ]
    assert subheadings[3] == [
        "Jahr der Kinderrechte 2019",
        "Öffentlichkeitsarbeit des Familientischs",
    ]
    assert page.next_meeting_date == datetime.date(2018, 9, 12)
    assert "Wiedereinstieg" in page.next_meeting_topics
    assert (page.chaired_by, page.minutes_by) == ("Frau Beispiel", "Muster")


def test_text_the_importer_cannot_place_ends_up_in_the_body(index):
    page = import_protocol(SEED.name, SEED.read_bytes(), index).page
    assert "schließt die Sitzung" in page.body
    links = str(page.agenda[2].value["text"][-1].value)
    assert '<a href="https://example.org/sozialraum.pdf">' in links


def test_the_command_reports_what_it_found(index, capsys):
    call_command("import_protocol", str(SEED))
    out = capsys.readouterr().out
    assert "date 2018-06-06, 4 agenda items" in out
    assert "not placed: Die Vorsitzende schließt" in out
    assert ProtocolPage.objects.filter(live=False).count() == 1


def test_the_command_takes_the_parent_by_slug_and_imports_several_files(index, tmp_path):
    second = tmp_path / "zweite.txt"
    second.write_text("Protokoll vom 28.02.2018\n\nTOP 1 Begrüßung\nHallo.\n", encoding="utf-8")
    call_command("import_protocol", str(SEED), str(second), "--parent", index.slug)
    dates = set(ProtocolPage.objects.values_list("meeting_date", flat=True))
    assert dates == {datetime.date(2018, 6, 6), datetime.date(2018, 2, 28)}


def test_a_word_document_with_headings_and_bold_items_is_imported(index):
    data = word_file(
        ("h1", "Protokoll"),
        ("p", "Sitzung des Familientisches am 6. Juni 2018, 16:30 Uhr, im Rathaus"),
        ("h2", "TOP 1: Begrüßung"),
        ("p", "Die Leitung begrüßt alle."),
        ("h3", "Aus dem Jugendamt"),
        ("p", "Neues aus der Familienförderung."),
        ("b", "TOP 2: Verschiedenes"),
        ("p", "Beschluss: Die Website wird neu gestaltet."),
        ("p", "Aufgabe: Logos sammeln (wer: Geschäftsstelle, bis: 30.06.2018)"),
    )
    page = import_protocol("sitzung.docx", data, index).page
    assert page.meeting_date == datetime.date(2018, 6, 6)
    assert page.place == "Rathaus"
    first, second = (block.value for block in page.agenda)
    assert (first["title"], second["title"]) == ("Begrüßung", "Verschiedenes")
    assert [c.value for c in first["text"] if c.block_type == "subheading"] == ["Aus dem Jugendamt"]
    assert list(second["decisions"]) == ["Die Website wird neu gestaltet."]
    action = second["action_items"][0]
    assert (action["task"], action["who"], action["due"]) == (
        "Logos sammeln",
        "Geschäftsstelle",
        datetime.date(2018, 6, 30),
    )


def test_markdown_headings_without_numbers_become_agenda_items(index):
    text = (
        "# Protokoll der Sitzung am 12.09.2018\n\nOrt: Rathaus\n\n"
        "## Begrüßung\n\nAlle sind da.\n\n## Netzwerk W\n\n### Beruflicher Wiedereinstieg\n\n"
        "Vortrag.\n\n## Verschiedenes\n\nNichts.\n"
    )
    page = import_protocol("sitzung.md", text.encode(), index).page
    assert page.meeting_date == datetime.date(2018, 9, 12)
    assert page.place == "Rathaus"
    assert [(b.value["number"], b.value["title"]) for b in page.agenda] == [
        ("1", "Begrüßung"),
        ("2", "Netzwerk W"),
        ("3", "Verschiedenes"),
    ]


def test_plain_text_with_zu_and_numbered_lists_keeps_the_agenda_apart(index):
    text = (
        "Sitzung des Familientisches\nDatum: 28.02.2018\nZeit: 16.30\nOrt: Bürgerhaus\n"
        "Leitung: Frau A\nProtokoll: Herr B\n\n"
        "Zu 1. Begrüßung\nDie Leitung begrüßt alle.\n\n"
        "Zu 2. Arbeitsgruppen\nEs gibt drei Gruppen:\n1. Wohnen\n2. Schule\n3. Senioren\n\n"
        "Zu 3. Verschiedenes\nDie nächste Sitzung findet am 06.06.2018 statt.\n"
    ).encode("cp1252")
    page = import_protocol("alt.txt", text, index).page
    assert (page.chaired_by, page.minutes_by) == ("Frau A", "Herr B")
    assert page.meeting_time == datetime.time(16, 30)
    assert [b.value["title"] for b in page.agenda] == [
        "Begrüßung",
        "Arbeitsgruppen",
        "Verschiedenes",
    ]
    text = "".join(str(child.value) for child in page.agenda[1].value["text"])
    assert "<ol><li>Wohnen</li><li>Schule</li><li>Senioren</li></ol>" in text
    assert page.next_meeting_date == datetime.date(2018, 6, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("am 6. Juni 2018", datetime.date(2018, 6, 6)),
        ("am 06.06.18", datetime.date(2018, 6, 6)),
        ("am 2018-06-06", datetime.date(2018, 6, 6)),
        ("am 31.02.2018 oder 1. März 2018", datetime.date(2018, 3, 1)),
    ],
)
def test_german_dates_are_recognised(text, expected):
    assert parse(f"Sitzung {text}\n\n1.) Begrüßung").date == expected


def _refused(index, name, data, message):
    with pytest.raises(ProtocolImportError, match=message):
        import_protocol(name, data, index)
    assert not ProtocolPage.objects.exists()


def test_an_empty_file_is_refused(index):
    _refused(index, "leer.txt", b"", "empty")
    _refused(index, "leer.md", b"  \n\n ", "empty")


def test_a_file_over_10_mb_is_refused(index):
    _refused(index, "gross.txt", b"x" * (MAX_FILE_SIZE + 1), "larger than 10 MB")


def test_an_unknown_format_is_refused(index):
    _refused(index, "folien.pdf", b"%PDF-1.4", "Unknown file type")


def test_a_text_that_is_not_a_protocol_is_refused(index):
    _refused(index, "brief.txt", "Liebe Eltern,\n\nviele Grüße".encode(), "does not look like")


def test_a_binary_file_named_txt_is_refused(index):
    _refused(index, "bild.txt", b"\x89PNG\r\n\x00\x00", "not text")


def test_a_broken_word_document_is_refused(index):
    _refused(index, "kaputt.docx", b"this is no zip file", "not a Word document")
    other_zip = io.BytesIO()
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("hello.txt", "hi")
    _refused(index, "anders.docx", other_zip.getvalue(), "not a Word document")


def test_the_command_reports_bad_files_and_creates_nothing(index, tmp_path):
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="1 of 1"):
        call_command("import_protocol", str(empty))
    assert not ProtocolPage.objects.exists()
