"""Rows of a positioned table: which lines belong to which numbered item, and its cells.

An item's number is often not on the first line of its row: a number cell centred
vertically, or a font with another baseline, puts it one or more lines lower. In a PDF the
rows are told apart by the table's borders (horizontal rules), so every line between two
rules belongs to the number there. Layout text (and a PDF table drawn without borders) has
no such marks, so there a line just above a number moves down to it when it
cannot be the previous row going on: it has item text, and in every column it fills, the
previous row's line there ended well short of the edge (a paragraph ended, not a wrap).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storage.formats import genre
from storage.formats.items import Columns, parse_seq
from storage.formats.timing import find_relative_due, parse_due_cell
from storage.thai.repair import repair
from storage.thai.segment import segment
from storage.thai.width import cell_width

Placed = list[tuple[int, "object"]]
"""A line's pieces: (column, Chunk)."""


@dataclass(slots=True)
class _Cell:
    parts: list[str] = field(default_factory=list)
    end: float = 0.0
    """Where the cell's last line ended (x), to tell a wrap from the end of a paragraph."""


_NEW_NAME_RE = re.compile(r"(?:สำนักงาน|อำเภอ|องค์กร|องค์การ|ศูนย์|เทศบาล|โรงพยาบาล|ที่ทำการ|สถานี|กองกำลัง|"
                          r"ส่วนราชการ|หน่วยงาน(?!หลัก|สนับสนุน))")
"""Words a line of an agencies cell starts with only when a new name starts there."""


def _is_mark(ch: str) -> bool:
    return ch in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d"


def _thai(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e4e"


def _first_token_width(chunk) -> float:
    tokens = segment(chunk.text)
    return chunk.seen * cell_width(tokens[0]) / max(cell_width(chunk.text), 1) if tokens else 0.0


def _wraps(cell: _Cell, chunk, edge: float) -> bool:
    """Whether ``chunk`` continues the cell's last line (that line was full) or starts anew."""
    per = chunk.seen / max(cell_width(chunk.text), 1)
    return cell.end + _first_token_width(chunk) + 3 * per >= edge


def _starts_clause(text: str) -> bool:
    return bool(re.match(r"^\s*(?:[-–—•●▪○◦*·]|\(?[0-9๐-๙]{1,2}[.)])", text) or genre.HEAD_RE.match(text)
                or genre.LEAD_PREFIX_RE.match(text) or genre.SUPPORT_PREFIX_RE.match(text))


def _add(cell: _Cell, chunk, edge: float, agencies: bool) -> None:
    text = chunk.text.strip()
    if cell.parts and text and _is_mark(text[0]):
        # pdftotext sometimes drops a mark onto the next line (บัญชีพ้น / ื ที่เสี่ยง): it
        # belongs to the end of the line above; the Thai repair puts it in order.
        marks = len(text) - len(text.lstrip("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d"))
        cell.parts[-1] += text[:marks]
        text = text[marks:].strip()
        if not text:
            return
    if not cell.parts:
        cell.parts.append(text)
    else:
        previous = cell.parts[-1]
        if agencies and _starts_clause(text) and not _wraps(cell, chunk, edge):
            cell.parts += ["\n", text]
        elif agencies and _NEW_NAME_RE.match(text) and not previous.endswith("ทุก"):
            cell.parts += [" ", text]  # a wrap before another office's name: keep them apart
        elif previous and _thai(previous[-1]) and _thai(text[0]):
            cell.parts.append(text)  # Thai wraps between words, where it writes no space
        else:
            cell.parts += [" ", text]
    cell.end = chunk.x0 + chunk.seen


def seq_piece(pieces: Placed, cols: Columns):
    """The chunk holding the item number in the number column, or None."""
    for column, piece in pieces:
        if column == cols.seq and parse_seq(piece.text) is not None:
            return piece
    return None


def blocks(lines: list, placed: list[Placed | None]) -> list[int]:
    """For each line, the index of the first line of its block: lines not parted by a table
    border (PDF). Blank lines in layout text are no guide: pdftotext adds them anywhere."""
    first, out = 0, []
    for i, line in enumerate(lines):
        if i and line.rule_above:
            first = i
        out.append(first)
    return out


def row_spans(lines: list, placed: list[Placed | None], cols: Columns, edges: list[float]) -> list[list[int]]:
    """The line indexes of each numbered row, in order."""
    numbered = [i for i, pieces in enumerate(placed) if pieces and seq_piece(pieces, cols) is not None]
    block_of = blocks(lines, placed)
    bordered = any(ln.rule_above is not None for ln in lines)
    starts: list[int] = []
    for k, at in enumerate(numbered):
        earlier = numbered[k - 1] if k else -1
        starts.append(block_of[at] if bordered and block_of[at] > earlier else at)
    moved = [False] * len(starts)
    if not bordered:
        for k in range(1, len(starts)):
            begin = _due_start(numbered[k - 1], numbered[k], placed, cols)
            if begin is not None:
                starts[k], moved[k] = begin, True
    spans = [list(range(start, end)) for start, end in zip(starts, [*starts[1:], len(placed)])]
    centred = bool(numbered) and any(_has(placed[i], cols.text) for i in range(numbered[0]))
    if not bordered and centred:  # numbers sit lower than their rows' first lines
        for k in range(1, len(spans)):
            if not moved[k]:
                _look_back(spans[k - 1], spans[k], placed, cols, edges)
    return [[i for i in span if placed[i]] for span in spans]


def _has(pieces: Placed | None, column: int | None) -> bool:
    return bool(pieces) and any(col == column for col, _ in pieces)


def _due_start(previous: int, at: int, placed: list[Placed | None], cols: Columns) -> int | None:
    """The line a row begins on when its deadline cell (``-``, a date) stands above its number:
    the number centred lower in a tall row, the deadline at the top of its cell."""
    if cols.due is None:
        return None
    for i in range(previous + 1, at):
        pieces = placed[i]
        due = [p for col, p in pieces or () if col == cols.due]
        if due and _due_like(due[0].text) and _has(pieces, cols.text):
            return i
    return None


def _due_like(text: str) -> bool:
    due, unreadable = parse_due_cell(text)
    return due is not None or (not unreadable and bool(text.strip())) or bool(find_relative_due(text))


def _look_back(previous: list[int], current: list[int], placed: list[Placed | None], cols: Columns,
               edges: list[float]) -> None:
    """Move the last (at most four) lines of ``previous`` to ``current`` when they start it."""
    for take in (4, 3, 2, 1):
        if len(previous) <= take:
            continue
        moved = [i for i in previous[-take:] if placed[i]]
        state = _cells([i for i in previous[:-take] if placed[i]], placed, cols, edges)
        if moved and all(_starts_row(placed[i], state, cols, edges) for i in moved):
            current[:0] = previous[-take:]
            del previous[-take:]
            return


def _starts_row(pieces: Placed, state: list[_Cell], cols: Columns, edges: list[float]) -> bool:
    if seq_piece(pieces, cols) is not None or not any(col == cols.text for col, _ in pieces):
        return False
    return all(not state[col].parts or not _wraps(state[col], piece, edges[col]) for col, piece in pieces)


def _cells(span: list[int], placed: list[Placed | None], cols: Columns, edges: list[float]) -> list[_Cell]:
    cells = [_Cell() for _ in edges]
    agencies = {cols.agencies, cols.lead, cols.support} - {None}
    number = None
    for i in span:
        for column, piece in placed[i]:
            if column == cols.seq and number is None and parse_seq(piece.text) is not None:
                number = piece.text
                cells[column].parts.append(piece.text)
                continue
            # A number column's other words go to the text, when the table has a text column at all
            # (a mangled header can leave fewer columns than the indexes name).
            moved = column == cols.seq and cols.text is not None and cols.text < len(cells)
            target = cols.text if moved else column
            _add(cells[target], piece, edges[target], target in agencies)
    return cells


def rows_of(lines: list, placed: list[Placed | None], cols: Columns, edges: list[float]) -> list[list[str]]:
    """The table's rows as repaired cell texts, in header order."""
    return [[repair("".join(cell.parts)) for cell in _cells(span, placed, cols, edges)]
            for span in row_spans(lines, placed, cols, edges)]
