"""Dates and times as German minutes write them: "06.06.2018", "6. Juni 2018", "16.30 Uhr"
(and ISO dates, which some templates use)."""

import datetime as dt
import re

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
