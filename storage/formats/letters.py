"""Letter text (extracted from PDF or Word) → a Draft, with warnings for what could not be read.

The letter's head gives the directive (head.py). The table of directives follows a header row (ลำดับ /
ประเด็น / หน่วยงาน… / กำหนดเสร็จ); cells are split by tabs, ``|`` or wide spaces;
a line that does not start a new item continues the previous one (multi-line cells);
repeated headers, page numbers and HTML debris are skipped. Letters without a table but
with numbered paragraphs and ``หน่วยงานที่รับผิดชอบ:`` lines are read too (paragraphs.py), and
so are minutes in prose (prose.py); a table laid out with spaces is read by position (layout.py).
Never raises: whatever cannot be read becomes a warning, and a letter with no table comes
back with no items.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Callable, Iterable

from storage.formats import agenda, layout, stacked
from storage.formats.agencies import AgencyIndex, clean_text
from storage.formats.draft import Draft, DraftItem, DraftWarning
from storage.formats.head import read_head
from storage.formats.items import Columns, assemble_rows, classify_header, parse_seq, rows_to_items
from storage.formats.sub_header import with_sub_header
from storage.formats.limits import MAX_LINES, LimitExceeded
from storage.formats.paragraphs import COLUMNS as PARAGRAPH_COLUMNS
from storage.formats.paragraphs import paragraph_rows
from storage.formats.prose import COLUMNS as PROSE_COLUMNS
from storage.formats.prose import prose_rows
from storage.formats.timing import find_due, find_yearless_due
from storage.models import Agency
from storage.thai.dates import format_thai_date
from storage.thai.digits import to_ascii_digits
from storage.thai.repair import repair

_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:-\s*[0-9๐-๙]{1,3}\s*-|หน้า\s*[0-9๐-๙]+.*|/\S.{0,40}|[|:+=_\-–—\s]+)\s*$"
)
"""Page numbers (``- ๒ -``), the page-turn marker (``/ข้อ ๓ …``) and table rules (``|---|``)."""
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def prepare(text: str) -> list[str]:
    """Lines of the letter: BOM, CR, form feeds, control characters and HTML removed; NFC.

    LimitExceeded past MAX_LINES lines (counted before any line is built).
    """
    breaks = text.count("\n") + text.count("\r") + text.count("\f")
    if breaks > MAX_LINES:
        raise LimitExceeded("importer.limit.lines", MAX_LINES, breaks)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _from_chat(text)
    return [_CONTROL_RE.sub("", clean_text(line)).rstrip() for line in text.split("\n")]


_CHAT_RE = re.compile("[\u20e3\ufe0f\U0001f000-\U0001faff]")
_KEYCAP_RE = re.compile("([0-9])\ufe0f?\u20e3|\U0001f51f")
_PICTOGRAPH_RE = re.compile("[\U0001f000-\U0001faff]\ufe0f?|[#*]?\ufe0f?\u20e3|\ufe0f")
"""Emoji pictographs (📢 🙏 📝), never a word of the letter; the dingbats ✓ ✔ ● stay (a sheet's marks)."""


def _from_chat(text: str) -> str:
    """Orders forwarded from a chat group: keycap numbers (1️⃣ 2️⃣ … 🔟) are item numbers, and
    the pictographs around the words are dropped."""
    if not _CHAT_RE.search(text):
        return text  # the common case: a letter with no emoji, untouched
    text = _KEYCAP_RE.sub(lambda m: f"{m.group(1) or '10'}. ", text)
    return _PICTOGRAPH_RE.sub("", text)


def cell_splitter(header: str) -> Callable[[str], list[str]]:
    """How this table separates cells, judged from its header line."""
    if "\t" in header:
        return lambda line: line.split("\t")
    if header.count("|") >= 2:
        return lambda line: [c for c in line.strip().strip("|").split("|")]
    return lambda line: re.split(r"\s{2,}|\t", line.strip())


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
    kept = [line for line in lines if line.strip() and not _PAGE_NUMBER_RE.match(line)]
    return assemble_rows([split(line) for line in kept], cols, width, spill=any("\t" in line for line in kept))


def _guess_columns(lines: list[str]) -> tuple[int, Columns] | None:
    # No header: rows that start with a number and have at least 3 tab cells.
    for i, line in enumerate(lines):
        cells = line.split("\t")
        if len(cells) >= 3 and parse_seq(cells[0]) is not None:
            due = 3 if len(cells) >= 4 else None
            return i - 1, Columns(seq=0, text=1, agencies=2, due=due)
    return None


def draft_from_table(head: list[str], rows: list[list[str]], cols: Columns, *, source: str = "",
                     known: Iterable[Agency] = (), warnings: list[DraftWarning] | None = None,
                     tail: list[str] | None = None) -> Draft:
    """Build a Draft from the letter's head lines and its table rows (any reader)."""
    warnings = list(warnings or [])
    index = known if isinstance(known, AgencyIndex) else AgencyIndex(known)
    directive = read_head(head, index, warnings, source, tail)
    title = "" if directive.subject else agenda.meeting_title(head)
    if title:  # a tracking sheet or a summary without เรื่อง: its title says what it is about,
        # and who gave the orders when no office signs it
        directive = replace(directive, subject=title, issuer=directive.issuer or agenda.meeting_chair(head))
        warnings = [w for w in warnings if w.code != "importer.no_subject"]
    items = _with_assumed_years(rows_to_items(rows, cols, index, warnings), directive.date, warnings)
    if not cols.has_agencies and not any(item.agencies for item in items):  # none in the items' text either
        warnings.insert(0, DraftWarning.of("importer.no_agency_column"))
    if not items:
        warnings.append(DraftWarning.of("importer.empty_table"))
    return Draft(directive=directive, items=items, warnings=tuple(warnings))


def _with_assumed_years(items: tuple[DraftItem, ...], letter_date: str | None,
                        warnings: list[DraftWarning]) -> tuple[DraftItem, ...]:
    """Items whose deadline gives no year (``ก่อนวันที่ ๓๑ ธ.ค. นี้``) get the first such day on
    or after the letter's date, each with a warning to check it; without the letter's date, none."""
    if not letter_date:
        return items
    after = date.fromisoformat(letter_date)
    out = []
    for item in items:
        found = None if item.due else find_yearless_due(item.text, after)
        if found:
            due, phrase = found
            item = replace(item, due=due.isoformat())
            warnings.append(DraftWarning.of("importer.year_assumed", item.seq, phrase=phrase,
                                            date=format_thai_date(due, style="long", digits="ascii")))
        out.append(item)
    return tuple(out)


def paragraph_draft(lines: list[str], *, source: str = "", known: Iterable[Agency] = ()) -> Draft | None:
    """The Draft of a letter with no table but numbered paragraphs naming agencies, else None."""
    numbered = paragraph_rows(lines)
    if numbered is None:
        return None
    at, rows = numbered
    draft = draft_from_table(lines[:at], rows, PARAGRAPH_COLUMNS, source=source, known=known, tail=lines[at:])
    return _as_meeting_record(draft, lines[:at])


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
    at, rows, after = found
    draft = draft_from_table(lines[:at], [row[:4] for row in rows], PROSE_COLUMNS, source=source, known=index,
                             tail=lines[at:])
    draft = _with_shared_due(replace(draft, items=_with_subpoints(draft.items, rows)), after)
    return _as_meeting_record(draft, lines[:at])


def _with_shared_due(draft: Draft, after: str) -> Draft:
    """``ทั้งนี้ ให้รายงานผล…ภายในวันที่ ๒๐ ธันวาคม ๒๕๖๘`` after the list: its deadline is that of
    every item without one of its own (said in a warning: it is read, not written per item)."""
    due = find_due(after) if after else None
    bare = [item.seq for item in draft.items if item.due is None and not item.recurrence]
    if due is None or not bare:
        return draft
    items = tuple(replace(item, due=due.isoformat()) if item.seq in bare else item for item in draft.items)
    phrase = after if len(after) <= 80 else after[:79] + "…"
    warning = DraftWarning.of("importer.shared_due", n=len(bare), phrase=phrase)
    return replace(draft, items=items, warnings=(*draft.warnings, warning))


def _with_subpoints(items: Iterable[DraftItem], rows: list[list]) -> tuple[DraftItem, ...]:
    """Items with the sub-points their prose or agenda row found (row[4]), by number."""
    subs = {int(to_ascii_digits(row[0])): row[4] for row in rows}
    return tuple(replace(item, subpoints=subs.get(item.seq) or item.subpoints) for item in items)


def minutes_draft(lines: list[str], *, source: str = "", known: Iterable[Agency] = ()) -> Draft | None:
    """The Draft of minutes laid out by agenda (agenda.py), else None.

    Minutes sent under a cover letter keep the letter's number and subject; bare minutes are a
    meeting record: no number (none is expected), the meeting's title as the subject, its date,
    and its chair as the issuer."""
    if not agenda.is_minutes(lines):
        return None
    index = known if isinstance(known, AgencyIndex) else AgencyIndex(known)
    rows = agenda.agenda_rows(lines, index)
    if not rows:
        return None
    at = agenda.first_agenda_line(lines)
    head, warnings = lines[:at], []
    directive = read_head(head, index, warnings, source, lines[at:])
    items = _with_subpoints(rows_to_items([row[:4] for row in rows], PROSE_COLUMNS, index, warnings), rows)
    return _as_meeting_record(Draft(directive=directive, items=items, warnings=tuple(warnings)), head, minutes=True)


def _as_meeting_record(draft: Draft, head: list[str], minutes: bool = False) -> Draft:
    """Minutes (``minutes``), or a summary of a meeting's orders under a meeting's title, sent
    bare are a meeting record: no number (none is expected), the meeting's title as the
    subject, and its chair (or whoever the title says gave the orders) as the issuer. A
    draft with a number is a letter: unchanged."""
    directive = draft.directive
    if directive.number:
        return draft
    title = agenda.meeting_title(head)
    if not title and not minutes:
        return draft
    directive = replace(directive, subject=directive.subject or title,
                        issuer=agenda.meeting_chair(head) or directive.issuer)
    warnings = [w for w in draft.warnings
                if w.code != "importer.no_number" and not (title and w.code == "importer.no_subject")]
    return replace(draft, directive=directive, warnings=tuple(warnings))


def stacked_draft(lines: list[str], *, source: str = "", known: Iterable[Agency] = ()) -> Draft | None:
    """The Draft of a table given one cell per line (stacked.py), else None."""
    found = stacked.find_stacked_header(lines)
    if found is None:
        return None
    at, width, cols = found
    rows = stacked.stacked_rows(lines[at + width:], width, cols)
    return draft_from_table(lines[:at], rows, cols, source=source, known=known, tail=lines[at + width:]) if rows else None


def untabled_draft(lines: list[str], *, source: str = "", known: Iterable[Agency] = ()) -> Draft | None:
    """A letter with no table of directives: minutes by agenda, numbered paragraphs with
    หน่วยงานที่รับผิดชอบ lines, or orders in prose (numbered or dashed), else None."""
    return (minutes_draft(lines, source=source, known=known) or paragraph_draft(lines, source=source, known=known)
            or prose_draft(lines, source=source, known=known))


def _by_position(lines: list[str], found: tuple | None) -> bool:
    """Whether to read the table by position (pdftotext -layout, OCR): its header line is split
    by wide spaces (not tabs or ``|``), or no line is a header but the text is laid out in
    columns — some line holds three or more chunks apart (a header whose every label wraps)."""
    if found is not None:
        return "\t" not in lines[found[0]] and lines[found[0]].count("|") < 2
    return any(len(re.findall(r"\S(?:\s{2,})(?=\S)", line)) >= 2 for line in lines[:400])


def parse_letter_text(text: str, *, source: str = "", known: Iterable[Agency] = ()) -> Draft:
    """Parse a letter's text into a Draft. Never raises for bad input (LimitExceeded past
    the limits); what could not be read is a warning."""
    lines = prepare(text if isinstance(text, str) else "")
    warnings: list[DraftWarning] = []
    found = find_header(lines)
    if _by_position(lines, found):
        positional = layout_draft(lines, source=source, known=known)  # columns by position
        if positional is not None:
            return positional
    if found is None:
        one_per_line = stacked_draft(lines, source=source, known=known)
        if one_per_line is not None:  # a table pasted from a PDF viewer, one cell per line
            return one_per_line
        paragraphs = untabled_draft(lines, source=source, known=known)
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
        below = next((i for i in range(at + 1, len(lines)) if lines[i].strip()), None)
        refined = with_sub_header(cols, split(lines[below])) if below is not None else None
        if refined:  # a second header row: which agency column is หลัก, which สนับสนุน
            width = max(width, len(split(lines[below])))
            cols, lines = refined, lines[:below] + lines[below + 1:]
    rows = table_rows(lines[at + 1:], cols, split, max(width, 2))
    return draft_from_table(lines[: max(at, 0)], rows, cols, source=source, known=known, warnings=warnings,
                            tail=lines[at + 1:])
