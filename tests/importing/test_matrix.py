"""A tracking sheet that names one agency per column and marks the rows it is responsible for
(storage/formats/matrix.py): the shape a province's Excel sheet of orders most often has. Before,
its agencies were read as no agency at all, and a first row marked ``หลัก | สนับสนุน`` was taken
for a second header row and lost."""

from __future__ import annotations

import pytest

from storage.formats.agencies import expand_short
from storage.formats.matrix import agency_header, mark_role
from storage.formats.reader import read_letter
from tests.importing.helpers import LETTERS, roles, word_letter

SP = "จังหวัดสุพรรณบุรี"

ONE_ROW = [
    ["ข้อ", "ข้อสั่งการ", "กำหนดแล้วเสร็จ", "สนง.เกษตรจังหวัด", "สนง.ปศุสัตว์จังหวัด", "สสจ.", "อำเภอทุกอำเภอ", "หมายเหตุ"],
    ["1", "เฝ้าระวังโรคไข้หวัดนกในพื้นที่เลี้ยงสัตว์ปีก", "31 ธ.ค. 69", "", "หลัก", "สนับสนุน", "", "ต่อเนื่อง"],
    ["2", "สำรวจพื้นที่นาข้าวที่ได้รับผลกระทบจากน้ำท่วม", "15 ธ.ค. 69", "✓", "", "", "✓", ""],
    ["3", "รณรงค์ฉีดวัคซีนไข้หวัดใหญ่กลุ่มเสี่ยง", "", "-", "-", "หลัก", "ร่วม", ""],
]
"""The first data row's ``หลัก | สนับสนุน`` once read as a second header row (lead, support)."""
TWO_ROW = [
    ["ลำดับ", "ข้อสั่งการ", "หน่วยงานรับผิดชอบ", "", "", "กำหนดเสร็จ"],
    ["", "", "ปศจ.", "พมจ.", "ทุกอำเภอ", ""],
    ["๑", "ตรวจสุขอนามัยฟาร์มสุกร", "หลัก", "", "สนับสนุน", "๑๕ ม.ค. ๗๐"],
    ["๒", "ดูแลผู้สูงอายุที่อยู่ลำพังในช่วงฤดูหนาว", "", "/", "/", ""],
]
HEAD = ["ที่ สพ ๐๐๑๗.๓/ว ๔๕๒๑", "๒๗ พฤศจิกายน ๒๕๖๙", "เรื่อง ติดตามข้อสั่งการผู้ว่าราชการจังหวัด"]
"""No line names the province: its letter number's code (สพ) does."""


def _expect_one_row(items) -> None:
    one, two, three = items
    assert roles(one) == {f"สำนักงานปศุสัตว์{SP}": "lead", f"สำนักงานสาธารณสุข{SP}": "support"}
    assert one.due == "2026-12-31"
    # Plain ticks: responsible, with no role said — as a plain name in an agencies cell.
    assert roles(two) == {f"สำนักงานเกษตร{SP}": "lead", "อำเภอทุกอำเภอ": "lead"}
    # "-" is no mark; ร่วม is support.
    assert roles(three) == {f"สำนักงานสาธารณสุข{SP}": "lead", "อำเภอทุกอำเภอ": "support"}


def _expect_two_row(items) -> None:
    one, two = items
    assert roles(one) == {f"สำนักงานปศุสัตว์{SP}": "lead", "อำเภอทุกอำเภอ": "support"}
    assert one.due == "2027-01-15"
    assert roles(two) == {f"สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์{SP}": "lead", "อำเภอทุกอำเภอ": "lead"}


def _docx(path, table_rows, merge: bool) -> None:
    document, table = word_letter(HEAD, table_rows, "จึงเรียนมาเพื่อทราบ")
    if merge:  # หน่วยงานรับผิดชอบ over the three agencies; the other labels merged down
        top, under = table.rows[0].cells, table.rows[1].cells
        top[2].merge(top[4])
        for i in (0, 1, 5):
            top[i].merge(under[i])
    document.save(path)


def _xlsx(path, table_rows, merge: bool) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for line in HEAD:
        sheet.append([line])
    for row in table_rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells("C4:E4")
    book.save(path)


def _tab_text(path, table_rows, merge: bool) -> None:
    path.write_text("\n".join([*HEAD, *("\t".join(row) for row in table_rows), "จึงเรียนมาเพื่อทราบ"]),
                    encoding="utf-8")


def _csv(path, table_rows, merge: bool) -> None:
    import csv

    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        for line in HEAD:
            writer.writerow([line])
        writer.writerows(table_rows)


MAKERS = [(_docx, "docx"), (_xlsx, "xlsx"), (_tab_text, "txt"), (_csv, "csv")]


@pytest.mark.parametrize("make, suffix", MAKERS, ids=[s for _, s in MAKERS])
def test_a_sheet_naming_one_agency_per_column_marks_who_is_responsible(tmp_path, make, suffix) -> None:
    path = tmp_path / f"sheet.{suffix}"
    make(path, ONE_ROW, False)
    draft = read_letter(path)
    assert draft.directive.number == "สพ 0017.3/ว 4521"
    _expect_one_row(draft.items)
    assert not [w for w in draft.warnings if w.code in ("importer.no_agency", "importer.no_agency_column")]


@pytest.mark.parametrize("make, suffix", MAKERS, ids=[s for _, s in MAKERS])
def test_agencies_named_in_a_second_header_row_under_a_merged_label(tmp_path, make, suffix) -> None:
    path = tmp_path / f"sheet.{suffix}"
    make(path, TWO_ROW, True)
    _expect_two_row(read_letter(path).items)


@pytest.mark.parametrize("path", [LETTERS.parent / "pdf" / "suphanburi-agency-matrix.pdf",
                                  LETTERS / "suphanburi-agency-matrix-layout.txt"], ids=["pdf", "layout text"])
def test_a_pdf_of_the_sheet_reads_the_same(path) -> None:
    # LibreOffice's PDF of the Word letter _docx(ONE_ROW) writes, and pdftotext -layout's text of
    # it (tests/fixtures/README.md). The Word table's equal columns wrap every label over two or
    # three lines (สน / ง.เกษตร / จังหวัด) and no line alone reads as a header.
    draft = read_letter(path)
    _expect_one_row(draft.items)
    assert draft.items[0].text == "เฝ้าระวังโรคไข้หวัดนกในพื้นที่เลี้ยงสัตว์ปีก"  # pdftotext's "ปี ก" mended


def test_a_data_row_marked_lead_and_support_is_never_a_second_header() -> None:
    from storage.formats.items import classify_header
    from storage.formats.sub_header import with_sub_header

    cols = classify_header(["ข้อ", "ข้อสั่งการ", "กำหนด", "หน่วยงาน", "หมายเหตุ"])
    assert with_sub_header(cols, ["1", "เฝ้าระวังโรค", "31 ธ.ค. 69", "หลัก", "สนับสนุน"]) is None
    # A real second row still refines the header.
    refined = with_sub_header(cols, ["", "", "", "หลัก", "สนับสนุน"])
    assert (refined.lead, refined.support) == (3, 4)


@pytest.mark.parametrize("cell, name", [
    ("สนง.เกษตรจังหวัด", "สนง.เกษตรจังหวัด"), ("สสจ.", "สสจ."), ("อำเภอทุกอำเภอ", "อำเภอทุกอำเภอ"),
    ("ปภ.", "ปภ."), ("แขวงทางหลวงสุพรรณบุรี", "แขวงทางหลวงสุพรรณบุรี"),
    ("หมายเหตุ", None), ("ผลการดำเนินงาน", None), ("ปัญหาอุปสรรค", None), ("สถานะ", None), ("", None),
])
def test_which_header_cells_name_an_agency(cell, name) -> None:
    assert agency_header(cell) == name


@pytest.mark.parametrize("cell, role", [
    ("หลัก", "lead"), ("เจ้าภาพ", "lead"), ("สนับสนุน", "support"), ("ร่วม", "support"), ("ร่วมดำเนินการ", "support"),
    ("✓", None), ("/", None), ("x", None), ("●", None), ("", False), ("  ", False), ("-", False), ("–", False),
])
def test_what_a_mark_says(cell, role) -> None:
    assert mark_role(cell) is role if isinstance(role, bool) else mark_role(cell) == role


@pytest.mark.parametrize("short, full", [
    ("สสจ.", "สำนักงานสาธารณสุขจังหวัด"), ("ปศจ.", "สำนักงานปศุสัตว์จังหวัด"), ("กษ.จ.", "สำนักงานเกษตรจังหวัด"),
    ("อบจ.", "องค์การบริหารส่วนจังหวัด"), ("พมจ.", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด"),
    # Without their own จ these letters name a department too (กรมป้องกันฯ, กรมการปกครอง): kept.
    ("ปภ.", None), ("ปค.", None), ("กษ.", None),
])
def test_a_short_form_marked_provincial_by_its_own_jo(short, full) -> None:
    assert expand_short(short) == full
