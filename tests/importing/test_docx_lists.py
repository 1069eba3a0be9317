"""Word letters numbered by Word itself (List Number, nested levels, Thai digits): the numbers
are not in the paragraphs' text, yet the orders must come out as items 1, 2, 3."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from storage.formats.reader import read_letter
from tests.importing.helpers import roles

NAN = "จังหวัดน่าน"


def _numbered(paragraph, num_id: str, level: int) -> None:
    """Give a paragraph Word's own list numbering (w:numPr), as Word writes it."""
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", str(level)), ("w:numId", num_id)):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        num_pr.append(child)
    paragraph._p.get_or_add_pPr().append(num_pr)


def _letter(path: Path, thai_digits: bool = False) -> Path:
    doc = docx.Document()
    for line in ("ที่ นน 0017.2/ว 77", "15 มกราคม 2570", "เรื่อง ข้อสั่งการผู้ว่าราชการจังหวัดน่าน",
                 "เรียน หัวหน้าส่วนราชการ", f"ตามที่ผู้ว่าราชการ{NAN}มีข้อสั่งการ ดังนี้"):
        doc.add_paragraph(line)
    first = doc.add_paragraph(f"ให้สำนักงานเกษตร{NAN}เป็นหน่วยงานหลัก ร่วมกับอำเภอทุกอำเภอ สำรวจพื้นที่ปลูกข้าวโพด "
                              "ภายในวันที่ 28 กุมภาพันธ์ 2570", style="List Number")
    num_id = first.style.element.find(qn("w:pPr")).find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
    if thai_digits:
        _thai_numbers(doc, num_id)
    doc.add_paragraph("การป้องกันไฟป่าและหมอกควัน", style="List Number")
    for text in (f"ให้สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อม{NAN}เป็นหน่วยงานหลัก เฝ้าระวังจุดความร้อน",
                 "ให้องค์กรปกครองส่วนท้องถิ่นทุกแห่งประชาสัมพันธ์งดเผา รายงานผลทุกสัปดาห์"):
        _numbered(doc.add_paragraph(text), num_id, 1)
    doc.add_paragraph(f"ให้สำนักงานสาธารณสุข{NAN}ติดตามสถานการณ์โรคไข้เลือดออก", style="List Number")
    doc.add_paragraph("จึงเรียนมาเพื่อโปรดทราบและถือปฏิบัติ")
    doc.save(path)
    return path


def _thai_numbers(doc, num_id: str) -> None:
    """Make every level of the list count in Thai digits (numFmt thaiNumbers), as Thai Word does."""
    root = doc.part.numbering_part.element
    num = next(n for n in root.iterchildren(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in root.iterchildren(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    for fmt in abstract.iter(qn("w:numFmt")):
        fmt.set(qn("w:val"), "thaiNumbers")


def test_words_own_numbering_makes_the_items_and_nested_levels_their_sub_points(tmp_path: Path) -> None:
    for thai in (False, True):
        draft = read_letter(_letter(tmp_path / f"nan-{thai}.docx", thai_digits=thai))
        assert [i.seq for i in draft.items] == [1, 2, 3], thai
        first, second, third = draft.items
        assert first.due == "2027-02-28"
        assert roles(first) == {f"สำนักงานเกษตร{NAN}": "lead", "อำเภอทุกอำเภอ": "support"}
        # 2.1 and 2.2 (Word's second level) are the sub-points of item 2.
        assert second.subpoints == (f"ให้สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อม{NAN}เป็นหน่วยงานหลัก เฝ้าระวังจุดความร้อน",
                                    "ให้องค์กรปกครองส่วนท้องถิ่นทุกแห่งประชาสัมพันธ์งดเผา รายงานผลทุกสัปดาห์")
        assert roles(second) == {f"สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อม{NAN}": "lead",
                                 "องค์กรปกครองส่วนท้องถิ่นทุกแห่ง": "support"}
        assert roles(third) == {f"สำนักงานสาธารณสุข{NAN}": "lead"}
