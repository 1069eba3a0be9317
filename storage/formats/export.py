"""Reports people already use (DESIGN.md §1, §6): CSV and XLSX for Excel, Markdown for minutes.

Pure functions of a ``BoardSnapshot`` (and today's date, for "overdue"): no files, no store.
One row per card (an agency's duty on one item), ordered by letter, item, lead first, agency.

* CSV is UTF-8 *with* a BOM: without it Excel reads the file as the local code page and
  Thai turns into mojibake. Dates are ISO (``2022-09-30``), which Excel reads as dates.
* XLSX has a bold frozen header, a filter, real date cells and column widths set by hand
  (openpyxl does not measure text).
* Markdown has one section per agency with a progress line, for meeting minutes.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from storage.models import ROLE_LABELS, STATUS_LABELS, STATUSES, BoardSnapshot, Card
from storage.thai.dates import format_thai_date

FORMATS = ("csv", "xlsx", "md", "json")

COLUMNS = ("card", "letter", "letter_date", "item", "text", "agency", "role", "status", "due",
           "overdue", "updated_at", "updated_by", "notes", "latest_note")
HEADERS = {
    "th": ("รหัสการ์ด", "เลขที่หนังสือ", "ลงวันที่", "ข้อ", "ประเด็น", "หน่วยงาน", "บทบาท", "สถานะ",
           "กำหนดเสร็จ", "เลยกำหนด", "แก้ไขล่าสุด", "แก้ไขโดย", "จำนวนบันทึก", "บันทึกล่าสุด"),
    "en": ("Card", "Letter", "Letter date", "Item", "Directive", "Agency", "Role", "Status",
           "Due", "Overdue", "Updated", "Updated by", "Notes", "Latest note"),
}
WIDTHS = (10, 22, 12, 5, 60, 36, 16, 16, 12, 9, 20, 14, 8, 40)
YES = {"th": "เลยกำหนด", "en": "overdue"}


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
    notes: int
    latest_note: str


def is_overdue(snap: BoardSnapshot, card: Card, today: date) -> bool:
    item = snap.items.get(card.item_id)
    return bool(item and item.due and card.status != "done" and item.due < today.isoformat())


def rows(snap: BoardSnapshot, today: date) -> list[Row]:
    out = []
    for card in snap.cards.values():
        item = snap.items.get(card.item_id)
        agency = snap.agencies.get(card.agency_id)
        directive = snap.directives.get(item.directive_id) if item else None
        notes = snap.notes_of(card.id)
        out.append(Row(
            card, directive.number if directive else "", directive.date if directive else None,
            item.seq if item else None, item.text if item else "",
            agency.name if agency else card.agency_id, agency.short if agency else "",
            item.due if item else None, is_overdue(snap, card, today), len(notes),
            notes[-1].text if notes else ""))
    out.sort(key=lambda r: (r.letter, r.seq or 0, r.card.role != "lead", r.agency, r.card.id))
    return out


def _cells(row: Row, lang: str) -> list[object]:
    return [row.card.id[:8], row.letter, row.letter_date or "", row.seq if row.seq is not None else "",
            row.text, row.agency, ROLE_LABELS[lang].get(row.card.role, row.card.role),
            STATUS_LABELS[lang][row.card.status], row.due or "", YES[lang] if row.overdue else "",
            row.card.updated_at or "", row.card.updated_by or "", row.notes, row.latest_note]


def to_csv(snap: BoardSnapshot, today: date, lang: str = "th") -> bytes:
    """The board as CSV for Excel: UTF-8 with a BOM, CRLF rows, a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # quotes cells holding commas, quotes or line breaks
    writer.writerow(HEADERS[lang])
    for row in rows(snap, today):
        writer.writerow(_cells(row, lang))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(snap: BoardSnapshot, today: date, lang: str = "th", title: str = "") -> bytes:
    """The board as an Excel workbook: one row per card, bold frozen header, filter, widths."""
    from openpyxl import Workbook  # imported here: only this report needs it
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = ("กระดานติดตาม" if lang == "th" else "Board")[:31]
    sheet.append(list(HEADERS[lang]))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    date_columns = (COLUMNS.index("letter_date"), COLUMNS.index("due"))
    for row in rows(snap, today):
        cells = _cells(row, lang)
        for index in date_columns:  # real dates, so Excel can sort and filter them
            cells[index] = date.fromisoformat(cells[index]) if cells[index] else None  # type: ignore[arg-type]
        sheet.append(cells)
    for index in date_columns:
        for cell in sheet[get_column_letter(index + 1)][1:]:
            cell.number_format = "yyyy-mm-dd"
    text_column = get_column_letter(COLUMNS.index("text") + 1)
    for cell in sheet[text_column][1:]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, width in enumerate(WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    if title:
        book.properties.title = title
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _md(text: object) -> str:
    """One table cell: no line breaks, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _progress(group: list[Row], lang: str) -> str:
    counts = {s: sum(r.card.status == s for r in group) for s in STATUSES}
    done, total = counts["done"], len(group)
    overdue = sum(r.overdue for r in group)
    labels = STATUS_LABELS[lang]
    bar = "█" * round(10 * done / total) + "░" * (10 - round(10 * done / total))
    parts = [f"{labels[s]} {counts[s]}" for s in STATUSES if s != "done" and counts[s]]
    if overdue:
        parts.append(f"{YES[lang]} {overdue}")
    head = f"{bar} {labels['done']} {done}/{total} ({100 * done // total}%)"
    return " · ".join([head, *parts])


def to_markdown(snap: BoardSnapshot, today: date, lang: str = "th", title: str = "") -> str:
    """Meeting minutes: per agency, a progress line and its cards (overdue first)."""
    th = lang == "th"
    heading = title or ("กระดานติดตามข้อสั่งการ" if th else "Directive board")
    when = format_thai_date(today, style="long") if th else today.isoformat()
    lines = [f"# {_md(heading)}", "", f"{'ข้อมูล ณ วันที่' if th else 'As of'} {when}", ""]
    groups: dict[str, list[Row]] = {}
    for row in rows(snap, today):
        groups.setdefault(row.agency, []).append(row)
    cols = ("ข้อ", "ประเด็น", "บทบาท", "สถานะ", "กำหนด", "บันทึกล่าสุด") if th else (
        "Item", "Directive", "Role", "Status", "Due", "Latest note")
    for agency in sorted(groups):
        group = sorted(groups[agency], key=lambda r: not r.overdue)  # stable: overdue first
        short = group[0].short
        lines += [f"## {_md(agency)}" + (f" ({_md(short)})" if short and short != agency else ""), "",
                  _progress(group, lang), "", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        for r in group:
            due = (format_thai_date(date.fromisoformat(r.due)) if th else r.due) if r.due else ""
            if r.overdue:
                due = f"⚠ {due}"
            item = f"{r.letter} ข้อ {r.seq}" if th else f"{r.letter} #{r.seq}"
            cells = (item, r.text, ROLE_LABELS[lang].get(r.card.role, r.card.role),
                     STATUS_LABELS[lang][r.card.status], due, r.latest_note)
            lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
        lines.append("")
    if not groups:
        lines.append("ยังไม่มีการ์ดบนกระดาน" if th else "The board has no cards yet.")
    return "\n".join(lines).rstrip() + "\n"
