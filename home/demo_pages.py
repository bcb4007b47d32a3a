"""The site's text pages in the demo: imprint, privacy notice, accessibility statement and the
easy German section. Fictitious office and addresses; the wording follows what a municipal
family network in North Rhine-Westphalia would publish."""

from django.conf import settings
from wagtail.models import Site

from familientisch.core.demo_helpers import body, child_page

from .models import HelpLine, SiteLinks, StandardPage

OFFICE = (
    "Stadt Düsseldorf – Jugendamt<br>Geschäftsstelle Familientisch<br>"
    "Beispielstraße 12, 40210 Düsseldorf<br>"
    'E-Mail: <a href="mailto:familientisch@example.org">familientisch@example.org</a>'
)


IMPRINT = body(
    "## Anbieter",
    f"<p>{OFFICE}</p>",
    "Die Stadt ist eine Körperschaft des öffentlichen Rechts. Sie wird vertreten durch den "
    "Oberbürgermeister. Für den Familientisch handelt das Jugendamt.",
    "## Verantwortlich für den Inhalt",
    "Leitung der Geschäftsstelle Familientisch (Anschrift wie oben). Die Angebote und "
    "Veranstaltungen stellen die Partner des Familientischs ein; die Geschäftsstelle prüft sie "
    "vor der Veröffentlichung.",
    "## Haftung für Links",
    "Wir verlinken auf Seiten unserer Partner. Für deren Inhalte sind die Partner selbst "
    "verantwortlich. Erfahren wir von rechtswidrigen Inhalten, entfernen wir den Link sofort.",
)


def days(number):
    """ "30 Tage", "einen Tag": the periods below stand in the accusative."""
    return "einen Tag" if number == 1 else f"{number} Tage"


def privacy_notice():
    """The privacy notice, with the retention periods the site is configured with (the daily
    `manage.py purge_personal_data` keeps them)."""
    hints = days(settings.EVENT_HINT_CONTACT_RETENTION_DAYS)
    mistakes = days(settings.MISTAKE_REPORT_RETENTION_DAYS)
    barriers = days(settings.BARRIER_REPORT_RETENTION_DAYS)
    mails = days(settings.TASK_RESULT_RETENTION_DAYS)
    backups = days(settings.BACKUP_RETENTION_DAYS)
    return body(
        "## Verantwortliche Stelle",
        f"<p>{OFFICE}</p>",
        "## Datenschutzbeauftragte",
        "<p>Die behördliche Datenschutzbeauftragte der Stadt erreichen Sie unter "
        '<a href="mailto:datenschutz@example.org">datenschutz@example.org</a> oder per Post an die '
        "Anschrift oben mit dem Zusatz „Datenschutzbeauftragte“.</p>",
        "## Wofür wir Daten verarbeiten",
        "### Aufruf der Seiten",
        "Der Server speichert bei jedem Aufruf die IP-Adresse, Datum und Uhrzeit, die aufgerufene "
        "Adresse und den Browser. Das ist nötig, um die Seite sicher zu betreiben. Die Einträge "
        "werden nach sieben Tagen gelöscht. Wir setzen keine Analyse- oder Werbe-Cookies ein und "
        "laden nichts von fremden Servern: keine Schriften, keine Karten-Dienste, keine Videos.",
        "### Veranstaltungshinweise von Partnern",
        "Über das Formular für Veranstaltungshinweise senden Partner uns Name und E-Mail-Adresse "
        "einer Ansprechperson und die Angaben zur Veranstaltung. Wir brauchen sie, um den Hinweis "
        "zu prüfen und bei Fragen nachzufragen. Veröffentlicht werden nur die Angaben zur "
        f"Veranstaltung. Die Kontaktdaten löschen wir {hints} nach der Veranstaltung, oder "
        f"{hints} nachdem wir entschieden haben, den Hinweis nicht zu veröffentlichen.",
        "### Fehler in einem Angebot melden",
        "Wenn Sie einen Fehler in einem Angebot melden, speichern wir Ihre Beschreibung und, wenn "
        "Sie sie angeben, Ihre E-Mail-Adresse für Rückfragen. Ihre E-Mail-Adresse löschen wir "
        f"{mistakes} nach Eingang der Meldung, die Meldung selbst ebenso, sobald sie erledigt ist.",
        "### Barriere melden",
        "Wenn Sie eine Barriere melden, speichern wir die Seitenadresse, Ihre Beschreibung und, "
        "wenn Sie sie angeben, Ihre E-Mail-Adresse. Ihre E-Mail-Adresse löschen wir "
        f"{barriers} nach Eingang der Meldung, die Meldung selbst ebenso, sobald sie erledigt ist.",
        "### E-Mails",
        "E-Mails, die wir Ihnen schicken (etwa die Bestätigung eines Veranstaltungshinweises), "
        "warten bis zum Versand in einer Warteschlange; ist unser Mailserver nicht erreichbar, "
        f"versuchen wir es später noch einmal. Aus der Warteschlange löschen wir sie {mails} "
        "nach dem Versand.",
        "### Datensicherung",
        "Damit nach einem Schaden nichts verloren ist, sichern wir die Datenbank jede Nacht. Jede "
        f"Sicherung bewahren wir {backups} auf; so lange kann sie noch Daten enthalten, die wir "
        "nach den Fristen oben schon gelöscht haben.",
        "### Suche",
        "Ihre Suchbegriffe werden nicht gespeichert.",
        "## Rechtsgrundlagen",
        "Wir verarbeiten Daten zur Erfüllung unserer öffentlichen Aufgabe (Art. 6 Abs. 1 Buchst. e "
        "DSGVO in Verbindung mit § 3 Datenschutzgesetz NRW). Logos und Fotos von Partnern zeigen "
        "wir nur mit deren Einwilligung (Art. 6 Abs. 1 Buchst. a DSGVO); sie kann jederzeit "
        "widerrufen werden.",
        "## Ihre Rechte",
        "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
        "Verarbeitung sowie das Recht, der Verarbeitung zu widersprechen (Art. 15 bis 21 DSGVO). "
        "Sie können sich bei der Landesbeauftragten für Datenschutz und Informationsfreiheit "
        "Nordrhein-Westfalen beschweren.",
    )


ACCESSIBILITY = body(
    "Die Stadt ist bemüht, ihre Website im Einklang mit dem Behindertengleichstellungsgesetz "
    "Nordrhein-Westfalen und der Barrierefreie-Informationstechnik-Verordnung NRW barrierefrei "
    "zugänglich zu machen. Maßstab sind die BITV 2.0 und die Web Content Accessibility "
    "Guidelines (WCAG) 2.1 auf Stufe AA.",
    "## Stand der Vereinbarkeit",
    "Diese Website ist <b>teilweise</b> mit den Anforderungen vereinbar. Die unten genannten "
    "Inhalte sind noch nicht barrierefrei.",
    "## Was noch nicht barrierefrei ist",
    "<ul><li>PDF-Anhänge der Protokolle: Präsentationen der Partner liegen oft nur als PDF "
    "ohne Tags und Lesereihenfolge vor. Die wichtigsten Inhalte stehen im Protokolltext "
    "selbst. Eine barrierefreie Fassung schicken wir Ihnen auf Anfrage.</li>"
    "<li>Karte im Familien-Navigator: Die Karte ist mit Bildschirmlesern und nur mit der "
    "Tastatur nicht vollständig bedienbar. Alle Angebote finden Sie auch in der Liste neben "
    "der Karte, mit Adresse und Stadtteil.</li>"
    "<li>Übersetzungen: Noch nicht übersetzte Seiten erscheinen auf Deutsch. Das ist auf jeder "
    "solchen Seite vermerkt.</li></ul>",
    "Diese Inhalte überarbeiten wir schrittweise; eine unverhältnismäßige Belastung machen wir "
    "nicht geltend.",
    "## Wie wir die Barrierefreiheit prüfen",
    "Die Erklärung beruht auf einer Selbstbewertung der Geschäftsstelle. Zusätzlich prüft ein "
    "automatischer Test (axe) bei jeder Änderung alle Seitentypen auf Deutsch und Arabisch "
    "gegen die Regeln der WCAG 2.1 A und AA, und wir testen die Bedienung nur mit der "
    "Tastatur. Erstellt im Juni 2025, zuletzt überprüft im Juni 2025.",
    "## Barriere melden",
    "<p>Sind Ihnen Barrieren aufgefallen? Brauchen Sie einen Inhalt in anderer Form? Nutzen Sie "
    'unser <a href="/de/barriere-melden/">Formular „Barriere melden“</a> (auch unten auf jeder '
    "Seite) oder schreiben Sie an "
    '<a href="mailto:familientisch@example.org">familientisch@example.org</a>. Wir antworten '
    "innerhalb von zwei Wochen.</p>",
    "## Durchsetzungsverfahren",
    "Wenn Sie auf Ihre Meldung keine zufriedenstellende Antwort erhalten, können Sie sich an "
    "die Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen "
    "wenden. Sie ist bei der oder dem Beauftragten der Landesregierung für Menschen mit "
    "Behinderung angesiedelt, vermittelt kostenlos und hilft, Konflikte ohne Gericht zu lösen. "
    "Die aktuellen Kontaktdaten stehen auf der Website der Landesbehindertenbeauftragten.",
)

EASY_LANGUAGE = [
    (
        "was-gibt-es-hier",
        "Was gibt es auf dieser Seite?",
        "Hier lesen Sie: Was finden Familien auf dieser Seite?",
        body(
            "Diese Seite ist für Familien in Düsseldorf.",
            "Hier finden Sie Hilfe für Kinder und Jugendliche. Und für Eltern.",
            "## Angebote",
            "Angebote sind zum Beispiel: Beratung, Kurse für Babys, Treffen für Eltern.",
            "Viele Angebote kosten kein Geld.",
            "## Veranstaltungen",
            "Veranstaltungen sind Termine. Zum Beispiel: ein Fest im Stadtteil.",
            "## Partner",
            "Partner sind Vereine und Ämter. Sie machen die Angebote.",
        ),
    ),
    (
        "so-benutzen-sie-die-seite",
        "So benutzen Sie die Seite",
        "Hier lesen Sie: Wie finden Sie etwas auf der Seite?",
        body(
            "## Die Suche",
            "Oben auf jeder Seite ist ein Such-Feld. Schreiben Sie ein Wort hinein. Zum "
            "Beispiel: Kita. Dann drücken Sie auf: Suchen.",
            "## Die Sprache",
            "Oben stehen Sprachen. Zum Beispiel: Türkçe oder العربية. Klicken Sie auf Ihre "
            "Sprache. Dann ist die Seite in Ihrer Sprache.",
            "## Die Tastatur",
            "Sie können die Seite auch ohne Maus benutzen. Drücken Sie die Taste Tab. Dann "
            "springen Sie zum nächsten Link.",
        ),
    ),
    (
        "barrierefreiheit-leicht-erklaert",
        "Barrierefreiheit in Leichter Sprache",
        "Hier lesen Sie: Was ist auf der Seite noch schwer?",
        body(
            "Alle Menschen sollen diese Seite gut benutzen können. Das nennt man: barrierefrei.",
            "Wir haben die Seite geprüft. Das meiste ist barrierefrei. Ein paar Dinge sind "
            "noch schwer.",
            "## Das ist noch schwer",
            "<ul><li>Manche Dateien sind PDF-Dateien. Die kann ein Vorlese-Programm oft nicht "
            "gut lesen.</li><li>Die Karte kann man nicht gut mit der Tastatur benutzen. Alle "
            "Angebote stehen aber auch in einer Liste.</li></ul>",
            "## Sagen Sie uns Bescheid",
            "Haben Sie ein Problem mit der Seite? Dann schreiben Sie uns. Unten auf jeder "
            "Seite steht: Barriere melden. Dort können Sie uns schreiben.",
        ),
    ),
]


def load(home):
    imprint = child_page(
        home,
        StandardPage,
        "impressum",
        title="Impressum",
        body=IMPRINT,
        introduction="Wer diese Website anbietet und für ihren Inhalt verantwortlich ist.",
    )
    privacy = child_page(
        home,
        StandardPage,
        "datenschutz",
        title="Datenschutz",
        body=privacy_notice(),
        introduction="Welche Daten wir verarbeiten, wofür, wie lange, und welche Rechte Sie haben.",
    )
    accessibility = child_page(
        home,
        StandardPage,
        "barrierefreiheit",
        title="Erklärung zur Barrierefreiheit",
        body=ACCESSIBILITY,
        introduction="Wie barrierefrei diese Website ist, was noch fehlt und wo Sie Barrieren "
        "melden können.",
    )
    easy = child_page(
        home,
        StandardPage,
        "leichte-sprache",
        title="Leichte Sprache",
        introduction="Hier erklären wir die Seite in Leichter Sprache.",
        body=body("Leichte Sprache ist einfach zu lesen. Die Sätze sind kurz."),
    )
    for slug, title, introduction, chapter in EASY_LANGUAGE:
        child_page(easy, StandardPage, slug, title=title, introduction=introduction, body=chapter)

    site = Site.objects.get(root_page=home)
    links = SiteLinks.for_site(site)
    links.imprint_page, links.privacy_page = imprint, privacy
    links.accessibility_page, links.easy_language_page = accessibility, easy
    links.save()
    help_line = HelpLine.for_site(site)
    help_line.phone, help_line.email = "0211 89-98899", "familientisch@example.org"
    help_line.weekday_hours = "9–15"
    help_line.save()
