"""Reports people already use (DESIGN.md §1, §6): CSV for Excel, Markdown for minutes.

Pure functions of a ``BoardSnapshot``, a choice of cards and today's date: no files, no
store. One row per card (an agency's duty on one item), ordered by letter, item, lead first,
agency. XLSX is in ``xlsx_export.py``, the agency's reply in ``agency_report.py``.

* Dates come twice: ISO (``2022-09-30``, which Excel reads as a date) and Buddhist Era text
  (``30 ก.ย. 2565``), the way officers write them. Times are the officer's local time.
* A text cell that begins with ``=``, ``+``, ``-``, ``@`` (or a tab/CR) is written so that a
  spreadsheet shows it as text and never runs it (formula injection, OWASP "CSV injection").
* CSV is UTF-8 *with* a BOM: without it Excel reads the file as the local code page.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Iterable

from storage.activity import kept_notes, latest_change, local_time
from storage.i18n import code_word, say
from storage.models import BoardSnapshot, Card, Note
from storage.progress import Progress, agency_progress, days_late, is_overdue
from storage.thai.dates import format_thai_date

FORMATS = ("csv", "xlsx", "md", "json", "docx")

COLUMNS = ("card", "letter", "letter_date", "letter_date_be", "item", "text", "agency", "short", "role",
           "status", "due", "due_be", "overdue", "days_late", "updated_at", "updated_by", "notes",
           "latest_note", "latest_note_by", "latest_note_at")
DATE_COLUMNS = ("letter_date", "due")
TIME_COLUMNS = ("updated_at", "latest_note_at")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What Excel and LibreOffice read as the start of a formula (or a DDE call)."""


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_safe(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: a leading apostrophe before a formula-like start."""
    return "'" + value if looks_like_formula(value) else value  # type: ignore[operator]


@lru_cache(maxsize=256)
def _word(lang: str, kind: str, code: str) -> str:
    """A status or role word, or the overdue mark (kind ""): the same few words on every row."""
    return code_word(lang, kind, code) if kind else say(lang, code)


def headers(lang: str) -> list[str]:
    return [say(lang, f"report.col.{c}") for c in COLUMNS]


@dataclass(frozen=True)
class Row:
    """One card as the reports show it."""

    card: Card
    letter: str
    letter_date: str | None
    seq: int | None
    text: str
    agency: str
    short: str
    due: str | None
    overdue: bool
    days_late: int
    notes: tuple[Note, ...]
    changed_at: str | None
    """When the card last changed (a move, a note, an edit), ISO UTC."""
    changed_by: str

    @property
    def latest_note(self) -> Note | None:
        return self.notes[-1] if self.notes else None


def _row(snap: BoardSnapshot, card: Card, today: date) -> Row:
    item = snap.items.get(card.item_id)
    agency = snap.agencies.get(card.agency_id)
    letter = snap.directives.get(item.directive_id) if item else None
    change = latest_change(snap, card)
    late = is_overdue(snap, card, today)
    return Row(
        card, letter.number if letter else "", letter.date if letter else None,
        item.seq if item else None, item.text if item else "",
        agency.name if agency else card.agency_id, agency.short if agency else "",
        item.due if item else None, late, days_late(item.due, today) if late and item else 0,
        kept_notes(snap, card.id), change.at if change else card.updated_at,
        change.who if change else (card.updated_by or ""))


def rows(snap: BoardSnapshot, today: date, cards: Iterable[Card] | None = None,
         since: date | None = None) -> list[Row]:
    """The rows of ``cards`` (default: all); with ``since``, only cards changed on or after it."""
    out = [_row(snap, c, today) for c in (snap.cards.values() if cards is None else cards)]
    if since is not None:
        out = [r for r in out if r.changed_at and (local_time(r.changed_at) or datetime.min).date() >= since]
    out.sort(key=lambda r: (r.letter, r.seq or 0, r.card.role != "lead", r.agency, r.card.id))
    return out


def be_date(iso: str | None) -> str:
    """``30 ก.ย. 2565``: the day as officers write it (ASCII digits, four-digit B.E. year)."""
    if not iso:
        return ""
    text = format_thai_date(date.fromisoformat(iso[:10]), digits="ascii")
    day, month, year = text.split(" ")
    return f"{day} {month} {int(year) + 2500}"


def local_stamp(iso: str | None) -> datetime | None:
    """A stored UTC time as a naive local datetime (what a spreadsheet cell holds)."""
    moment = local_time(iso) if iso else None
    return moment.replace(tzinfo=None, microsecond=0) if moment else None


def fields(row: Row, lang: str) -> dict[str, object]:
    """Every column of ``COLUMNS`` for one row: dates as ISO text, times as local datetimes."""
    note = row.latest_note
    return {
        "card": row.card.id[:8], "letter": row.letter, "letter_date": row.letter_date or "",
        "letter_date_be": be_date(row.letter_date), "item": row.seq if row.seq is not None else "",
        "text": row.text, "agency": row.agency, "short": row.short,
        "role": _word(lang, "role", row.card.role),
        "status": _word(lang, "status", row.card.status), "due": row.due or "", "due_be": be_date(row.due),
        "overdue": _word(lang, "", "report.overdue_mark") if row.overdue else "",
        "days_late": row.days_late if row.overdue else "",
        "updated_at": local_stamp(row.changed_at), "updated_by": row.changed_by,
        "notes": len(row.notes), "latest_note": note.text if note else "",
        "latest_note_by": note.author if note else "", "latest_note_at": local_stamp(note.at if note else None),
    }


def to_csv(snap: BoardSnapshot, today: date, lang: str = "th", cards: Iterable[Card] | None = None,
           since: date | None = None) -> bytes:
    """The board as CSV for Excel: UTF-8 with a BOM, CRLF rows, a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # quotes cells holding commas, quotes or line breaks
    writer.writerow(headers(lang))
    for row in rows(snap, today, cards, since):
        values = fields(row, lang)
        for name in TIME_COLUMNS:
            stamp = values[name]
            values[name] = f"{stamp:%Y-%m-%d %H:%M}" if stamp else ""
        writer.writerow([csv_safe(values[c]) for c in COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def summary(snap: BoardSnapshot, today: date, cards: Iterable[Card] | None = None) -> list[tuple[str, str, Progress]]:
    """(agency name, short name, progress) per agency, for the reports' summary tables."""
    return [(a.name, a.short, p) for a, p in agency_progress(snap, today, cards)]
