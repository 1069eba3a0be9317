"""Tables read by horizontal position: layout text (``pdftotext -layout``, OCR) and PDF lines.

A line is a list of chunks — runs of text with where they start and end on the line (in
characters for layout text, in points for a PDF). The table's header line names the
columns; where one column ends and the next begins is found in the gutter between
neighbouring header labels that no line of the table crosses. Every later line puts each
chunk in the column it sits in, so a wrapped cell continues its own column whatever the
other cells do, across page breaks too; page numbers (``- ๒ -``), the header repeated on a
new page and a running letter number are dropped.

A wrapped line is joined to the line above without a space when both sides are Thai (Thai
wraps between words, and writes no space there), with a space otherwise; a line that ended
well short of its column's right edge ended a paragraph of the cell, which in an agencies
cell starts a new clause. Text is repaired (storage.thai.repair) cell by cell — after the
columns are found, so that the repair can never shift a column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storage.formats.items import CLOSING_RE, Columns, _kind, classify_header, parse_seq
from storage.formats.matrix import agency_header
from storage.formats.layout_rows import rows_of
from storage.formats.sub_header import role_label
from storage.thai.width import cell_width


@dataclass(slots=True)
class Chunk:
    x0: float
    x1: float
    text: str
    size: float = 12.0
    """Font size in points (PDF); for layout text the nominal 12 of one line per row."""
    xs: tuple[float, ...] | None = None
    """Where each character starts (a PDF chunk), so a chunk can be cut between any two."""
    width: float = -1.0
    """How wide it looks (terminal cells for layout text, points for a PDF); x1 - x0 if unset.
    pdftotext places layout text by code point, but a line wraps by how wide it looks."""

    @property
    def seen(self) -> float:
        return self.width if self.width >= 0 else self.x1 - self.x0


@dataclass(slots=True)
class Line:
    chunks: list[Chunk]
    page: int = 0
    y: float | None = None
    """Baseline height on the page (PDF lines; None for layout text, which has no such thing)."""
    rule_above: bool | None = None
    """A PDF line with a horizontal rule (a table border) between it and the line above;
    None where the page draws no rules (and for layout text)."""

    @property
    def text(self) -> str:
        return "  ".join(c.text for c in self.chunks)


_GAP_RE = re.compile(r"\S+(?: \S+)*")
"""A chunk of layout text: words joined by single spaces (two or more end it)."""
_FURNITURE_RE = re.compile(
    r"^\s*(?:-\s*[0-9๐-๙]{1,3}\s*-|หน้า\s*[0-9๐-๙]+(?:\s*/\s*[0-9๐-๙]+)?"
    r"|/\s*(?:ข้อ|ลำดับ|[0-9๐-๙]).{0,40}|[|:+=_\-–—\s]+|(?:ที่\s+)?[ก-ฮ]{1,4}\s?[0-9๐-๙.]{3,}\s?/\s?(?:ว\.?\s?)?[0-9๐-๙]+)\s*$"
)
"""Page numbers (``- ๒ -``, ``หน้า ๒/๕``), the page-turn marker (``/ข้อ ๓ …``), rules, and a
running letter number at the top of each page."""


def layout_lines(text_lines: list[str], measure: str = "chars") -> list[Line]:
    """Lines of layout text as chunks; x in code points (``chars``) or terminal cells (``cells``)."""
    lines = []
    for raw in text_lines:
        chunks = []
        for m in _GAP_RE.finditer(raw):
            start = m.start() if measure == "chars" else cell_width(raw[: m.start()])
            width = len(m.group()) if measure == "chars" else cell_width(m.group())
            chunks.append(Chunk(start, start + width, m.group(), width=cell_width(m.group())))
        lines.append(Line(chunks))
    return lines


def _header_at(lines: list[Line], i: int) -> tuple[Columns, list[Chunk], int] | None:
    """(columns, label chunks, lines used) when the header starts at line ``i``: one line, or
    two or three when its labels wrap (``หน่วยงานที่รับผิด`` / ``ชอบ``). A header that reads
    already takes the next line too only when that line completes its labels, each still a
    label (``สน`` / ``ง.ปศุสัตว์`` / ``จังหวัด`` in a narrow column); else that line is the
    first row's (its text would turn a label into no label)."""
    found = None
    for used in (1, 2, 3):
        if i + used > len(lines):
            break
        labels = _merge([c for line in lines[i:i + used] for c in line.chunks])
        cols = classify_header([c.text for c in labels]) if len(labels) >= 2 else None
        if cols is None or cols.seq is None:
            if found is not None:
                break
        elif found is None or _completes(found, cols, labels):
            found = cols, labels, used
    return found


def _completes(found: tuple[Columns, list[Chunk], int], cols: Columns, labels: list[Chunk]) -> bool:
    """Whether ``labels`` are the ``found`` header's own, completed by one more line."""
    before, old = found[0], found[1]
    if len(labels) != len(old) or _named(cols) < _named(before):
        return False
    return all(new.text == was.text or _kind(new.text) or agency_header(new.text) for new, was in zip(labels, old))


def _named(cols: Columns) -> int:
    """How many of a table's columns its header names."""
    return sum(i is not None for i in (cols.seq, cols.text, cols.agencies, cols.lead, cols.support, cols.due)) \
        + len(cols.matrix)


_ROLE_HEADS = {"lead": "หน่วยงานหลัก", "support": "หน่วยงานสนับสนุน"}
"""What a lead or support label under a merged agencies label stands for, as a header says it."""


def _split_role_columns(chunks: list[Chunk]) -> list[Chunk]:
    """``หน่วยงานรับผิดชอบ`` over a second header line ``หลัก | สนับสนุน``: two columns, the lead
    one and the support one — not one label over both (their cells would run together)."""
    labelled = {id(c): role for c in chunks if (role := role_label(c.text))}
    if len(labelled) < 2:
        return chunks
    out = list(chunks)
    for parent in chunks:
        if id(parent) in labelled or _kind(parent.text) != "agencies":
            continue
        # A merged cell's label sits at its left: the cell reaches to the next label on its line.
        right = min((c.x0 for c in chunks if id(c) not in labelled and c.x0 > parent.x1), default=float("inf"))
        under = {id(c): labelled[id(c)] for c in chunks if id(c) in labelled and parent.x0 - 2 < (c.x0 + c.x1) / 2 < right}
        if set(under.values()) == set(_ROLE_HEADS):
            out = [Chunk(c.x0, c.x1, _ROLE_HEADS[under[id(c)]], c.size) if id(c) in under else c
                   for c in out if c is not parent]
    return out


def _merge(chunks: list[Chunk]) -> list[Chunk]:
    """Chunks of a (wrapped) header: those that overlap horizontally are one label, and so
    is a word close beside a label that it completes (``หน่วยงาน`` ``ที่รับผิดชอบ``); a label
    over ``หลัก | สนับสนุน`` is those two columns (_split_role_columns)."""
    # Overlapping chunks are grouped left to right but read top to bottom: in a narrow column
    # ``จังหวัด`` under ``สน`` / ``ง.ปศุสัตว์`` may start a little further left than they do.
    groups: list[tuple[float, float, list[tuple[int, Chunk]]]] = []
    for at, c in sorted(enumerate(_split_role_columns(chunks)), key=lambda pair: pair[1].x0):
        if groups and c.x0 < groups[-1][1]:
            x0, x1, members = groups[-1]
            groups[-1] = (x0, max(x1, c.x1), [*members, (at, c)])
        else:
            groups.append((c.x0, c.x1, [(at, c)]))
    overlapping = [Chunk(x0, x1, "".join(c.text for _, c in sorted(members, key=lambda m: m[0])), members[0][1].size)
                   for x0, x1, members in groups]
    out: list[Chunk] = []
    for c in overlapping:
        if out and _continues_label(out[-1], c):
            last = out[-1]
            out[-1] = Chunk(last.x0, c.x1, last.text + c.text, last.size)
        else:
            out.append(c)
    return out


def _continues_label(left: Chunk, right: Chunk) -> bool:
    unit = (left.x1 - left.x0) / max(len(left.text), 1)
    if right.x0 - left.x1 > 4 * unit:
        return False
    kind = _kind(right.text)
    return (kind is None and _kind(left.text + right.text) is not None) or (kind is not None and kind == _kind(left.text))


def find_table(lines: list[Line]) -> tuple[int, Columns, list[Chunk], int] | None:
    """(index of the header line, columns, header labels, header height) of the first table."""
    for i, line in enumerate(lines):
        if len(line.chunks) >= 1:
            found = _header_at(lines, i)
            if found:
                return i, *found
    return None


def boundaries(labels: list[Chunk], body: list[Line]) -> list[float]:
    """Where each column ends: in the gap between two header labels, at the point the fewest
    body chunks cross (the gutter), in the middle of the widest such stretch."""
    chunks = [c for line in body for c in line.chunks]
    cuts = []
    for left, right in zip(labels, labels[1:]):
        lo, hi = left.x1, max(right.x0, left.x1)
        points = sorted({lo, hi, *(x for c in chunks for x in (c.x0, c.x1) if lo < x < hi)})
        best = (10**9, 0.0, (lo + hi) / 2)
        for a, b in zip(points, points[1:]):
            mid = (a + b) / 2
            crossing = sum(1 for c in chunks if c.x0 < mid < c.x1)
            best = min(best, (crossing, -(b - a), mid))
        cuts.append(best[2])
    return cuts


def _split(chunk: Chunk, cuts: list[float], least: int = 0) -> list[tuple[int, Chunk]]:
    """(column, piece) for a chunk; one that runs well over a boundary is cut at a space there
    (pdftotext leaves one space between cells when a line fills its cell), and the piece
    after the cut goes to the next column even if the extractor drew it a little left.
    A piece with nothing but spaces is no piece: the rows' cells take text, never a blank
    (a damaged PDF's ``' ่กำ'``, an orphan mark on a space, cut there, left an empty one)."""
    return [(column, piece) for column, piece in _pieces(chunk, cuts, least) if piece.text.strip()]


def _pieces(chunk: Chunk, cuts: list[float], least: int) -> list[tuple[int, Chunk]]:
    column = max(least, sum(1 for cut in cuts if chunk.x0 >= cut))
    per = (chunk.x1 - chunk.x0) / max(len(chunk.text), 1)
    if chunk.xs and column < len(cuts) and chunk.x1 > cuts[column] + per:
        at = next((i for i, x in enumerate(chunk.xs) if x >= cuts[column]), len(chunk.text))
        if 0 < at < len(chunk.text):  # a PDF chunk: cut between the characters either side of the boundary
            left = Chunk(chunk.x0, chunk.xs[at], chunk.text[:at].rstrip(), chunk.size, xs=chunk.xs[:at])
            right = Chunk(chunk.xs[at], chunk.x1, chunk.text[at:], chunk.size, xs=chunk.xs[at:])
            return [(column, left), *_pieces(right, cuts, column + 1)]
    spaces = _inner_spaces(chunk.text) if column < len(cuts) and chunk.x1 > cuts[column] + 2 * per else []
    if spaces:
        at = int((cuts[column] - chunk.x0) / per)
        cut = min(spaces, key=lambda i: abs(i - at))
        share = chunk.seen / max(len(chunk.text), 1)
        left = Chunk(chunk.x0, chunk.x0 + per * cut, chunk.text[:cut], chunk.size, width=share * cut)
        right = Chunk(chunk.x0 + per * (cut + 1), chunk.x1, chunk.text[cut + 1:], chunk.size,
                      width=share * (len(chunk.text) - cut - 1))
        return [(column, left), *_pieces(right, cuts, column + 1)]
    return [(column, chunk)]


def _inner_spaces(text: str) -> list[int]:
    """Where ``text`` has a space with text either side: only such a space parts two cells."""
    first, last = len(text) - len(text.lstrip()), len(text.rstrip())
    return [i for i in range(first, last) if text[i] == " "]


def _is_furniture(line: Line, header_texts: set[str]) -> bool:
    text = " ".join(line.text.split())
    if not text or _FURNITURE_RE.match(text) or text in header_texts:
        return True
    return classify_header([c.text for c in line.chunks]) is not None


_HEADER_TAIL_RE = re.compile(
    r"^(?:ชอบ|รับผิดชอบ|ที่รับผิดชอบ|ผิดชอบ|เสร็จ|แล้วเสร็จ|ดำเนินการ|สั่งการ|ข้อสั่งการ|การ|งาน|หลัก|สนับสนุน|"
    r"ที่|/?ข้อสังเกต|/?ระยะเวลา|เวลา|ข้อเน้นย้ำ|ย้ำ|ประเด็น|\(?วัน/เดือน/ปี\)?)$")
"""The end of a header label wrapped onto the next line (``หน่วยงานที่รับผิด`` / ``ชอบ``)."""


def _header_height(lines: list[Line], at: int, height: int) -> int:
    """Lines the header takes: in a PDF the rest of its block (up to the gap above the first
    row); in layout text the next lines that only end wrapped labels."""
    n = at + height
    while n < len(lines) and lines[n].chunks:
        line = lines[n]
        if line.rule_above is not None:  # a PDF with table borders: the header cell ends at one
            if line.rule_above or any(parse_seq(c.text) is not None for c in line.chunks):
                break
        elif not all(_HEADER_TAIL_RE.match(c.text.strip()) for c in line.chunks):
            break
        n += 1
    return n - at


def _segments(lines: list[Line], at: int, height: int) -> tuple[list[tuple[list[Chunk], list[Line]]], list[str]]:
    """The table body cut at each repeated header, with that header's labels (a new page may
    place the table elsewhere), and the lines after the table."""
    labels = _merge([c for line in lines[at:at + height] for c in line.chunks])
    header_texts = {" ".join(line.text.split()) for line in lines[at:at + height]}
    segments: list[tuple[list[Chunk], list[Line]]] = [(labels, [])]
    n = at + height
    while n < len(lines):
        line = lines[n]
        if line.chunks and CLOSING_RE.match(line.chunks[0].text):
            return segments, [ln.text for ln in lines[n:]]
        if line.chunks and classify_header([c.text for c in line.chunks]) is not None:
            used = _header_height(lines, n, 1)
            again = _merge([c for ln in lines[n:n + used] for c in ln.chunks])
            if len(again) == len(labels):
                segments.append((again, []))
            n += used
            continue
        if not line.chunks or not _is_furniture(line, header_texts):
            segments[-1][1].append(line)
        n += 1
    return segments, []


def _moved(piece: Chunk, shift: float) -> Chunk:
    if not shift:
        return piece
    xs = tuple(x + shift for x in piece.xs) if piece.xs else None
    return Chunk(piece.x0 + shift, piece.x1 + shift, piece.text, piece.size, xs, piece.width)


def read_table(lines: list[Line]) -> tuple[list[str], list[list[str]], Columns, list[str]] | None:
    """(head lines, table rows in header order, columns, lines after the table), or None
    when no header with a number column is found."""
    found = find_table(lines)
    if found is None:
        return None
    at, cols, _, height = found
    segments, tail = _segments(lines, at, _header_height(lines, at, height))
    # The whole header's labels name the columns: a second line may split one (หลัก | สนับสนุน).
    cols = classify_header([c.text for c in segments[0][0]]) or cols
    first_starts: list[float] | None = None
    body: list[Line] = []
    placed: list[list | None] = []
    for labels, segment in segments:
        cuts = boundaries(labels, segment)
        starts = [labels[0].x0, *cuts]
        first_starts = first_starts or starts
        shifts = [a - b for a, b in zip(first_starts, starts)]  # into the first page's frame
        for line in segment:
            pieces = [(k, _moved(p, shifts[k])) for c in line.chunks for k, p in _split(c, cuts)] or None
            if pieces and len(pieces) == 1 and pieces[0][0] != cols.seq and re.fullmatch(r"[0-9๐-๙]{1,3}", pieces[0][1].text):
                pieces = None  # a bare page number away from the number column
            body.append(line)
            placed.append(pieces)
    edges = [0.0] * len(segments[0][0])
    for pieces in placed:
        for column, piece in pieces or ():
            edges[column] = max(edges[column], piece.x0 + piece.seen)
    rows = rows_of(body, placed, cols, edges)
    return [ln.text for ln in lines[:at]], rows, cols, tail
