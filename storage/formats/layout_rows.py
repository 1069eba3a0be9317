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
    if not cell.parts:
        cell.parts.append(text)
    else:
        wrapped = _wraps(cell, chunk, edge)
        previous = cell.parts[-1]
        if not wrapped and agencies and _starts_clause(text):
            cell.parts += ["\n", text]
        elif wrapped and previous and _thai(previous[-1]) and _thai(text[0]):
            cell.parts.append(text)  # Thai wraps between words without a space
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
    border (PDF) or a blank line (layout text)."""
    first, out = 0, []
    for i, line in enumerate(lines):
        if i and (placed[i - 1] is None or line.rule_above):
            first = i
        out.append(first)
    return out


def row_spans(lines: list, placed: list[Placed | None], cols: Columns, edges: list[float]) -> list[list[int]]:
    """The line indexes of each numbered row, in order."""
    numbered = [i for i, pieces in enumerate(placed) if pieces and seq_piece(pieces, cols) is not None]
    block_of = blocks(lines, placed)
    starts: list[int] = []
    for k, at in enumerate(numbered):
        earlier = numbered[k - 1] if k else -1
        starts.append(block_of[at] if block_of[at] > earlier else at)
    spans = [list(range(start, end)) for start, end in zip(starts, [*starts[1:], len(placed)])]
    if not any(ln.rule_above is not None for ln in lines):  # no borders to tell rows apart
        for k in range(1, len(spans)):
            _look_back(spans[k - 1], spans[k], placed, cols, edges)
    return [[i for i in span if placed[i]] for span in spans]


def _look_back(previous: list[int], current: list[int], placed: list[Placed | None], cols: Columns,
               edges: list[float]) -> None:
    """Move the last (at most two) lines of ``previous`` to ``current`` when they start it."""
    for take in (2, 1):
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
            target = cols.text if column == cols.seq and cols.text is not None else column
            _add(cells[target], piece, edges[target], target in agencies)
    return cells


def rows_of(lines: list, placed: list[Placed | None], cols: Columns, edges: list[float]) -> list[list[str]]:
    """The table's rows as repaired cell texts, in header order."""
    return [[repair("".join(cell.parts)) for cell in _cells(span, placed, cols, edges)]
            for span in row_spans(lines, placed, cols, edges)]
