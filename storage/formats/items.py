"""Rows of a directive table (from text, .docx or a sheet) → draft items.

Shared by every reader: the header tells which column is which (Thai or English names),
each row becomes a DraftItem with its due date (deadline column, else a ``ภายใน…`` date in
the text), recurrence, sub-points and agencies with roles. Problems become warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable

from storage.formats import genre
from storage.formats.agencies import AgencyIndex, agency_key, clean_text, compact, expand_short, normalize_agency, short_name
from storage.formats.draft import DraftAgency, DraftItem, DraftWarning
from storage.formats.limits import MAX_ITEMS, MAX_LINES, count_up
from storage.formats.healing import heal
from storage.formats.matrix import agency_header, mark_role
from storage.formats.owners import owners_at_end
from storage.formats.responsible import read_agencies
from storage.formats.timing import find_due, find_recurrence, find_relative_due, parse_due_cell
from storage.models import Agency
from storage.thai.digits import to_ascii_digits, to_thai_digits

_SEQ_HEAD = re.compile(r"^(?:ลำดับ(?:ที่)?|ที่|ข้อ(?:ที่)?|no\.?|#|seq|ลำดับข้อ|item\s*no\.?)$", re.I)
_DUE_HEAD = re.compile(r"กำหนด|ระยะเวลา|แล้วเสร็จ|สิ้นสุด|ภายใน|ห้วงเวลา|due|deadline|วันที่", re.I)
_AGENCY_HEAD = re.compile(r"หน่วยงาน|ผู้รับผิดชอบ|รับผิดชอบ|agenc|responsible", re.I)
_START_HEAD = re.compile(r"เริ่ม|ตั้งแต่|start|begin", re.I)
_END_HEAD = re.compile(r"สิ้นสุด|แล้วเสร็จ|ถึง|end|due|deadline", re.I)
_TEXT_HEAD = re.compile(
    r"ประเด็น|ข้อสั่งการ|ข้อเน้นย้ำ|ข้อสังเกต|ข้อเสนอ|รายละเอียด|เรื่อง|สาระ|แนวทาง|กิจกรรม|มาตรการ|"
    r"ภารกิจ|นโยบาย|directive|text|item|subject", re.I,
)
_SEQ_CELL = re.compile(r"^\s*(?:ข้อ(?:ที่)?\s*)?\(?([0-9๐-๙]{1,4})\s*[.)]?\s*$")
CLOSING_RE = re.compile(
    r"^\s*(?:ขอแสดงความนับถือ|จึงเรียน|หมายเหตุ|ที่มา\s*[:：]|(?:ฝ่าย|งาน)เลขา(?:นุการ)?ฯ?(?:\s+\S+)?\s*$)")
"""A line that ends the table: the letter's closing, a footnote, or a message's sign-off
(``ฝ่ายเลขาฯ สนจ.สพ.``)."""
_SUBPOINT_RE = re.compile(r"(?:^|(?<=\s))(?:\(([0-9๐-๙]{1,2})\)|([0-9๐-๙]{1,2})[.)])(?=\s|[ก-๛])")


@dataclass(frozen=True, slots=True)
class Columns:
    """Indexes of the table's columns (None where the table has no such column)."""

    seq: int | None = None
    text: int | None = None
    agencies: int | None = None
    lead: int | None = None
    support: int | None = None
    due: int | None = None
    matrix: tuple[tuple[int, str], ...] = ()
    """(column, agency) of a tracking sheet that names an agency per column, a mark in the
    cell where it is responsible (storage/formats/matrix.py)."""

    @property
    def has_agencies(self) -> bool:
        return self.agencies is not None or self.lead is not None or self.support is not None \
            or bool(self.matrix)


_LEAD_HEAD = re.compile(r"^(?:lead|leads|lead\s*agenc(?:y|ies)|เจ้าภาพ(?:หลัก)?)$", re.I)
_SUPPORT_HEAD = re.compile(r"^(?:support|supporting|support\s*agenc(?:y|ies))$", re.I)


def _kind(cell: str) -> str | None:
    name = compact(cell)
    # Header cells are short labels; a data cell that happens to say "หน่วยงาน…" is longer.
    if not name or len(name) > 25:
        return None
    if _SEQ_HEAD.match(name):
        return "seq"
    if _LEAD_HEAD.match(name):
        return "lead"
    if _SUPPORT_HEAD.match(name):
        return "support"
    if _AGENCY_HEAD.search(name):
        return "lead" if "หลัก" in name else "support" if ("สนับสนุน" in name or "ร่วม" in name) else "agencies"
    if _DUE_HEAD.search(name):
        # A start date is no deadline; a period's one column (เริ่มต้น-สิ้นสุด) is, at its end.
        return None if _START_HEAD.search(name) and not _END_HEAD.search(name) else "due"
    return "text" if _TEXT_HEAD.search(name) else None


def classify_header(cells: list[str]) -> Columns | None:
    """The column layout when ``cells`` is a header row, else None."""
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        if not cell or len(cell) > 80:
            continue  # cheap rejects first: this runs on every line of a table
        kind = _kind(cell)
        if kind and kind not in found:
            found[kind] = i
    if "text" not in found:
        return None
    matrix = agency_columns(cells, set(found.values()))
    has_agencies = bool(matrix) or any(k in found for k in ("agencies", "lead", "support"))
    if not (has_agencies or "seq" in found) or len(found) + len(matrix) < 2:
        return None
    if any(parse_seq(cell) is not None for cell in cells):
        return None  # a numbered row is data, never a header
    return Columns(**found, matrix=matrix)


def agency_columns(cells: list[str], taken: set[int]) -> tuple[tuple[int, str], ...]:
    """(column, agency) for each header cell outside ``taken`` that names an agency."""
    named = ((i, agency_header(cell)) for i, cell in enumerate(cells) if i not in taken and cell)
    return tuple((i, name) for i, name in named if name)


def parse_seq(cell: str) -> int | None:
    match = _SEQ_CELL.match(clean_text(cell or ""))
    return int(to_ascii_digits(match.group(1))) if match else None


def _cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) and row[index] else ""


def verbatim(text: str) -> str:
    """Cell text as the letter has it, minus HTML debris and layout whitespace."""
    return " ".join(clean_text(text).split())


def _has_dotted(text: str, seq: int) -> bool:
    return re.search(rf"(?:^|\s){seq}\.1\s", to_ascii_digits(text)) is not None


def _dotted_subpoints(seq: int) -> re.Pattern[str]:
    """``3.1`` / ``๓.๑``: sub-rows of a table folded into item 3 (items._sub_row); the second
    (empty) group keeps the shape of _SUBPOINT_RE."""
    number = f"(?:{seq}|{to_thai_digits(str(seq))})"
    return re.compile(rf"(?:^|(?<=\s)){number}\.([0-9๐-๙]{{1,2}})()(?=\s)")


def subpoints(text: str, seq: int | None = None) -> tuple[str, ...]:
    """``๑) … ๒) …`` (or ``(1) …``, ``1. …``, or ``3.1 … 3.2 …`` inside item 3) numbered 1, 2, …
    inside an item's text."""
    marks, expected = [], 1
    pattern = _dotted_subpoints(seq) if seq is not None and _has_dotted(text, seq) else _SUBPOINT_RE
    for m in pattern.finditer(text):
        number = int(to_ascii_digits(m.group(1) or m.group(2)))
        if number == expected:
            marks.append(m)
            expected += 1
    if len(marks) < 2:
        return ()
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return tuple(text[m.end(): end].strip() for m, end in zip(marks, ends) if text[m.end(): end].strip())


def _agencies(row: list[str], cols: Columns, index: AgencyIndex, spellings: dict[str, str],
              leftovers: list[str], in_text: str = "") -> list[DraftAgency]:
    named: list[tuple[str, str | None]] = []
    named += read_agencies(heal(_cell(row, cols.agencies) or in_text, index), index, leftovers)
    named += [(n, r or "lead") for n, r in read_agencies(heal(_cell(row, cols.lead), index), index, leftovers)]
    named += [(n, r or "support") for n, r in read_agencies(heal(_cell(row, cols.support), index), index, leftovers)]
    named += [(name, role) for column, name in cols.matrix
              if (role := mark_role(_cell(row, column))) is not False]
    default = "support" if any(r == "lead" for _, r in named) else "lead"
    merged: dict[str, DraftAgency] = {}
    for raw, role in named:
        name = normalize_agency(raw)
        if len(name) < 2:
            continue
        known = index.match(name)
        name = name if known else (expand_short(name) or name)  # "พช.ระยอง" → its full name
        # One office, one name across the whole letter: the first spelling met wins.
        canonical = known.name if known else spellings.setdefault(agency_key(name), name)
        keep_agency(merged, canonical, draft_agency(canonical, role or default, known))
    return list(merged.values())


def draft_agency(name: str, role: str, known: Agency | None) -> DraftAgency:
    """The draft's agency named ``name``: the board's own (its name, id, short name) when ``known``."""
    name = known.name if known else name
    return DraftAgency(name=name, role=role, agency_id=known.id if known else None,  # type: ignore[arg-type]
                       short=(known.short if known else "") or short_name(name))


def keep_agency(merged: dict[str, DraftAgency], key: str, agency: DraftAgency) -> None:
    """Add ``agency`` to an item's agencies by ``key``: the same agency twice in one item is
    once, lead winning, in the place it was first named."""
    previous = merged.get(key)
    if previous is None or (agency.role == "lead" and previous.role != "lead"):
        merged[key] = agency


def row_to_item(row: list[str], cols: Columns, fallback_seq: int, index: AgencyIndex, warnings: list[DraftWarning],
                spellings: dict[str, str] | None = None) -> DraftItem:
    seq = parse_seq(_cell(row, cols.seq))
    text, owners = verbatim(_cell(row, cols.text)), ""
    numbered = item_start(text) if cols.seq is None else None
    if numbered:  # no number column: "1. เฝ้าระวัง…" in the text cell is item 1
        seq, text = int(to_ascii_digits(numbered[0])), numbered[1].strip()
    if seq is None:
        seq = fallback_seq
        if cols.seq is not None:
            warnings.append(DraftWarning.of("importer.bad_seq", seq))
    if not cols.has_agencies:  # "ให้เร่งรัด… (สถ.จ./อปท.ทุกแห่ง)": who is responsible, in the text
        text, owners = owners_at_end(text)
    if not text:
        warnings.append(DraftWarning.of("importer.no_text", seq))
    due_cell = verbatim(_cell(row, cols.due))
    due, problem = parse_due_cell(due_cell)
    relative = find_relative_due(due_cell) if problem else None
    if problem and not relative:
        warnings.append(DraftWarning.of("importer.bad_due", seq, cell=due_cell[:40]))
    due = due or find_due(text)
    relative = relative or (None if due else find_relative_due(text))
    if relative:  # kept as written (in the text or the deadline cell); no date is made up
        warnings.append(DraftWarning.of("importer.relative_due", seq, phrase=relative))
    human, every = find_recurrence(text) or find_recurrence(due_cell) or (None, None)
    leftovers: list[str] = []
    agencies = _agencies(row, cols, index, {} if spellings is None else spellings, leftovers, owners)
    if not agencies:
        warnings.append(DraftWarning.of("importer.no_agency", seq))
    warnings += [DraftWarning.of("importer.unread_agency", seq, text=text) for text in dict.fromkeys(leftovers)]
    return DraftItem(
        seq=seq, text=text, due=due.isoformat() if due else None, recurrence=human, every=every,
        subpoints=subpoints(text, seq), agencies=tuple(agencies),
    )


def rows_to_items(rows: list[list[str]], cols: Columns, index: AgencyIndex,
                  warnings: list[DraftWarning]) -> tuple[DraftItem, ...]:
    count_up("importer.limit.items", MAX_ITEMS, len(rows))
    items: list[DraftItem] = []
    seen: set[int] = set()
    spellings: dict[str, str] = {}
    # Orders grouped by agency (its column first, no number column): a row with its agency cell
    # blank is under the agency above, as a cell merged down over the group's rows.
    grouped = cols.seq is None and cols.agencies is not None and cols.text is not None and cols.agencies < cols.text
    above: tuple[str, int] | None = None  # the group's agency cell and its first item's number
    for row in rows:
        shared = grouped and above is not None and not _cell(row, cols.agencies).strip()
        if shared:
            row = [above[0] if i == cols.agencies else cell for i, cell in enumerate(row)]
        item = row_to_item(row, cols, len(items) + 1, index, warnings, spellings)
        if shared:
            warnings.append(DraftWarning.of("importer.shared_cell", item.seq, other=above[1]))
        elif grouped and _cell(row, cols.agencies).strip():
            above = (_cell(row, cols.agencies), item.seq)
        if item.seq in seen:
            # Keep the row (never drop a directive); give it the next free number.
            new_seq = max(seen) + 1
            warnings.append(DraftWarning.of("importer.dup_seq", item.seq, new=new_seq))
            item = replace(item, seq=new_seq)
        seen.add(item.seq)
        items.append(item)
    missing = sorted(set(range(1, max(seen, default=0) + 1)) - seen)
    if missing:
        warnings.append(DraftWarning.of("importer.missing_seq", missing=", ".join(map(str, missing[:10]))))
    return tuple(items)


def _starts_row(cells: list[str], cols: Columns) -> bool:
    if cols.seq is not None:
        return cols.seq < len(cells) and parse_seq(cells[cols.seq]) is not None and len(cells) >= 2
    return len(cells) >= 2 and cols.text is not None and cols.text < len(cells) and bool(cells[cols.text].strip())


_ITEM_RE = re.compile(
    r"^\s*(?:ข้อ(?:ที่)?\s*([0-9๐-๙]{1,2})(?:\s*[.):]|\s)|\(?([0-9๐-๙]{1,2})\s*[.)](?![0-9๐-๙]))\s*(\S.*)$")
"""``1.``, ``๑)``, ``(๑)``, ``ข้อ ๑`` (no dot needed after ข้อ), ``ข้อที่ 1.`` — but not ``3.1``."""


def item_start(line: str) -> tuple[str, str] | None:
    """(number as written, the rest) of a line that opens a numbered paragraph, else None."""
    m = _ITEM_RE.match(line)
    return (m.group(1) or m.group(2), m.group(3)) if m else None

_NEW_CLAUSE_RE = re.compile(r"^\s*(?:[-–—•●▪○◦*·]|\(?[0-9๐-๙]{1,2}[.)])")


def _join(cols: Columns, column: int, parts: list[str], new: str) -> None:
    """Append a continuation line to a cell (its list of parts, joined at the end so that
    a cell continued over thousands of lines costs linear time): in an agencies cell a
    bullet, a number, a role prefix or a new name starts a new clause; anything else is
    the same line wrapped."""
    new = new.strip()
    if not parts:
        parts.append(new)
        return
    agencies = column in (cols.agencies, cols.lead, cols.support)
    starts_clause = agencies and not genre.PROVINCE_RE.match(new) and bool(
        _NEW_CLAUSE_RE.match(new) or genre.HEAD_RE.match(new)
        or genre.LEAD_PREFIX_RE.match(new) or genre.SUPPORT_PREFIX_RE.match(new))
    parts += ["\n" if starts_clause else " ", new]


def _continue(row: list[list[str]], cells: list[str], cols: Columns) -> None:
    # A line that starts no item continues the last one: cell by cell when it has cells
    # (never into the number column), else it extends the last filled cell.
    width = len(row)
    if len(cells) >= 2:
        shift = 1 if cols.seq == 0 and cells[0].strip() and len(cells) < width else 0
        for i, cell in enumerate(cells):
            if cell.strip():
                j = min(i + shift, width - 1)
                _join(cols, j, row[j], cell)
        return
    last = max((i for i, c in enumerate(row) if c), default=width - 1)
    _join(cols, last, row[last], cells[0])


def _spill(row: list[list[str]], cells: list[str], cols: Columns, at: int) -> int | None:
    """Go on with the open cell ``at`` (see assemble_rows): the first cell continues it, the
    others fill the columns after it. The cell still open after this line, or None once the
    row is full."""
    for i, cell in enumerate(cells):
        j = min(at + i, len(row) - 1)
        if cell.strip():
            _join(cols, j, row[j], cell)
    end = at + len(cells) - 1
    return end if end < len(row) - 1 else None


_SUB_SEQ_CELL = re.compile(r"^\s*([0-9๐-๙]{1,3})\s*\.\s*[0-9๐-๙]{1,2}\s*[.)]?\s*$")


def _sub_row(cells: list[str], cols: Columns, current: list[list[str]] | None) -> list[str]:
    """A row numbered ``1.1`` under item 1 continues it: its number moves into its text (so the
    item reads ``… 1.1 ตั้งจุดตรวจ … 1.2 บำบัดผู้เสพ``) and never into the number cell."""
    if current is None or cols.seq is None or cols.text is None or cols.seq >= len(cells):
        return cells
    sub = _SUB_SEQ_CELL.match(cells[cols.seq])
    major = parse_seq("".join(current[cols.seq])) if cols.seq < len(current) else None
    if not sub or major is None or int(to_ascii_digits(sub.group(1))) != major:
        return cells
    moved = list(cells) + [""] * max(0, cols.text + 1 - len(cells))
    moved[cols.text] = f"{cells[cols.seq].strip()} {moved[cols.text].strip()}".strip()
    moved[cols.seq] = ""
    return moved


def assemble_rows(lines: Iterable[list[str]], cols: Columns, width: int, spill: bool = False) -> list[list[str]]:
    """Table rows from cell lists: repeated headers skipped, continuation lines merged.

    ``spill``: the lines are a table copied as tab-separated text (Word, a sheet), where a
    cell holding line breaks spills onto the next lines: a row's line that stops short
    leaves its last cell open, the next line's first cell goes on with it, and its later
    cells fill the columns after it.

    Linear in the input; LimitExceeded past MAX_LINES lines or MAX_ITEMS rows.
    """
    rows: list[list[list[str]]] = []
    current: list[list[str]] | None = None
    open_at: int | None = None  # the spilled cell a row's next line goes on with
    for n, cells in enumerate(lines, 1):
        count_up("importer.limit.lines", MAX_LINES, n)
        cells = [c if isinstance(c, str) else "" for c in cells]
        if not any(c.strip() for c in cells) or classify_header(cells) is not None:
            continue  # blank, or the header repeated after a page break
        cells = _sub_row(cells, cols, current)
        if _starts_row(cells, cols):
            current = [[c] if c else [] for c in cells[:width]] + [[] for _ in range(width - len(cells))]
            if cells[width:]:
                current[-1] = ["\n".join([*current[-1], *cells[width:]])]
            rows.append(current)
            count_up("importer.limit.items", MAX_ITEMS, len(rows))
            open_at = len(cells) - 1 if spill and len(cells) < width else None
        elif current is not None:
            if len([c for c in cells if c.strip()]) == 1 and CLOSING_RE.match(next(c for c in cells if c.strip())):
                break
            if open_at is None or open_at + len(cells) > width:  # more cells than are left: a row of its own shape
                _continue(current, cells, cols)
            else:
                open_at = _spill(current, cells, cols, open_at)
    return [["".join(parts) for parts in row] for row in rows]
