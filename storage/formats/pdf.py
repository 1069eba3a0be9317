"""PDF letters: the text layer read character by character with its position (pypdfium2).

pypdfium2 (PDFium's own text extraction, BSD-3/Apache-2.0, binary wheels for Linux, macOS
and Windows) gives every character with its box. Many PDFs have no space characters at
all; PDFium adds the spaces it guesses from gaps, which are kept — they are right between
words, and the ones it puts after a tone mark (``หน่ วยงาน``) are what the Thai repair
undoes. A combining mark stays with the letter before it in
the content stream, so marks drawn left of their base (ป้, SarabunPSK's shifted glyphs) are
not pulled in front of it. Clusters are grouped into lines by baseline and into chunks by
wide gaps, and the table is read by position (storage.formats.layout); text outside a table
(numbered paragraphs, minutes in prose) goes through the text reader. All text is repaired
(storage.thai.repair) — PUA glyphs, reordered marks.
"""

from __future__ import annotations

import ctypes
from pathlib import Path
from typing import Iterable

from storage.formats.draft import Draft
from storage.formats.layout import Chunk, Line, read_table
from storage.formats.limits import MAX_CHARS, MAX_PAGES, fail, over
from storage.models import Agency
from storage.thai.chars import is_mark
from storage.thai.repair import repair

_CHUNK_GAP = 0.6
"""A gap wider than this many em between two characters separates two chunks (table cells,
a date beside the number). Narrower gaps are not spaces: glyph boxes are tight, and letters
inside a word stand up to ~0.45 em apart; spaces come from the space characters themselves."""


class _Cluster:
    __slots__ = ("text", "x0", "x1", "y", "size")

    def __init__(self, text: str, x0: float, x1: float, y: float, size: float) -> None:
        self.text, self.x0, self.x1, self.y, self.size = text, x0, x1, y, size


_MARKS = frozenset(chr(c) for c in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F), *range(0xF700, 0xF71B)))
"""Thai marks, Private Use Area glyphs of SarabunPSK-style fonts included: they stay with their letter."""


def _page_clusters(textpage, raw) -> list[_Cluster]:
    """The page's characters as clusters (a letter and its marks) with their boxes.

    The hot loop of a PDF import: one ctypes call per character for its code and its box,
    two more per letter; the raw handle and the functions are looked up once.
    """
    handle = textpage.raw
    get_unicode, get_box = raw.FPDFText_GetUnicode, raw.FPDFText_GetCharBox
    get_origin, get_size = raw.FPDFText_GetCharOrigin, raw.FPDFText_GetFontSize
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    ox, oy = ctypes.c_double(), ctypes.c_double()
    refs = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    clusters: list[_Cluster] = []
    for i in range(raw.FPDFText_CountChars(handle)):
        ch = chr(get_unicode(handle, i) or 32)
        if ch in "\r\n\x00\ufffe\uffff":
            continue
        get_box(handle, i, *refs)
        if clusters and (ch in _MARKS or (ch > "\u0e7f" and is_mark(ch))):
            if clusters[-1].text == " " and len(clusters) > 1:
                clusters.pop()  # a space PDFium guessed between a letter and its mark (ผ ู้) is not one
            last = clusters[-1]
            last.text += ch
            last.x1 = max(last.x1, right.value)
            continue
        get_origin(handle, i, ox, oy)
        size = get_size(handle, i) or 12.0
        y = clusters[-1].y if ch == " " and clusters else oy.value  # a space's own origin may lie anywhere
        clusters.append(_Cluster(ch, left.value, right.value, y, size))
    return clusters


def _lines(clusters: list[_Cluster], page: int, rules: list[float] | None) -> list[Line]:
    """Clusters grouped by baseline (top to bottom), each line cut into chunks at wide gaps,
    each marked with whether a horizontal rule lies between it and the line above."""
    rows: list[list[_Cluster]] = []
    for cluster in sorted(clusters, key=lambda c: -c.y):
        if rows and abs(rows[-1][0].y - cluster.y) <= 0.35 * cluster.size:
            rows[-1].append(cluster)
        else:
            rows.append([cluster])
    lines, above = [], None
    for row in rows:
        y = row[0].y
        rule = None if rules is None else any(y < r < (above if above is not None else 1e9) for r in rules)
        lines.append(Line(_chunks(sorted(row, key=lambda c: c.x0 + c.x1)), page, y, rule))
        above = y
    return lines


def _paths(page, raw) -> list:
    """The page's path objects (none when its object tree is damaged: rules are a help only)."""
    import pypdfium2 as pdfium

    try:
        return list(page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=4))
    except pdfium.PdfiumError:
        return []


def _rules(page, raw) -> list[float] | None:
    """Heights of the page's horizontal rules (path objects at least 30 pt wide: a hairline,
    or the top and bottom of a cell's rectangle), or None when it draws none."""
    found = []
    for obj in _paths(page, raw):
        left, bottom, right, top = obj.get_bounds()
        if right - left <= 30:
            continue
        if top - bottom < 2.5:
            found.append((top + bottom) / 2)
        else:  # a cell drawn as a rectangle: its top and bottom edges are rules
            found += [top, bottom]
    return found or None


def _chunks(row: list[_Cluster]) -> list[Chunk]:
    chunks: list[Chunk] = []
    text: list[str] = []
    xs: list[float] = []
    start = end = 0.0
    size = 12.0
    for cluster in row:
        if cluster.text == " ":
            if text and text[-1] != " ":
                text.append(" ")
                xs.append(cluster.x0)
                end = max(end, cluster.x1)
            continue
        if text and cluster.x0 - end > _CHUNK_GAP * cluster.size:
            chunks.append(_chunk(start, end, text, xs, size))
            text, xs = [], []
        if not text:
            start, end, size = cluster.x0, cluster.x1, cluster.size
        text.append(cluster.text)
        xs += [cluster.x0] * len(cluster.text)
        end = max(end, cluster.x1)
    if text:
        chunks.append(_chunk(start, end, text, xs, size))
    return [c for c in chunks if c.text]


def _chunk(start: float, end: float, text: list[str], xs: list[float], size: float) -> Chunk:
    while text and text[-1] == " ":
        text.pop()
        xs.pop()
    return Chunk(start, end, "".join(text), size, xs=tuple(xs))


def pdf_lines(path: Path, data: bytes) -> list[Line]:
    """Every page's lines, in reading order; ImportFailed for a PDF that cannot be read."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        reason = "importer.fail.pdf_encrypted" if "password" in str(error).lower() else "importer.fail.pdf"
        raise fail(path, reason, error=type(error).__name__) from None
    try:
        pages = len(document)
        if pages > MAX_PAGES:
            raise over(path, "importer.limit.pages", MAX_PAGES, pages)
        lines: list[Line] = []
        chars = 0
        for number in range(pages):
            try:
                page = document[number]
                textpage = page.get_textpage()
            except pdfium.PdfiumError as error:  # a damaged page object
                raise fail(path, "importer.fail.pdf", error=type(error).__name__) from None
            try:
                chars += raw.FPDFText_CountChars(textpage)
                if chars > MAX_CHARS:
                    raise over(path, "importer.limit.chars", MAX_CHARS, f"{chars:,}+")
                lines += _lines(_page_clusters(textpage, raw), number, _rules(page, raw))
            finally:
                textpage.close()
                page.close()
        return lines
    finally:
        document.close()


def draft_from_pdf(path: Path, data: bytes, *, known: Iterable[Agency] = ()) -> Draft:
    """The Draft of a PDF letter: its table read by position, else its text as a letter."""
    from storage.formats.letters import draft_from_table, parse_letter_text

    lines = pdf_lines(path, data)
    if not any(chunk.text.strip() for line in lines for chunk in line.chunks):
        raise fail(path, "importer.fail.pdf_no_text")
    table = read_table(lines)
    if table is not None:
        head, rows, cols, tail = table
        return draft_from_table([repair(line) for line in head], rows, cols, source=path.name, known=known,
                                tail=[repair(line) for line in tail])
    text = "\n".join(repair(line.text) for line in lines)
    return parse_letter_text(text, source=path.name, known=known)
