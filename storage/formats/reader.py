"""Read a letter file of any supported type into a Draft, or fail with one line.

``.txt`` (text extracted from PDF/Word; UTF-8, UTF-16 with BOM or TIS-620/cp874),
``.docx``, ``.csv``/``.tsv`` and ``.xlsx``. Everything that makes a file unusable —
missing, empty, binary, undecodable, no table of directives, an unreadable .docx/.xlsx,
an unknown extension — raises ImportFailed naming the file and the problem.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Iterable

from storage.errors import ImportFailed
from storage.formats.draft import Draft
from storage.formats.letters import parse_letter_text
from storage.models import Agency

TEXT_TYPES = (".txt", ".text")
SHEET_TYPES = (".csv", ".tsv", ".xlsx", ".xlsm")
SUPPORTED = (*TEXT_TYPES, ".docx", *SHEET_TYPES)
_ADVICE = {
    ".pdf": "PDF is not read directly; extract the text first (pdftotext -layout) or save as .docx",
    ".doc": "old Word .doc is not supported; save it as .docx",
    ".xls": "old Excel .xls is not supported; save it as .xlsx",
}
_MAX_BYTES = 20 * 1024 * 1024


def _fail(path: Path, problem: str) -> ImportFailed:
    return ImportFailed(f"{path}: {problem}")


def _looks_binary(raw: bytes) -> bool:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text has NULs by design
    head = raw[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return b"\x00" in head or controls > len(head) // 20


def decode_letter(path: Path, raw: bytes) -> str:
    """The text of a .txt letter; ImportFailed when empty, binary or undecodable."""
    if not raw.strip(b" \t\r\n\x0c\xef\xbb\xbf"):
        raise _fail(path, "the file is empty")
    if _looks_binary(raw):
        raise _fail(path, "not a text file (binary data); expected a letter's text, .docx, .csv or .xlsx")
    from storage.formats.sheets import decode_text

    try:
        text = decode_text(raw)
    except UnicodeDecodeError:
        raise _fail(path, "cannot decode the text (expected UTF-8 or TIS-620)") from None
    if not any(ch.isalnum() for ch in text):
        raise _fail(path, "the file has no text")
    return text


def _read_sheet(path: Path, known: Iterable[Agency]) -> Draft:
    from storage.formats.sheets import csv_rows, draft_from_sheet, xlsx_rows

    if path.suffix.lower() in (".csv", ".tsv"):
        raw = path.read_bytes()
        if not raw.strip(b" \t\r\n\xef\xbb\xbf"):
            raise _fail(path, "the file is empty")
        if _looks_binary(raw):
            raise _fail(path, "not a CSV file (binary data)")
        try:
            rows = csv_rows(raw)
        except (UnicodeDecodeError, ValueError) as error:
            raise _fail(path, f"cannot read the CSV ({type(error).__name__})") from None
    else:
        try:
            rows = xlsx_rows(path)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
            raise _fail(path, f"not a readable .xlsx workbook ({type(error).__name__})") from None
    return draft_from_sheet(rows, source=path.name, known=known)


def _read_docx(path: Path, known: Iterable[Agency]) -> Draft:
    from storage.formats.docx import draft_from_document, load_document

    if path.stat().st_size == 0:
        raise _fail(path, "the file is empty")
    try:
        document = load_document(path)
    except Exception as error:  # zipfile, lxml and python-docx each raise their own types
        raise _fail(path, f"not a readable .docx document ({type(error).__name__})") from None
    return draft_from_document(document, source=path.name, known=known)


def read_letter(path: Path, known: Iterable[Agency] = ()) -> Draft:
    """Parse one letter file; ImportFailed (one line) when it cannot be imported at all."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _ADVICE:
        raise _fail(path, _ADVICE[suffix])
    if suffix not in SUPPORTED:
        shown = suffix or "(none)"
        raise _fail(path, f"unknown file type {shown}; expected one of {', '.join(SUPPORTED)}")
    if not path.is_file():
        raise _fail(path, "no such file" if not path.exists() else "not a file")
    if path.stat().st_size > _MAX_BYTES:
        raise _fail(path, "too large for a letter (over 20 MB)")
    known = list(known)
    if suffix == ".docx":
        draft = _read_docx(path, known)
    elif suffix in SHEET_TYPES:
        draft = _read_sheet(path, known)
    else:
        draft = parse_letter_text(decode_letter(path, path.read_bytes()), source=path.name, known=known)
    if not draft.items:
        if "ไม่พบข้อสั่งการในตาราง" in draft.warnings:
            raise _fail(path, "the table of directives has no items")
        raise _fail(path, "no table of directives found (ลำดับ / ประเด็น / หน่วยงานที่รับผิดชอบ)")
    return draft
