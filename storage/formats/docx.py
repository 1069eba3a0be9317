"""Word letters (.docx): the real table, read with python-docx.

The head is every paragraph (and every cell of tables that are not the directive table,
since letterheads are often laid out in tables), in document order. The directive table
is every table with a header row (ลำดับ / ประเด็น / หน่วยงาน…), plus header-less tables
that continue it on the next page. Merged cells are read once, in their first column.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Iterable

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from storage.formats.docx_lists import ListNumbers
from storage.formats.draft import Draft, DraftWarning
from storage.formats.items import Columns, assemble_rows, classify_header, parse_seq
from storage.formats.sub_header import with_sub_header
from storage.formats.letters import draft_from_table, prepare, untabled_draft
from storage.formats.limits import MAX_CELLS, MAX_PARAGRAPHS, MAX_ROWS, check_zip, count_up
from storage.models import Agency


class _Merged(str):
    """The lower part of a vertically merged cell: reads as empty (the row continues the one
    above), but remembers the merged cell's text for a row that starts an item of its own."""

    above: str = ""
    since: str = ""
    """The number cell of the row the merge started in."""


def _merged(text: str, since: str) -> _Merged:
    cell = _Merged("")
    cell.above, cell.since = text, since
    return cell


def _cell_text(tc, parent) -> str:
    """A cell's text as python-docx gives it: its paragraphs, one per line."""
    return "\n".join(Paragraph(p, parent).text for p in tc.iterchildren(qn("w:p")))


def _table_rows(tbl, parent) -> list[list[str]]:
    """The rows' text by grid column: a merged cell's text sits in its first column only
    (so a cell spanning two columns never lands in both); the lower parts of a vertically
    merged cell are _Merged.

    Read from the table's ``w:tr``/``w:tc`` elements through python-docx's public oxml
    (``CT_Tc.vMerge``, ``grid_span``): ``Table.rows``/``_Row.cells`` repeat a merged cell's
    text in every row it spans and cannot say which row it started in."""
    rows: list[list[str]] = []
    started: dict[int, tuple[str, str]] = {}  # grid column -> (text, number cell of its row)
    for tr in tbl.iterchildren(qn("w:tr")):
        cells: list[str] = []
        for tc in tr.iterchildren(qn("w:tc")):
            column = len(cells)
            if tc.vMerge == "continue":
                text, since = started.get(column, ("", ""))
                cells.append(_merged(text, since))
            else:
                text = _cell_text(tc, parent)
                cells.append(text)
                started[column] = (text, cells[0] if column else text)
            cells.extend([""] * (max(tc.grid_span, 1) - 1))
        rows.append(cells)
    return rows


def _share_merged(rows: list[list[str]], cols: Columns, warnings: list[DraftWarning]) -> list[list[str]]:
    """A merged cell shared by two numbered rows (one agency cell for items 3 and 4) gives
    its text to each of them; in a row that only continues an item it stays empty."""
    out = []
    for row in rows:
        seq = parse_seq(row[cols.seq]) if cols.seq is not None and cols.seq < len(row) else None
        if seq is not None:
            for cell in row:
                if isinstance(cell, _Merged) and cell.above.strip():
                    other = parse_seq(cell.since)
                    warnings.append(DraftWarning.of("importer.shared_cell", seq, other=other if other else "?"))
            row = [cell.above if isinstance(cell, _Merged) else cell for cell in row]
        out.append(row)
    return out


def _header(rows: list[list[str]]) -> tuple[int, Columns] | None:
    for i, cells in enumerate(rows[:3]):
        cols = classify_header(cells)
        if cols is not None:
            return i, cols
    return None


def _body(document) -> Iterable[object]:
    """The body's paragraphs and tables (their ``w:p`` / ``w:tbl`` elements), in order."""
    for child in document.element.body.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_COUNTED = {f"{_W}p": ("importer.limit.paragraphs", MAX_PARAGRAPHS), f"{_W}tr": ("importer.limit.rows", MAX_ROWS),
            f"{_W}tc": ("importer.limit.cells", MAX_CELLS)}


def _check_body(archive: zipfile.ZipFile) -> None:
    """Count paragraphs, rows and cells of word/document.xml as a stream (memory stays flat)
    before python-docx builds its tree of it; LimitExceeded at the first limit crossed."""
    from lxml import etree

    counts = dict.fromkeys(_COUNTED, 0)
    try:
        member = archive.open("word/document.xml")
    except KeyError:
        return  # python-docx says what is wrong with it
    with member:
        for _, element in etree.iterparse(member, events=("end",), tag=tuple(_COUNTED), resolve_entities=False,
                                          no_network=True, huge_tree=False):
            counts[element.tag] += 1
            what, limit = _COUNTED[element.tag]
            count_up(what, limit, counts[element.tag])
            if element.tag == f"{_W}p":
                element.clear(keep_tail=True)


def load_document(path: Path, raw: bytes | None = None):
    """The python-docx Document of a .docx, checked against the limits first.

    Its errors propagate (reader.py turns them into ImportFailed).
    """
    data = io.BytesIO(raw if raw is not None else Path(path).read_bytes())
    with zipfile.ZipFile(data) as archive:
        check_zip(Path(path), archive)
        _check_body(archive)
    data.seek(0)
    return docx.Document(data)


def read_docx(path: Path, known: Iterable[Agency] = ()) -> Draft:
    return draft_from_document(load_document(path), source=Path(path).name, known=known)


def _collect(document) -> tuple[list[str], list[list[str]], Columns | None, int]:
    """(head lines, directive-table rows, column layout, table width) in document order."""
    head: list[str] = []
    table_lines: list[list[str]] = []
    cols: Columns | None = None
    width = 0
    numbers = ListNumbers(document)
    for block in _body(document):
        if block.tag == qn("w:p"):
            label = numbers.label(block)  # Word's automatic numbering is not in the text
            text = Paragraph(block, document).text
            head.extend((f"{label} {text}" if label and text.strip() else text).split("\n"))
            continue
        rows = _table_rows(block, document)
        found = _header(rows)
        continues = cols is not None and rows and rows[0] and parse_seq(rows[0][0]) is not None
        if found is None and not continues:
            head.extend(cell for cells in rows for cell in cells)
            continue
        if found is not None:
            at, new_cols = found
            refined = with_sub_header(new_cols, rows[at + 1]) if at + 1 < len(rows) else None
            cols = cols or refined or new_cols
            width = width or max(len(rows[at]), len(rows[at + 1]) if refined else 0)
            rows = rows[at + (2 if refined else 1):]
        table_lines.extend(rows)
    return head, table_lines, cols, width


def draft_from_document(document, *, source: str = "", known: Iterable[Agency] = ()) -> Draft:
    """The Draft of a loaded .docx letter."""
    head, table_lines, cols, width = _collect(document)
    lines = prepare("\n".join(head))
    if cols is None:
        paragraphs = untabled_draft(lines, source=source, known=known)
        if paragraphs is not None:
            return paragraphs
        return draft_from_table(lines, [], Columns(seq=0, text=1, agencies=2), source=source, known=known,
                                warnings=[DraftWarning.of("importer.no_table")])
    warnings: list[DraftWarning] = []
    items_rows = assemble_rows(_share_merged(table_lines, cols, warnings), cols, max(width, 2))
    return draft_from_table(lines, items_rows, cols, source=source, known=known, warnings=warnings)
