"""Write the agency's reply (``agency_report``) as .docx with python-docx."""

from __future__ import annotations

import io
from datetime import date
from typing import Iterable

from storage.formats.agency_report import COLUMN_CM, FONT, SIZE_PT, Line, _day, addressee, report_lines
from storage.i18n import digits, say
from storage.models import Agency, BoardSnapshot, Card, Directive


def _font(style_or_run, bold: bool | None = None) -> None:
    """TH Sarabun New for Latin *and* Thai: Word picks the complex-script font (w:cs) and size
    (w:szCs) for Thai, so naming only the Latin font would leave Thai in Angsana/Tahoma."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    font = style_or_run.font
    font.name, font.size = FONT, Pt(SIZE_PT)
    if bold is not None:
        font.bold = bold
        font.cs_bold = bold
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is None:
        size_cs = rpr.makeelement(qn("w:szCs"), {})
        rpr.append(size_cs)
    size_cs.set(qn("w:val"), str(SIZE_PT * 2))


def _page(doc) -> None:
    from docx.shared import Cm

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(4.5), Cm(2)  # room for the printed letterhead
    normal = doc.styles["Normal"]
    _font(normal)
    normal.paragraph_format.space_after = 0


def _para(doc, text: str = "", *, bold: bool = False, align: str | None = None, indent_cm: float = 0):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    paragraph = doc.add_paragraph()
    if text:
        _font(paragraph.add_run(text), bold=bold or None)
    if align:
        paragraph.alignment = getattr(WD_ALIGN_PARAGRAPH, align)
    if indent_cm:
        paragraph.paragraph_format.first_line_indent = Cm(indent_cm)
    return paragraph


def _cell(cell, lines: list[str], *, bold: bool = False, center: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    first = cell.paragraphs[0]
    for n, text in enumerate(lines or [""]):
        paragraph = first if n == 0 else cell.add_paragraph()
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(paragraph.add_run(text), bold=bold or None)


def _table(doc, lines: list[Line], lang: str) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    heads = [say(lang, f"report.docx.col.{c}") for c in ("seq", "topic", "result", "problem")]
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(header._tr.makeelement(qn("w:tblHeader"), {}))  # repeat on each page
    for cell, text in zip(header.cells, heads):
        _cell(cell, [text], bold=True, center=True)
    for line in lines:
        cells = table.add_row().cells
        _cell(cells[0], [digits(lang, line.seq)], center=True)
        _cell(cells[1], [line.topic])
        _cell(cells[2], line.result)
        _cell(cells[3], line.problems or [say(lang, "report.docx.none")], center=not line.problems)
    for row in table.rows:
        for cell, width in zip(row.cells, COLUMN_CM):
            cell.width = Cm(width)


def _letters(snap: BoardSnapshot, cards: list[Card]) -> list[Directive]:
    ids = {snap.items[c.item_id].directive_id for c in cards if c.item_id in snap.items}
    return sorted((snap.directives[i] for i in ids if i in snap.directives), key=lambda d: (d.date or "", d.number))


def to_docx(snap: BoardSnapshot, agency: Agency, cards: Iterable[Card], today: date, lang: str = "th",
            since: date | None = None) -> bytes:
    """The reply of ``agency`` about ``cards`` (its cards, perhaps of one letter), as .docx bytes."""
    from docx import Document

    chosen = list(cards)
    letters = _letters(snap, chosen)
    doc = Document()
    _page(doc)
    _para(doc, say(lang, "report.docx.number"))
    _para(doc, agency.name, align="RIGHT")
    _para(doc, say(lang, "report.docx.date", day=_day(today, lang)), align="RIGHT")
    _para(doc)
    _para(doc, say(lang, "report.docx.subject"))
    _para(doc, say(lang, "report.docx.to", whom=addressee(letters, lang)))
    refs = [say(lang, "report.docx.ref_one", issuer=d.issuer, number=digits(lang, d.number), day=_day(d.date, lang))
            for d in letters]
    for n, ref in enumerate(refs):
        _para(doc, (say(lang, "report.docx.ref") if n == 0 else "            ") + ref)
    _para(doc)
    _para(doc, say(lang, "report.docx.body", agency=agency.name, day=_day(today, lang)), indent_cm=2.5)
    _para(doc)
    _table(doc, report_lines(snap, chosen, today, lang, since), lang)
    _para(doc)
    _para(doc, say(lang, "report.docx.closing"), indent_cm=2.5)
    _para(doc)
    for text in ("report.docx.regards", None, None, "report.docx.signature", "report.docx.position"):
        _para(doc, say(lang, text) if text else "", align="CENTER")
    _para(doc, agency.name, align="CENTER")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
