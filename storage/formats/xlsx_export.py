"""The board as an Excel workbook: a summary sheet, then one sheet per agency.

Every sheet has a bold frozen header, a filter and column widths set by hand (a spreadsheet
does not measure text on opening). Dates are real date cells *and* B.E. text beside them; times
are local datetimes. Text that a spreadsheet would read as a formula is stored as text with the
quote prefix (what Excel itself does when you type ``'=…``), so it is shown, never run. The
XML is written by storage/formats/xlsx_writer.py (openpyxl took ~10 s at 10,000 cards).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterable

from storage.formats.export import COLUMNS, DATE_COLUMNS, TIME_COLUMNS, Row, fields, headers, rows
from storage.formats.xlsx_writer import BOLD, DATE, PERCENT, PLAIN, STAMP, WRAP, Sheet, Workbook
from storage.i18n import say
from storage.models import STATUSES, BoardSnapshot, Card
from storage.progress import tally

WIDTHS = {"card": 10, "letter": 20, "letter_date": 12, "letter_date_be": 14, "item": 6, "text": 60,
          "agency": 34, "short": 14, "role": 16, "status": 16, "due": 12, "due_be": 14, "overdue": 10,
          "days_late": 8, "updated_at": 17, "updated_by": 12, "notes": 8, "latest_note": 40,
          "latest_note_by": 12, "latest_note_at": 17}
SUMMARY_WIDTHS = (40, 16, 14, 14, 12, 14, 8, 12, 10, 10)
CARD_STYLES = tuple(DATE if c in DATE_COLUMNS else STAMP if c in TIME_COLUMNS
                    else WRAP if c in ("text", "latest_note") else PLAIN for c in COLUMNS)
SUMMARY_STYLES = (PLAIN,) * 7 + (PERCENT, PLAIN, PLAIN)
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _card_sheet(book: Workbook, sheet: Sheet, group: list[Row], lang: str) -> None:
    book.append(sheet, headers(lang), (BOLD,) * len(COLUMNS))
    for row in group:
        values = fields(row, lang)
        for name in DATE_COLUMNS:
            if values[name]:
                values[name] = date.fromisoformat(str(values[name]))  # a real date: Excel sorts and filters it
        book.append(sheet, [values[name] for name in COLUMNS], CARD_STYLES)
    sheet.filter_rows = len(group) + 1


def _summary_sheet(book: Workbook, sheet: Sheet, snap: BoardSnapshot, groups: dict[str, list[Row]],
                   today: date, lang: str) -> None:
    titles = [say(lang, "report.col.agency"), say(lang, "report.col.short"),
              *(say(lang, f"status.{s}") for s in STATUSES), say(lang, "report.col.total"),
              say(lang, "report.col.done_pct"), say(lang, "report.col.overdue"), say(lang, "report.col.due_soon")]
    book.append(sheet, titles, (BOLD,) * len(titles))
    lines = [(agency, group[0].short, tally("", (r.card for r in group), snap, today))
             for agency, group in groups.items()]
    every = tally("", (r.card for g in groups.values() for r in g), snap, today)
    for name, short, p in [*lines, (say(lang, "report.all_agencies"), "", every)]:
        book.append(sheet, [name, short, *p.counts, p.total, p.percent / 100, p.overdue, p.due_soon], SUMMARY_STYLES)
    # The filter covers the agencies only: sorting them must not move the total line.
    sheet.filter_rows = len(lines) + 1


def sheet_title(name: str, taken: set[str]) -> str:
    """An Excel sheet name: at most 31 characters, none of []:*?/\\, unique in the book."""
    base = _BAD_SHEET_CHARS.sub("-", name).strip("'") or "-"
    title, n = base[:31], 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


def to_xlsx(snap: BoardSnapshot, today: date, lang: str = "th", title: str = "",
            cards: Iterable[Card] | None = None, since: date | None = None) -> bytes:
    """Summary sheet first, then one sheet per agency (short name as the sheet's name)."""
    groups: dict[str, list[Row]] = {}
    for row in rows(snap, today, cards, since):
        groups.setdefault(row.agency, []).append(row)
    groups = dict(sorted(groups.items()))
    book = Workbook(title)
    taken: set[str] = set()
    summary = book.sheet(sheet_title(say(lang, "report.sheet.summary"), taken), SUMMARY_WIDTHS)
    _summary_sheet(book, summary, snap, groups, today, lang)
    for agency, group in groups.items():
        sheet = book.sheet(sheet_title(group[0].short or agency, taken), [WIDTHS[c] for c in COLUMNS])
        _card_sheet(book, sheet, group, lang)
    return book.save()
