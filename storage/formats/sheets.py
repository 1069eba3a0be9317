"""CSV and XLSX sheets of directives: columns seq, text, agencies, due (or Thai names).

Header names in English (``seq, text, agencies, due``, also ``lead``/``support``) or Thai
(``ลำดับ, ประเด็น, หน่วยงาน, กำหนดเสร็จ``, ``หน่วยงานหลัก``/``หน่วยงานสนับสนุน``). Rows
above the header may carry the letter's head (``ที่ …``, a date, ``เรื่อง …``).
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path
from typing import Iterable

from storage.formats.draft import Draft
from storage.formats.items import assemble_rows, classify_header
from storage.formats.letters import draft_from_table, prepare
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


def csv_rows(raw: bytes) -> list[list[str]]:
    text = decode_text(raw).replace("\r\n", "\n").replace("\r", "\n")
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return [list(row) for row in csv.reader(io.StringIO(text), dialect)]


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


def xlsx_rows(path: Path) -> list[list[str]]:
    """The first worksheet that has a directive header (else the first one), as text cells."""
    import openpyxl  # imported here: only sheet imports pay for it

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = [[[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)] for ws in book.worksheets]
    finally:
        book.close()
    for rows in sheets:
        if any(classify_header(r) for r in rows[:_HEADER_SEARCH_ROWS]):
            return rows
    return sheets[0] if sheets else []


def draft_from_sheet(rows: list[list[str]], *, source: str = "", known: Iterable[Agency] = ()) -> Draft:
    """A Draft from sheet rows: the header row found among the first rows, head above it."""
    for at, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        cols = classify_header(row)
        if cols is not None:
            head = prepare("\n".join(" ".join(c for c in r if c).strip() for r in rows[:at]))
            body = assemble_rows(rows[at + 1:], cols, len(row))
            return draft_from_table(head, body, cols, source=source, known=known)
    head = prepare("\n".join(" ".join(c for c in r if c) for r in rows))
    from storage.formats.items import Columns

    return draft_from_table(head, [], Columns(seq=0, text=1, agencies=2), source=source, known=known,
                            warnings=["ไม่พบแถวหัวตาราง (seq, text, agencies, due หรือ ลำดับ, ประเด็น, หน่วยงาน, กำหนดเสร็จ)"])
