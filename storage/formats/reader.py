"""Read a letter file of any supported type into a Draft, or fail with one line.

``.txt`` (text extracted from PDF/Word, layout text from ``pdftotext -layout`` or OCR,
minutes in prose; UTF-8, UTF-16 with BOM or TIS-620/cp874), ``.pdf``, ``.docx``,
``.csv``/``.tsv`` and ``.xlsx``. Everything that makes a file unusable — missing, not a
regular file, empty, binary, undecodable, no table of directives, an unreadable
.pdf/.docx/.xlsx, an unknown extension, a limit of storage.formats.limits crossed —
raises ImportFailed naming the file and the problem (a reason code, worded in Thai or
English). The file is read once, as bytes, with bounded work whatever it holds.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Iterable

from storage.errors import ImportFailed
from storage.formats.draft import Draft, visible_draft
from storage.formats.limits import LimitExceeded, check_zip, fail, read_regular
from storage.models import Agency

TEXT_TYPES = (".txt", ".text")
SHEET_TYPES = (".csv", ".tsv", ".xlsx", ".xlsm")
SUPPORTED = (*TEXT_TYPES, ".pdf", ".docx", *SHEET_TYPES)
_OLD_TYPES = {".doc": "importer.fail.old_doc", ".xls": "importer.fail.old_xls"}
_BLANK = b" \t\r\n\x0c\xef\xbb\xbf"


def _looks_binary(raw: bytes) -> bool:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text has NULs by design
    head = raw[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return b"\x00" in head or controls > len(head) // 20


def decode_letter(path: Path, raw: bytes) -> str:
    """The text of a .txt letter; ImportFailed when empty, binary or undecodable."""
    if not raw.strip(_BLANK):
        raise fail(path, "importer.fail.empty")
    if _looks_binary(raw):
        raise fail(path, "importer.fail.binary")
    from storage.formats.sheets import decode_text

    try:
        text = decode_text(raw)
    except UnicodeDecodeError:
        raise fail(path, "importer.fail.undecodable") from None
    if not any(ch.isalnum() for ch in text):
        raise fail(path, "importer.fail.no_text")
    return text


def _read_text(path: Path, raw: bytes, known: list[Agency]) -> Draft:
    from storage.formats.letters import parse_letter_text

    return parse_letter_text(decode_letter(path, raw), source=path.name, known=known)


def _read_sheet(path: Path, raw: bytes, known: list[Agency]) -> Draft:
    from storage.formats.sheets import csv_rows, draft_from_sheet, xlsx_rows

    if not raw.strip(_BLANK):
        raise fail(path, "importer.fail.empty")
    if path.suffix.lower() in (".csv", ".tsv"):
        if _looks_binary(raw):
            raise fail(path, "importer.fail.binary_csv")
        try:
            rows = csv_rows(raw)
        except (UnicodeDecodeError, ValueError, csv.Error) as error:
            raise fail(path, "importer.fail.csv", error=type(error).__name__) from None
    else:
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                check_zip(path, archive)
            rows = xlsx_rows(raw)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, OSError, TypeError,
                EOFError, NotImplementedError) as error:
            raise fail(path, "importer.fail.xlsx", error=type(error).__name__) from None
    return draft_from_sheet(rows, source=path.name, known=known)


def _read_docx(path: Path, raw: bytes, known: list[Agency]) -> Draft:
    from storage.formats.docx import draft_from_document, load_document

    if not raw:
        raise fail(path, "importer.fail.empty")
    try:
        document = load_document(path, raw)
    except (ImportFailed, LimitExceeded):
        raise
    except Exception as error:  # zipfile, lxml and python-docx each raise their own types
        raise fail(path, "importer.fail.docx", error=type(error).__name__) from None
    return draft_from_document(document, source=path.name, known=known)


def _read_pdf(path: Path, raw: bytes, known: list[Agency]) -> Draft:
    from storage.formats.pdf import draft_from_pdf

    if not raw.strip(_BLANK):
        raise fail(path, "importer.fail.empty")
    return draft_from_pdf(path, raw, known=known)


_READERS = {".docx": _read_docx, ".pdf": _read_pdf, **{s: _read_sheet for s in SHEET_TYPES},
            **{s: _read_text for s in TEXT_TYPES}}


def read_letter(path: Path, known: Iterable[Agency] = ()) -> Draft:
    """Parse one letter file; ImportFailed (one line) when it cannot be imported at all."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _OLD_TYPES:
        raise fail(path, _OLD_TYPES[suffix])
    if suffix not in SUPPORTED:
        raise fail(path, "importer.fail.unknown_type", suffix=suffix or "(none)", supported=", ".join(SUPPORTED))
    raw = read_regular(path)
    known = list(known)
    try:
        draft = _READERS[suffix](path, raw, known)
    except LimitExceeded as limit:
        raise limit.for_file(path) from None
    if not draft.items:
        raise fail(path, "importer.fail.empty_table" if draft.has_warning("importer.empty_table") else "importer.fail.no_table")
    from storage.formats.agencies import AgencyIndex
    from storage.formats.province import complete_provinces

    draft = complete_provinces(draft, AgencyIndex(known))
    return visible_draft(draft)  # a letter's text is shown and saved: never a raw ESC
