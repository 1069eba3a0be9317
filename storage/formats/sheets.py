"""CSV and XLSX sheets of directives: columns seq, text, agencies, due (or Thai names).

Header names in English (``seq, text, agencies, due``, also ``lead``/``support``) or Thai
(``ลำดับ, ประเด็น, หน่วยงาน, กำหนดเสร็จ``, ``หน่วยงานหลัก``/``หน่วยงานสนับสนุน``). Rows
above the header may carry the letter's head (``ที่ …``, a date, ``เรื่อง …``).
"""

from __future__ import annotations

import csv
import io
import itertools
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Iterator

from storage.formats.draft import Draft, DraftWarning
from storage.formats.items import assemble_rows, classify_header
from storage.formats.sub_header import with_sub_header
from storage.formats.letters import draft_from_table, prepare
from storage.formats.limits import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_SCAN_ROWS, count_up
from storage.models import Agency

_HEADER_SEARCH_ROWS = 40


def decode_text(raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Thai Windows code page 874."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp874")  # may raise UnicodeDecodeError: the caller reports it


def _bounded(rows: Iterable[Iterable[object]]) -> list[list[str]]:
    """The rows that have text, as text cells at most MAX_COLUMNS wide.

    Blank rows are skipped but counted against MAX_SCAN_ROWS (a stray cell at row
    1,048,576 makes a million of them); rows with text against MAX_ROWS, cells against MAX_CELLS.
    """
    out: list[list[str]] = []
    cells = 0
    for scanned, row in enumerate(rows, 1):
        count_up("importer.limit.rows", MAX_SCAN_ROWS, scanned)
        if isinstance(row, tuple) and row.count(None) == len(row):
            continue  # a blank row, skipped at C speed (openpyxl pads gaps with them)
        values = [_cell_text(v) for v in itertools.islice(row, MAX_COLUMNS)]
        while values and not values[-1].strip():
            values.pop()  # trailing blanks: nothing to read, and nothing to count
        if not values:
            continue
        out.append(values)
        count_up("importer.limit.rows", MAX_ROWS, len(out))
        cells += len(values)
        count_up("importer.limit.cells", MAX_CELLS, cells)
    return out


def csv_rows(raw: bytes) -> list[list[str]]:
    text = decode_text(raw).replace("\r\n", "\n").replace("\r", "\n")
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return _bounded(csv.reader(io.StringIO(text), dialect))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _sheet_rows(ws) -> Iterator[tuple]:
    # The declared dimension (A1:XFD1048576) is not trusted: rows come as the sheet XML
    # has them, streamed, never wider than MAX_COLUMNS.
    ws.reset_dimensions()
    return ws.iter_rows(max_col=MAX_COLUMNS, values_only=True)


def xlsx_rows(raw: bytes | Path) -> list[list[str]]:
    """The first worksheet with a directive header (else the first one), as text cells.

    Streamed (read-only mode): only the first rows of each sheet are read to find the
    header, and the chosen sheet is read to its end within the limits.
    """
    import openpyxl  # imported here: only sheet imports pay for it

    source = io.BytesIO(raw) if isinstance(raw, bytes) else raw
    book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    try:
        chosen = None
        for ws in book.worksheets:
            head = _bounded(itertools.islice(_sheet_rows(ws), _HEADER_SEARCH_ROWS))
            if any(classify_header(r) for r in head):
                chosen = ws
                break
        chosen = chosen or (book.worksheets[0] if book.worksheets else None)
        return _bounded(_sheet_rows(chosen)) if chosen is not None else []
    finally:
        book.close()


def draft_from_sheet(rows: list[list[str]], *, source: str = "", known: Iterable[Agency] = ()) -> Draft:
    """A Draft from sheet rows: the header row found among the first rows, head above it."""
    for at, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        cols = classify_header(row)
        if cols is not None:
            head = prepare("\n".join(" ".join(c for c in r if c).strip() for r in rows[:at]))
            refined = with_sub_header(cols, rows[at + 1]) if at + 1 < len(rows) else None
            cols = refined or cols
            width = max(len(row), len(rows[at + 1]) if refined else 0)  # a merged label's last cells are blank
            body = assemble_rows(rows[at + (2 if refined else 1):], cols, width)
            return draft_from_table(head, body, cols, source=source, known=known)
    head = prepare("\n".join(" ".join(c for c in r if c) for r in rows))
    from storage.formats.items import Columns

    return draft_from_table(head, [], Columns(seq=0, text=1, agencies=2), source=source, known=known,
                            warnings=[DraftWarning.of("importer.no_sheet_header")])
