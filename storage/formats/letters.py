"""Letter text (extracted from PDF or Word) → a Draft, with warnings for what could not be read.

The letter's head gives the directive: its number (``ที่ รย ๐๐๑๗.๒/ว ๓๓๖๒`` →
``รย 0017.2/ว 3362``), its date (the first line that is a date), the subject (``เรื่อง``),
the letters it refers to (other ``XX 0000/ว 0000`` numbers before the table) and the
issuer (see ``find_issuer``). The table of directives follows a header row (ลำดับ /
ประเด็น / หน่วยงาน… / กำหนดเสร็จ); cells are split by tabs, ``|`` or wide spaces;
a line that does not start a new item continues the previous one (multi-line cells);
repeated headers, page numbers and HTML debris are skipped. Letters without a table but
with numbered paragraphs and ``หน่วยงานที่รับผิดชอบ:`` lines are read too (paragraphs.py).
Never raises: whatever cannot be read becomes a warning, and a letter with no table comes
back with no items.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Iterable

from storage.formats import genre, layout
from storage.formats.agencies import AgencyIndex, clean_text, normalize_agency
from storage.formats.draft import Draft, DraftDirective, DraftWarning
from storage.formats.items import CLOSING_RE as _CLOSING_RE
from storage.formats.items import Columns, assemble_rows, classify_header, parse_seq, rows_to_items
from storage.formats.paragraphs import COLUMNS as PARAGRAPH_COLUMNS
from storage.formats.paragraphs import paragraph_rows
from storage.formats.prose import COLUMNS as PROSE_COLUMNS
from storage.formats.prose import prose_rows
from storage.formats.limits import MAX_LINES, LimitExceeded
from storage.models import Agency
from storage.thai.dates import DATE_RE, parse_thai_date
from storage.thai.digits import to_ascii_digits
from storage.thai.repair import repair

_NUMBER = r"[ก-ฮ]{1,4}\.?\s?[0-9๐-๙]{2,}(?:\.[0-9๐-๙]+)*\s?/\s?(?:ว\.?\s?)?[0-9๐-๙]+"
NUMBER_RE = re.compile(rf"(?<![ก-ฮ]){_NUMBER}")
_OWN_NUMBER_RE = re.compile(rf"^\s*(?:ด่วน\S*\s+)?ที่\s*(?P<num>{_NUMBER})")
_NUMBER_PARTS_RE = re.compile(r"([ก-ฮ]{1,4})\.?\s?([0-9.]+)\s?/\s?(ว)?\.?\s?([0-9]+)")
_SUBJECT_RE = re.compile(r"^\s*เรื่อง\s*[:：]?\s*(?P<subject>.*)$")
_SECTION_RE = re.compile(r"^\s*(?:เรียน|อ้างถึง|สิ่งที่ส่งมาด้วย|ด้วย|ตาม|ในการนี้|เนื่องด้วย)")
_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:-\s*[0-9๐-๙]{1,3}\s*-|หน้า\s*[0-9๐-๙]+.*|/\S.{0,40}|[|:+=_\-–—\s]+)\s*$"
)
"""Page numbers (``- ๒ -``), the page-turn marker (``/ข้อ ๓ …``) and table rules (``|---|``)."""
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ISSUER_HEAD_RE = re.compile(r"^(?:สำนักงาน|ที่ทำการ|สำนัก|กอง|ศูนย์|กรม|องค์การ|เทศบาล|ศาลากลาง)")


def prepare(text: str) -> list[str]:
    """Lines of the letter: BOM, CR, form feeds, control characters and HTML removed; NFC.

    LimitExceeded past MAX_LINES lines (counted before any line is built).
    """
    breaks = text.count("\n") + text.count("\r") + text.count("\f")
    if breaks > MAX_LINES:
        raise LimitExceeded("importer.limit.lines", MAX_LINES, breaks)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return [_CONTROL_RE.sub("", clean_text(line)).rstrip() for line in text.split("\n")]


def cell_splitter(header: str) -> Callable[[str], list[str]]:
    """How this table separates cells, judged from its header line."""
    if "\t" in header:
        return lambda line: line.split("\t")
    if header.count("|") >= 2:
        return lambda line: [c for c in line.strip().strip("|").split("|")]
    return lambda line: re.split(r"\s{2,}|\t", line.strip())


def normalise_number(text: str) -> str:
    """``รย ๐๐๑๗.๒/ว ๓๓๖๒`` → ``รย 0017.2/ว 3362``; ASCII digits, canonical spacing."""
    ascii_text = to_ascii_digits(" ".join(text.split()))
    m = _NUMBER_PARTS_RE.search(ascii_text)
    if not m:
        return ascii_text
    prefix, code, circular, serial = m.groups()
    return f"{prefix} {code}/{'ว ' if circular else ''}{serial}"


def find_header(lines: list[str]) -> tuple[int, Columns, Callable[[str], list[str]]] | None:
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        split = cell_splitter(line)
        cols = classify_header(split(line))
        if cols is not None:
            return i, cols, split
    return None


def table_rows(lines: list[str], cols: Columns, split: Callable[[str], list[str]], width: int) -> list[list[str]]:
    """The table's rows from the lines after its header (page numbers and blanks skipped)."""
    cells = [split(line) for line in lines if line.strip() and not _PAGE_NUMBER_RE.match(line)]
    return assemble_rows(cells, cols, width)


def _guess_columns(lines: list[str]) -> tuple[int, Columns] | None:
    # No header: rows that start with a number and have at least 3 tab cells.
    for i, line in enumerate(lines):
        cells = line.split("\t")
        if len(cells) >= 3 and parse_seq(cells[0]) is not None:
            due = 3 if len(cells) >= 4 else None
            return i - 1, Columns(seq=0, text=1, agencies=2, due=due)
    return None


_LETTERHEAD_RE = re.compile(rf"(?:ศาลากลาง|ที่ว่าการ)จังหวัด\s?(?:{'|'.join(genre.PROVINCES)})")
_SIGN_OFF_RE = re.compile(r"^\s*ขอแสดงความนับถือ")
_MEMO_OFFICE_RE = re.compile(r"^\s*ส่วนราชการ\s+(?P<office>[^\s].*?)(?=\s+(?:กลุ่มงาน|กลุ่ม|ฝ่าย|งาน|โทร)|\s*$)")


def _province(lines: list[str]) -> str | None:
    for line in lines:
        if re.search(r"ศาลากลางจังหวัด|ผู้ว่าราชการจังหวัด|ที่ทำการ|สำนักงาน", line):
            m = genre.PROVINCE_RE.search(line)
            if m:
                return m.group("province")
    return None


def find_issuer(lines: list[str], known: AgencyIndex) -> str:
    """The issuing office as an officer names it.

    The owning office printed under the signature (``สำนักงานจังหวัด``), completed with the
    province of the signer or letterhead (→ ``สำนักงานจังหวัดระยอง``); else the letterhead
    office beside the number (``สำนักงานพัฒนาชุมชนจังหวัดน่าน``; ``ศาลากลางจังหวัดระยอง``
    → ``จังหวัดระยอง``).
    """
    province = _province(lines)
    for line in lines[:15]:  # a memo (บันทึกข้อความ) names its office: "ส่วนราชการ สำนักงาน… โทร. …"
        memo = _MEMO_OFFICE_RE.match(line)
        if memo:
            return _as_issuer(memo.group("office"), province, known)
    sign = [i for i, line in enumerate(lines) if _SIGN_OFF_RE.match(line)]
    block = [line.strip() for line in lines[sign[-1] + 1: sign[-1] + 16]] if sign else []
    office = next((line for line in block if _ISSUER_HEAD_RE.match(line) and len(line) < 80), None)
    if office is None:
        start = next((i for i, line in enumerate(lines) if _OWN_NUMBER_RE.match(line)), 0)
        office = next((line.strip() for line in lines[start: start + 8]
                       if _ISSUER_HEAD_RE.match(line.strip()) and len(line.strip()) < 80), None)
        beside = _LETTERHEAD_RE.search(lines[start]) if office is None and lines else None
        office = beside.group(0) if beside else office  # "ที่ พร ๐๐๑๗.๒/ว ๑๑๒๓      ศาลากลางจังหวัดแพร่"
        office = office.replace("ศาลากลาง", "", 1) if office else None
    return _as_issuer(office, province, known) if office else ""


def _as_issuer(office: str, province: str | None, known: AgencyIndex) -> str:
    office = office.strip()
    if province and not genre.PROVINCE_RE.search(office) and office.endswith("จังหวัด"):
        office += province
    name = normalize_agency(office)
    match = known.match(name)
    return match.name if match else name


_STAMP_RE = re.compile(r"เลขรับ|เลขที่รับ|รับที่|ลงรับ|ทะเบียนรับ")
_STAMP_PART_RE = re.compile(r"^\s*(?:วันที่|เวลา|รับที่|เลขรับ|ลงชื่อ|ผู้รับ)")


def _stamp_lines(lines: list[str]) -> set[int]:
    """Lines of a receipt stamp (เลขรับ … / วันที่ … / เวลา …): its date is not the letter's."""
    stamp: set[int] = set()
    for i, line in enumerate(lines):
        if _STAMP_RE.search(line):
            stamp.add(i)
            for j in range(max(0, i - 2), min(len(lines), i + 4)):
                if _STAMP_PART_RE.match(lines[j]) or _STAMP_RE.search(lines[j]):
                    stamp.add(j)
    return stamp


def _letter_date(lines: list[str]) -> str | None:
    """The letter's own date: the line under the address block that is only a date, else a
    ``วันที่ …`` line, else a date inside a line (a memo's ``ที่ … วันที่ …``) — never a
    receipt stamp's, nor the date of a letter referred to (``ลงวันที่ …``)."""
    stamp = _stamp_lines(lines)
    own = [line for i, line in enumerate(lines) if i not in stamp and line.strip()]
    for bare in (True, False):
        for line in own:
            if bare == (not line.strip().startswith("วันที่")) and (found := parse_thai_date(line)):
                return found.isoformat()
    for line in own:  # a date inside a line, not the date of a referenced letter
        for m in DATE_RE.finditer(line):
            if not re.search(r"(?:ลง|เมื่อ)\s*วันที่\s*$", line[: m.start()]):
                found = parse_thai_date(m.group(0))
                if found:
                    return found.isoformat()
    return None


def _subject(lines: list[str]) -> str:
    for i, line in enumerate(lines):
        m = _SUBJECT_RE.match(line)
        if m:
            parts = [m.group("subject").strip()]
            for nxt in lines[i + 1:]:
                if not nxt.strip() or _SECTION_RE.match(nxt):
                    break
                parts.append(nxt.strip())
            return " ".join(" ".join(parts).split())
    return ""


def read_head(lines: list[str], known: AgencyIndex, warnings: list[DraftWarning], source: str = "",
              tail: list[str] | None = None) -> DraftDirective:
    """The directive's number, date, subject, references and issuer from the letter's head."""
    number = ""
    for line in lines:
        m = _OWN_NUMBER_RE.match(line)
        if m:
            number = normalise_number(m.group("num"))
            break
    references: list[str] = []
    for line in lines:
        for m in NUMBER_RE.finditer(line):
            ref = normalise_number(m.group(0))
            if ref != number and ref not in references:
                references.append(ref)
    if not number:
        warnings.append(DraftWarning.of("importer.no_number"))
    date_iso = _letter_date(lines)
    if date_iso is None:
        warnings.append(DraftWarning.of("importer.no_date"))
    subject = _subject(lines)
    if not subject:
        warnings.append(DraftWarning.of("importer.no_subject"))
    return DraftDirective(
        number=number, date=date_iso, subject=subject, issuer=find_issuer(lines + list(tail or []), known),
        references=tuple(references), source=source,
    )


def draft_from_table(head: list[str], rows: list[list[str]], cols: Columns, *, source: str = "",
                     known: Iterable[Agency] = (), warnings: list[DraftWarning] | None = None,
                     tail: list[str] | None = None) -> Draft:
    """Build a Draft from the letter's head lines and its table rows (any reader)."""
    warnings = list(warnings or [])
    index = known if isinstance(known, AgencyIndex) else AgencyIndex(known)
    directive = read_head(head, index, warnings, source, tail)
    if cols.agencies is None and cols.lead is None and cols.support is None:
        warnings.append(DraftWarning.of("importer.no_agency_column"))
    items = rows_to_items(rows, cols, index, warnings)
    if not items:
        warnings.append(DraftWarning.of("importer.empty_table"))
    return Draft(directive=directive, items=items, warnings=tuple(warnings))


def paragraph_draft(lines: list[str], *, source: str = "", known: Iterable[Agency] = ()) -> Draft | None:
    """The Draft of a letter with no table but numbered paragraphs naming agencies, else None."""
    numbered = paragraph_rows(lines)
    if numbered is None:
        return None
    at, rows = numbered
    return draft_from_table(lines[:at], rows, PARAGRAPH_COLUMNS, source=source, known=known, tail=lines[at:])


def _measure(lines: list[str]) -> list[layout.Line]:
    """Layout lines in the measure the columns line up in: code points (pdftotext) or
    terminal cells (tools that count Thai marks as zero width) — whichever gives the table
    body the fewest distinct chunk starts."""
    by_chars = layout.layout_lines(lines, "chars")
    if not any("\u0e31" <= ch <= "\u0e4e" for line in lines for ch in line):
        return by_chars
    by_cells = layout.layout_lines(lines, "cells")

    def starts(measured: list[layout.Line]) -> int:
        found = layout.find_table(measured)
        body = measured[found[0]:] if found else measured
        return len({round(c.x0) for line in body for c in line.chunks})

    return min((by_chars, by_cells), key=starts)


def layout_draft(lines: list[str], *, source: str = "", known: Iterable[Agency] = ()) -> Draft | None:
    """The Draft of layout text (columns by position: pdftotext -layout, OCR), else None."""
    found = layout.read_table(_measure(lines))
    if found is None:
        return None
    head, rows, cols, tail = found
    return draft_from_table([repair(line) for line in head], rows, cols, source=source, known=known,
                            tail=[repair(line) for line in tail])


def prose_draft(lines: list[str], *, source: str = "", known: Iterable[Agency] = ()) -> Draft | None:
    """The Draft of minutes in prose (numbered paragraphs naming agencies), else None."""
    index = known if isinstance(known, AgencyIndex) else AgencyIndex(known)
    found = prose_rows(lines, index)
    if found is None:
        return None
    at, rows = found
    draft = draft_from_table(lines[:at], [row[:4] for row in rows], PROSE_COLUMNS, source=source, known=index,
                             tail=lines[at:])
    subs = {int(to_ascii_digits(row[0])): row[4] for row in rows}
    return replace(draft, items=tuple(replace(item, subpoints=subs.get(item.seq) or item.subpoints)
                                      for item in draft.items))


def parse_letter_text(text: str, *, source: str = "", known: Iterable[Agency] = ()) -> Draft:
    """Parse a letter's text into a Draft. Never raises for bad input (LimitExceeded past
    the limits); what could not be read is a warning."""
    lines = prepare(text if isinstance(text, str) else "")
    warnings: list[DraftWarning] = []
    found = find_header(lines)
    if found is not None and "\t" not in lines[found[0]] and lines[found[0]].count("|") < 2:
        positional = layout_draft(lines, source=source, known=known)  # columns by position
        if positional is not None:
            return positional
    if found is None:
        paragraphs = paragraph_draft(lines, source=source, known=known) or prose_draft(lines, source=source, known=known)
        if paragraphs is not None:  # numbered paragraphs: with หน่วยงานที่รับผิดชอบ lines, or minutes in prose
            return paragraphs
        guessed = _guess_columns(lines)
        if guessed is None:
            index = AgencyIndex(known)
            directive = read_head(lines, index, warnings, source)
            warnings.append(DraftWarning.of("importer.no_table"))
            return Draft(directive=directive, items=(), warnings=tuple(warnings))
        warnings.append(DraftWarning.of("importer.guessed_columns"))
        at, cols = guessed
        split, width = (lambda line: line.split("\t")), (4 if cols.due is not None else 3)
    else:
        at, cols, split = found
        width = len(split(lines[at]))
    rows = table_rows(lines[at + 1:], cols, split, max(width, 2))
    return draft_from_table(lines[: max(at, 0)], rows, cols, source=source, known=known, warnings=warnings,
                            tail=lines[at + 1:])
