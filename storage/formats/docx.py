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
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from storage.formats.draft import Draft, DraftWarning
from storage.formats.items import Columns, assemble_rows, classify_header, parse_seq
from storage.formats.letters import draft_from_table, paragraph_draft, prepare
from storage.formats.limits import MAX_CELLS, MAX_PARAGRAPHS, MAX_ROWS, check_zip, count_up
from storage.models import Agency


def _row_cells(row, table: Table) -> list[str]:
    """The row's text by grid column: a merged cell's text sits in its first column only
    (so a cell spanning two columns never lands in both), and the lower parts of a
    vertically merged cell read as empty (so the row continues the one above)."""
    cells: list[str] = []
    for tc in row._tr.tc_lst:
        text = "" if tc.vMerge == "continue" else _Cell(tc, table).text
        cells.append(text)
        cells.extend([""] * (max(tc.grid_span, 1) - 1))
    return cells


def _table_rows(table: Table) -> list[list[str]]:
    return [_row_cells(row, table) for row in table.rows]


def _header(rows: list[list[str]]) -> tuple[int, Columns] | None:
    for i, cells in enumerate(rows[:3]):
        cols = classify_header(cells)
        if cols is not None:
            return i, cols
    return None


def _body(document) -> Iterable[Paragraph | Table]:
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            yield Paragraph(child, document)
        elif child.tag.endswith("}tbl"):
            yield Table(child, document)


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
    for block in _body(document):
        if isinstance(block, Paragraph):
            head.extend(block.text.split("\n"))
            continue
        rows = _table_rows(block)
        found = _header(rows)
        continues = cols is not None and rows and rows[0] and parse_seq(rows[0][0]) is not None
        if found is None and not continues:
            head.extend(cell for cells in rows for cell in cells)
            continue
        if found is not None:
            at, new_cols = found
            cols = cols or new_cols
            width = width or len(rows[at])
            rows = rows[at + 1:]
        table_lines.extend(rows)
    return head, table_lines, cols, width


def draft_from_document(document, *, source: str = "", known: Iterable[Agency] = ()) -> Draft:
    """The Draft of a loaded .docx letter."""
    head, table_lines, cols, width = _collect(document)
    lines = prepare("\n".join(head))
    if cols is None:
        paragraphs = paragraph_draft(lines, source=source, known=known)  # no table: numbered paragraphs
        if paragraphs is not None:
            return paragraphs
        return draft_from_table(lines, [], Columns(seq=0, text=1, agencies=2), source=source, known=known,
                                warnings=[DraftWarning.of("importer.no_table")])
    items_rows = assemble_rows(table_lines, cols, max(width, 2))
    return draft_from_table(lines, items_rows, cols, source=source, known=known)
