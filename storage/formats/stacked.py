"""A table copied out of a PDF viewer one cell per line.

Selecting a table in a PDF viewer (or a browser showing the PDF) and pasting it gives each
cell on a line of its own, the header labels first::

    ลำดับ
    ข้อสั่งการ
    หน่วยงานรับผิดชอบ
    กำหนดเวลา
    ๑
    เร่งรัดการเบิกจ่ายงบประมาณรายจ่ายลงทุน
    ทุกส่วนราชการ
    ๓๑ มีนาคม ๒๕๖๙
    ๒
    …

The header is the run of lines that, taken as cells, classify as a header; a row starts at a
line that is only the next item number. A row with one line per remaining column is read
cell by cell. A cell that wrapped over lines leaves more lines than columns: then, for the
usual order (number, text, agencies, deadline …), the deadline is the last line that reads
as one, the agencies the lines before it that start a name, and the text the rest.
"""

from __future__ import annotations

from storage.formats import genre
from storage.formats.items import CLOSING_RE, Columns, classify_header, parse_seq
from storage.formats.prose import joined_lines
from storage.formats.timing import find_recurrence, parse_due_cell

_MAX_COLUMNS = 8


def find_stacked_header(lines: list[str]) -> tuple[int, int, Columns] | None:
    """(first header line, number of columns, the columns) of a header given one label per line."""
    for at, line in enumerate(lines):
        if not line.strip() or len(line.strip()) > 40:
            continue
        for width in range(_MAX_COLUMNS, 2, -1):
            labels = [s.strip() for s in lines[at:at + width]]
            if len(labels) < width or not all(labels) or parse_seq(lines[at + width] if at + width < len(lines) else "") is None:
                continue  # the header must be followed by the first item's number
            cols = classify_header(labels)
            if cols is not None and cols.seq == 0 and cols.text is not None:
                return at, width, cols
    return None


def stacked_rows(lines: list[str], width: int, cols: Columns) -> list[list[str]]:
    """The table's rows (``width`` cells each) from the lines after its header."""
    rows: list[list[str]] = []
    current: list[str] | None = None
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if CLOSING_RE.match(text):
            break
        seq = parse_seq(text)
        if seq is not None and seq == len(rows) + 1:
            current = [text]
            rows.append(current)
        elif current is not None:
            current.append(text)
    return [_cells(row, width, cols) for row in rows]


def _cells(row: list[str], width: int, cols: Columns) -> list[str]:
    number, rest = row[0], row[1:]
    if len(rest) <= width - 1:
        return [number, *rest, *[""] * (width - 1 - len(rest))]
    cells = [number] + [""] * (width - 1)
    if not (cols.text == 1 and cols.agencies == 2 and cols.due in (None, 3)):
        cells[cols.text] = " ".join(rest)  # another order: the text keeps everything, nothing lost
        return cells
    if cols.due is not None and _reads_as_due(rest[-1]):
        cells[cols.due] = rest.pop()
    names = len(rest)
    while names > 1 and _starts_name(rest[names - 1]):
        names -= 1
    cells[1] = joined_lines(rest[:names])
    cells[2] = "\n".join(rest[names:])
    return cells


def _reads_as_due(line: str) -> bool:
    due, problem = parse_due_cell(line)
    return due is not None or find_recurrence(line) is not None or line.strip() in ("-", "ไม่กำหนด")


def _starts_name(line: str) -> bool:
    return bool(genre.HEAD_RE.match(line) or genre.EVERY_RE.match(line) or genre.PROVINCE_RE.match(line))
