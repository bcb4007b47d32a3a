"""Demo protocols: the network's meetings of 2018, retold briefly from the facts of that year."""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from familientisch.core.demo_helpers import child_page

from .blocks import block
from .models import ProtocolIndexPage, ProtocolPage
from .privacy import members_group, restrict_to_members

SCHEDULE_TITLE = "Ablauf des Audit-Workshops 2018"
SCHEDULE_TEXT = """Ablauf des Audit-Workshops 2018

28.02.2018  Auftakt in der Sitzung des Familientisches
März-April  Arbeitsgruppenphase: je zwei Treffen, Einladung durch die AG-Leitungen
06.06.2018  Die AG-Leitungen stellen die Ergebnisse im Familientisch vor
danach      Nachbereitung im Lenkungskreis, Themenspeicher für 2019
"""


def item(number, title, *text, decisions=(), actions=()):
    """An agenda item; `text` holds paragraphs, and ("h", ...) for a sub-heading."""
    blocks = [
        block("subheading", part[1])
        if isinstance(part, tuple)
        else block("paragraph", f"<p>{part}</p>")
        for part in text
    ]
    return block(
        "item",
        {
            "number": str(number),
            "title": title,
            "text": blocks,
            "decisions": [block("item", decision) for decision in decisions],
            "action_items": [block("item", {"task": t, "who": w, "due": d}) for t, w, d in actions],
        },
    )


def schedule_document():
    document = Document.objects.filter(title=SCHEDULE_TITLE).first()
    if document is None:
        document = Document(title=SCHEDULE_TITLE)
        document.file.save("ablauf-workshop-2018.txt", ContentFile(SCHEDULE_TEXT.encode()))
        document.save()
    return document


def load(home):
    index = child_page(
        home, ProtocolIndexPage, "protokolle", title="Protokolle", show_in_menus=True
    )
    members_group()
    child_page(
        index,
        ProtocolPage,
        "sitzung-2018-02-28",
        title="Sitzung des Familientisches, 28.02.2018",
        meeting_title="Sitzung des Familientisches",
        meeting_date=datetime.date(2018, 2, 28),
        meeting_time=datetime.time(16, 30),
        chaired_by="Geschäftsführung des Familientisches",
        minutes_by="Jugendamt, Familienförderung",
        agenda=[
            item(1, "Begrüßung", "Die Geschäftsführung begrüßt die Mitglieder und Gäste."),
            item(
                2,
                "Audit Familiengerechte Kommune: Stand der Workshops 2017",
                "Das Jugendamt berichtet, was aus den sechs Arbeitsgruppen des Vorjahres "
                "geworden ist.",
                ("h", "Informationssystem für Familien"),
                "Der Familien-Navigator wird eine Datenbank der Angebote für Familien mit "
                "Kindern von 0 bis 21 Jahren. Das erste Modul, Frühe Hilfen für 0 bis 3 "
                "Jahre, soll im August 2018 an den Start gehen.",
                ("h", "Bezahlbarer Wohnraum"),
                "Mehrere Mehrgenerationen-Projekte sind in Planung; im November gibt es einen "
                "Informationstag zu neuen Wohnformen.",
            ),
            item(
                3,
                "Welcome Points in den Stadtbezirken",
                "Das Amt für Migration und Integration stellt die Welcome Points vor: "
                "Anlaufstellen im Quartier für Menschen, die aus den Gemeinschaftsunterkünften "
                "in eine eigene Wohnung ziehen.",
                "Ziel ist ein Welcome Point in jedem der zehn Stadtbezirke, mit einheitlicher "
                "Aufgabenbeschreibung und gesicherter Finanzierung.",
            ),
            item(
                4,
                "Ablauf des Workshops 2018",
                "Die Arbeitsgruppen treffen sich im März und April je zweimal. Der Ablauf "
                "liegt dem Protokoll bei.",
                decisions=["Die Ergebnisse werden in der Sitzung am 6. Juni vorgestellt."],
                actions=[("Zu den Arbeitsgruppentreffen einladen", "AG-Leitungen", "2018-03-15")],
            ),
        ],
        attachments=[
            block("attachment", {"document": schedule_document().pk, "title": SCHEDULE_TITLE})
        ],
        next_meeting_date=datetime.date(2018, 6, 6),
        next_meeting_topics="Ergebnisse der Arbeitsgruppen zum Audit",
    )
    child_page(
        index,
        ProtocolPage,
        "sitzung-2018-06-06",
        title="Sitzung des Familientisches, 06.06.2018",
        meeting_title="Sitzung des Familientisches",
        meeting_date=datetime.date(2018, 6, 6),
        meeting_time=datetime.time(16, 30),
        place="Bürgerhaus im Stadtteilzentrum Bilk",
        chaired_by="Geschäftsführung des Familientisches",
        minutes_by="Jugendamt, Familienförderung",
        agenda=[
            item(1, "Begrüßung", "Im Mittelpunkt steht heute die Bilanz des Audit-Workshops."),
            item(
                2,
                "Audit Familiengerechte Kommune: Ergebnisse der Arbeitsgruppen",
                "Die Leitungen der sechs Arbeitsgruppen fassen zusammen, welche Ideen und "
                "Maßnahmen sie entwickelt haben.",
            ),
            item(
                3,
                "Diskussion und Rückfragen",
                ("h", "Familien-Navigator"),
                "Eine erste Fassung ist Ende 2018 fertig; bis Mitte 2019 sollen alle Angebote "
                "für Kinder bis drei Jahre eingetragen sein.",
                ("h", "Welcome Points"),
                "Wer aus einer Unterkunft in eine Wohnung zieht, soll gezielt auf den Welcome "
                "Point im neuen Quartier hingewiesen werden.",
                ("h", "Partizipation"),
                "Familien sollen von Beteiligungsverfahren in der Stadtentwicklung erfahren, "
                "auch über digitale Wege und über Migrantenselbstorganisationen.",
            ),
            item(
                4,
                "Neue Angebote und Verschiedenes",
                ("h", "Jahr der Kinderrechte 2019"),
                "Das Thema wird im September vorgestellt.",
                ("h", "Neue Internetseite"),
                "Zum 20-jährigen Bestehen 2019 bekommt der Familientisch eine neue "
                "Internetseite mit Veranstaltungshinweisen, Angeboten, Protokollen und den "
                "Logos der Mitglieder.",
                decisions=["Zur Septembersitzung kommt ein Fotograf."],
                actions=[
                    (
                        "Einwilligungsformular zum Datenschutz mit der Einladung verschicken",
                        "Geschäftsstelle",
                        "2018-08-31",
                    ),
                ],
            ),
        ],
        next_meeting_date=datetime.date(2018, 9, 12),
        next_meeting_topics="Netzwerk W: beruflicher Wiedereinstieg von Frauen mit "
        "Migrationsgeschichte",
    )
    september = child_page(
        index,
        ProtocolPage,
        "sitzung-2018-09-12",
        title="Sitzung des Familientisches, 12.09.2018",
        meeting_title="Sitzung des Familientisches",
        meeting_date=datetime.date(2018, 9, 12),
        meeting_time=datetime.time(16, 30),
        chaired_by="Geschäftsführung des Familientisches",
        minutes_by="Jugendamt, Familienförderung",
        agenda=[
            item(1, "Begrüßung", "Heute fotografiert ein Fotograf für die neue Internetseite."),
            item(
                2,
                "Netzwerk W",
                "Vorgestellt werden Angebote für Frauen mit Migrationsgeschichte und "
                "geflüchtete Frauen, die wieder in den Beruf einsteigen möchten.",
            ),
            item(
                3,
                "Jahr der Kinderrechte 2019",
                "Ideen für das Jubiläumsjahr werden gesammelt und an den Lenkungskreis gegeben.",
            ),
        ],
        body="<p>Nur für Mitglieder: die Liste der Ansprechpersonen wird nachgereicht.</p>",
    )
    restrict_to_members(september)
