"""The board as an Excel workbook: a summary sheet, then one sheet per agency (streamed:
openpyxl's write-only mode).

Every sheet has a bold frozen header, a filter and column widths set by hand (openpyxl does
not measure text). Dates are real date cells *and* B.E. text beside them; times are local
datetimes. Text that a spreadsheet would read as a formula is stored as a string with the
quote prefix (what Excel itself does when you type ``'=…``), so it is shown, never run.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from typing import Iterable

from storage.formats.export import COLUMNS, DATE_COLUMNS, Row, fields, headers, looks_like_formula, rows
from storage.i18n import say
from storage.models import STATUSES, BoardSnapshot, Card
from storage.progress import tally

WIDTHS = {"card": 10, "letter": 20, "letter_date": 12, "letter_date_be": 14, "item": 6, "text": 60,
          "agency": 34, "short": 14, "role": 16, "status": 16, "due": 12, "due_be": 14, "overdue": 10,
          "days_late": 8, "updated_at": 17, "updated_by": 12, "notes": 8, "latest_note": 40,
          "latest_note_by": 12, "latest_note_at": 17}
SUMMARY_WIDTHS = (40, 16, 14, 14, 12, 14, 8, 12, 10, 10)
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _cell(sheet, value: object, **style):
    """One streamed cell; formula-looking text stays text (inline string with the quote prefix)."""
    from openpyxl.cell import WriteOnlyCell

    if not style and not looks_like_formula(value):
        return value  # a plain value: the cheapest thing a streamed sheet takes
    cell = WriteOnlyCell(sheet, value=value)
    if looks_like_formula(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def _header(sheet, titles: list[str], widths: Iterable[float]) -> None:
    """Widths and the frozen row first: a streamed sheet writes them before its rows."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    for col, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([_cell(sheet, title, font=bold) for title in titles])


def _card_sheet(sheet, group: list[Row], lang: str) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    _header(sheet, headers(lang), (WIDTHS[c] for c in COLUMNS))
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in group:
        values = fields(row, lang)
        cells = []
        for name in COLUMNS:
            value = values[name]
            if name in DATE_COLUMNS and value:
                value = date.fromisoformat(str(value))  # a real date: Excel sorts and filters it
            style: dict[str, object] = {}
            if isinstance(value, datetime):
                style["number_format"] = "yyyy-mm-dd hh:mm"
            elif isinstance(value, date):
                style["number_format"] = "yyyy-mm-dd"
            elif name in ("text", "latest_note"):
                style["alignment"] = wrap
            cells.append(_cell(sheet, value if value != "" else None, **style))
        sheet.append(cells)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(group) + 1}"


def _summary_sheet(sheet, snap: BoardSnapshot, groups: dict[str, list[Row]], today: date, lang: str) -> None:
    titles = [say(lang, "report.col.agency"), say(lang, "report.col.short"),
              *(say(lang, f"status.{s}") for s in STATUSES), say(lang, "report.col.total"),
              say(lang, "report.col.done_pct"), say(lang, "report.col.overdue"), say(lang, "report.col.due_soon")]
    _header(sheet, titles, SUMMARY_WIDTHS)
    lines = [(agency, group[0].short, tally("", (r.card for r in group), snap, today))
             for agency, group in groups.items()]
    every = tally("", (r.card for g in groups.values() for r in g), snap, today)
    for name, short, p in [*lines, (say(lang, "report.all_agencies"), "", every)]:
        values = [name, short or None, *p.counts, p.total, p.percent / 100, p.overdue, p.due_soon]
        sheet.append([_cell(sheet, v, **({"number_format": "0%"} if c == 7 else {})) for c, v in enumerate(values)])
    # The filter covers the agencies only: sorting them must not move the total line.
    sheet.auto_filter.ref = f"A1:J{len(lines) + 1}"


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
    from openpyxl import Workbook  # imported here: only this report needs it

    groups: dict[str, list[Row]] = {}
    for row in rows(snap, today, cards, since):
        groups.setdefault(row.agency, []).append(row)
    groups = dict(sorted(groups.items()))
    book = Workbook(write_only=True)  # streamed: several times faster at 10,000 cards
    taken: set[str] = set()
    _summary_sheet(book.create_sheet(sheet_title(say(lang, "report.sheet.summary"), taken)), snap, groups, today, lang)
    for agency, group in groups.items():
        _card_sheet(book.create_sheet(sheet_title(group[0].short or agency, taken)), group, lang)
    if title:
        book.properties.title = title
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
