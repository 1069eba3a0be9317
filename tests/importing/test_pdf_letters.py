"""PDF letters made by real writers (LibreOffice, fpdf2; see tests/fixtures/README.md) and the
layout text pdftotext makes of them: every item's number, text, due, rhythm, agencies and roles.

An item's text is compared with the letter's source text without spaces: a PDF does not say
whether a line of Thai wrapped at a space or between two words, so the space there is lost
(Thai writes none between words). Everything else is compared exactly.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storage.formats.reader import read_letter
from tests.fixtures.pdf_letters import CHIANGMAI, KHONKAEN, SARABURI, SURAT
from tests.importing.helpers import DEBRIS_RE, ROOT, roles

PDF = ROOT / "tests" / "fixtures" / "pdf"
LAYOUT = ROOT / "tests" / "fixtures" / "letters"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _source_texts(letter: dict) -> dict[int, str]:
    return {n: values[1] for n, values in enumerate(letter["rows"], 1)}


SARABURI_ITEMS = {
    1: ("2024-08-30", None, {"สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดสระบุรี": "lead", "อำเภอทุกอำเภอ": "support"}),
    2: (None, ("ทุกสัปดาห์", "P1W"), {"องค์กรปกครองส่วนท้องถิ่นทุกแห่ง": "lead", "อำเภอทุกอำเภอ": "support"}),
    3: ("2024-09-15", None, {"ศูนย์ป้องกันและบรรเทาสาธารณภัย เขต 1 ปทุมธานี": "lead", "อำเภอทุกอำเภอ": "support"}),
    4: (None, None, {"ที่ทำการปกครองจังหวัดสระบุรี": "lead", "อำเภอทุกอำเภอ": "support"}),
    5: (None, ("อย่างน้อยวันละ 2 ครั้ง", None), {"สำนักงานประชาสัมพันธ์จังหวัดสระบุรี": "lead",
                                                "สถานีวิทยุกระจายเสียงแห่งประเทศไทยจังหวัดสระบุรี": "lead"}),
    6: ("2024-09-30", ("ทุกวันที่ 25 ของเดือน", "P1M"), {"อำเภอทุกอำเภอ": "lead"}),
}
CHIANGMAI_ITEMS = {
    1: (None, ("ทุกวันจันทร์", "P1W"), {"สำนักงานสาธารณสุขจังหวัดเชียงใหม่": "lead",
                                        "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดเชียงใหม่": "support"}),
    2: ("2024-04-30", None, {"อำเภอทุกอำเภอ": "lead", "องค์กรปกครองส่วนท้องถิ่นทุกแห่ง": "lead",
                             "สำนักงานเกษตรจังหวัดเชียงใหม่": "lead"}),
    3: ("2024-02-29", None, {"ศูนย์อนามัยที่ 1 เชียงใหม่": "lead", "โรงพยาบาลนครพิงค์": "support"}),
    4: ("2024-02-15", None, {"สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1": "lead",
                             "สำนักงานศึกษาธิการจังหวัดเชียงใหม่": "support"}),
    5: (None, ("ทุกวัน", "P1D"), {"สำนักบริหารพื้นที่อนุรักษ์ที่ 16 (เชียงใหม่)": "lead", "กองกำลังผาเมือง": "lead"}),
}


def _check_items(draft, letter: dict, expected: dict) -> None:
    texts = _source_texts(letter)
    assert [i.seq for i in draft.items] == sorted(expected)
    for item in draft.items:
        due, rhythm, agencies = expected[item.seq]
        assert _squash(item.text) == _squash(texts[item.seq]), item.seq
        assert item.due == due, item.seq
        assert (item.recurrence, item.every) == (rhythm or (None, None)), item.seq
        assert roles(item) == agencies, item.seq
        assert not [a.name for a in item.agencies if DEBRIS_RE.search(a.name)]


@pytest.mark.parametrize("path", [PDF / "saraburi-flood-2567.pdf", LAYOUT / "saraburi-flood-2567-layout.txt"],
                         ids=["pdf", "pdftotext-layout"])
def test_saraburi_letter_numbers_centred_in_tall_rows_stamp_and_agency_cells(path: Path) -> None:
    draft = read_letter(path)
    d = draft.directive
    # The receipt stamp's date (15 Aug) is not the letter's (12 Aug, under the address).
    assert (d.number, d.date) == ("สบ 0018.3/ว 4567", "2024-08-12")
    assert d.subject == "การเตรียมความพร้อมป้องกันและแก้ไขปัญหาอุทกภัย ปี ๒๕๖๗"
    assert d.issuer == "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดสระบุรี"
    assert d.references == ("มท 0622/ว 1338",)
    _check_items(draft, SARABURI, SARABURI_ITEMS)
    # Item 4's deadline counts from receipt: no date is made up, the officer is told, on item 4.
    (note,) = draft.warnings
    assert (note.code, note.seq) == ("importer.relative_due", 4)
    assert _squash(dict(note.params)["phrase"]) == _squash("ภายใน ๗ วัน นับแต่ได้รับหนังสือ")


@pytest.mark.parametrize("path", [PDF / "chiangmai-pm25-2567.pdf", LAYOUT / "chiangmai-pm25-2567-layout.txt"],
                         ids=["pdf", "pdftotext-layout"])
def test_chiangmai_letter_over_pages_with_the_header_repeated(path: Path) -> None:
    draft = read_letter(path)
    d = draft.directive
    assert (d.number, d.date) == ("ชม 0032.002/ว 1204", "2024-01-28")
    assert d.subject.startswith("มาตรการป้องกันและแก้ไขปัญหาฝุ่นละอองขนาดไม่เกิน ๒.๕ ไมครอน")
    assert d.issuer == "สำนักงานสาธารณสุขจังหวัดเชียงใหม่"
    _check_items(draft, CHIANGMAI, CHIANGMAI_ITEMS)
    assert draft.warnings == ()


def test_the_layout_text_really_has_the_damage_the_repair_undoes() -> None:
    # pdftotext's own output: spaces after marks, a mark dropped onto the next line, a tone moved.
    raw = (LAYOUT / "chiangmai-pm25-2567-layout.txt").read_text(encoding="utf-8")
    assert "เฝ้ าระวัง" in raw and "ทัง้ นี้" in raw and "\n              ่ ไปและกลุ่ม" in raw
    item = read_letter(LAYOUT / "chiangmai-pm25-2567-layout.txt").items[0]
    assert "เฝ้าระวัง" in item.text and "ทั้งนี้" in item.text and "ทั่วไป" in item.text


def test_suratthani_pdf_with_private_use_glyphs_of_a_sarabunpsk_font() -> None:
    path = PDF / "suratthani-pua-2566.pdf"
    import pypdfium2 as pdfium

    layer = pdfium.PdfDocument(path.read_bytes())[0].get_textpage().get_text_range()
    assert re.search("[\uf700-\uf71a]", layer)  # the text layer really carries PUA code points
    draft = read_letter(path)
    d = draft.directive
    assert (d.number, d.date) == ("สฎ 0017.4/ว 3980", "2023-11-21")
    assert d.subject == "การเตรียมความพร้อมรับมือคลื่นลมแรงและการท่องเที่ยวช่วงปลายปี"
    assert d.issuer == "ที่ทำการปกครองจังหวัดสุราษฎร์ธานี"
    texts = _source_texts(SURAT)
    assert [(i.seq, i.text) for i in draft.items] == [(n, texts[n]) for n in (1, 2, 3, 4)]
    one, two, three, four = draft.items
    assert (one.due, two.due, three.due, four.due) == ("2023-12-15", None, None, None)
    assert (two.recurrence, two.every, four.recurrence, four.every) == ("ทุกสัปดาห์", "P1W", "ทุกวัน", "P1D")
    # A name going on after its number keeps its last words; the two districts support.
    assert roles(one) == {"สำนักงานการขนส่งทางน้ำที่ 5 สาขาสุราษฎร์ธานี": "lead", "อำเภอเกาะสมุย": "support",
                          "อำเภอเกาะพะงัน": "support"}
    assert roles(two) == {"องค์กรปกครองส่วนท้องถิ่นทุกแห่ง": "lead"}
    assert roles(three) == {"สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดสุราษฎร์ธานี": "lead"}
    assert roles(four) == {"สำนักงานการท่องเที่ยวและกีฬาจังหวัดสุราษฎร์ธานี": "lead"}
    assert not any("\uf700" <= ch <= "\uf71a" for i in draft.items for ch in i.text + "".join(a.name for a in i.agencies))
    assert draft.warnings == ()


def test_khonkaen_minutes_in_prose_as_a_pdf() -> None:
    draft = read_letter(PDF / "khonkaen-minutes-2567.pdf")
    d = draft.directive
    assert (d.number, d.date) == ("ขก 0017.2/ว 2214", "2024-05-03")
    assert d.subject == "แจ้งข้อสั่งการของผู้ว่าราชการจังหวัดขอนแก่น"
    assert d.issuer == "สำนักงานจังหวัดขอนแก่น"
    paragraphs = [line for line in KHONKAEN["head"] if re.match(r"^[๑-๙]\.\s", line)]
    subs = [line for line in KHONKAEN["head"] if re.match(r"^[๑-๙]\.[๑-๙]", line)]
    assert [i.seq for i in draft.items] == [1, 2, 3, 4, 5, 6, 7]
    for item, paragraph in zip(draft.items, paragraphs):
        source = paragraph[3:] + ("".join(subs) if item.seq == 6 else "")
        assert _squash(item.text) == _squash(source), item.seq
    assert [_squash(s) for s in draft.items[5].subpoints] == [_squash(s[4:]) for s in subs]
    _check_khonkaen(draft)


def _check_khonkaen(draft) -> None:
    by = {i.seq: i for i in draft.items}
    assert [(s, by[s].due, by[s].recurrence, by[s].every) for s in by] == [
        (1, "2024-07-31", None, None), (2, None, "ทุกสัปดาห์", "P1W"), (3, None, None, None), (4, None, None, None),
        (5, None, "ทุกเดือน", "P1M"), (6, None, "ทุกวันศุกร์", "P1W"), (7, None, "ทุกวันที่ 5 ของเดือน", "P1M")]
    kk = "จังหวัดขอนแก่น"
    assert roles(by[1]) == {f"สำนักงานพัฒนาชุมชน{kk}": "lead", f"สำนักงานเกษตร{kk}": "support", "อำเภอทุกอำเภอ": "support"}
    assert roles(by[2]) == {f"สำนักงานสาธารณสุข{kk}": "lead", "องค์กรปกครองส่วนท้องถิ่นทุกแห่ง": "support"}
    assert roles(by[3]) == {f"ที่ทำการปกครอง{kk}": "lead", f"ตำรวจภูธร{kk}": "support"}
    assert roles(by[4]) == {f"สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อม{kk}": "lead", f"สำนักงานอุตสาหกรรม{kk}": "lead",
                            f"องค์การบริหารส่วน{kk}": "lead"}
    assert roles(by[5]) == {f"สำนักงานประชาสัมพันธ์{kk}": "lead"}
    assert roles(by[6]) == {f"สำนักงานป้องกันและบรรเทาสาธารณภัย{kk}": "lead", "อำเภอทุกอำเภอ": "support"}
    # The treasury receives the reports; it is not assigned the work.
    assert roles(by[7]) == {"ส่วนราชการทุกส่วนราชการ": "lead"}
    notes = [(w.code, w.seq, _squash(dict(w.params)["phrase"])) for w in draft.warnings]
    assert notes == [("importer.relative_due", 3, _squash("ภายใน ๑๕ วัน หลังสิ้นสุดเทศกาล")),
                     ("importer.relative_due", 4, _squash("ภายใน ๗ วัน นับแต่วันที่ได้รับแจ้ง"))]
