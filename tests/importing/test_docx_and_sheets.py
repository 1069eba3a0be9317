"""Word letters with a real table, and CSV/XLSX sheets, built here with python-docx/openpyxl."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import docx
import openpyxl
import pytest

from storage.formats.reader import read_letter
from tests.importing.helpers import DEBRIS_RE, roles


def _docx_letter(path: Path, *, split_table: bool = False) -> Path:
    document = docx.Document()
    for line in ("ที่ ลป ๐๐๑๗.๓/ว ๒๒๒", "ศาลากลางจังหวัดลำปาง", "๑๔ กุมภาพันธ์ ๒๕๖๖",
                 "เรื่อง การแก้ไขปัญหาหมอกควันและไฟป่า", "อ้างถึง หนังสือกระทรวงมหาดไทย ที่ มท ๐๖๒๒/ว ๑๑๑"):
        document.add_paragraph(line)
    rows = [
        ("๑", "ห้ามเผาในที่โล่งตั้งแต่ ๑ มีนาคม ถึง ๓๐ เมษายน ๒๕๖๖ และรายงานผลทุกสัปดาห์",
         "อำเภอทุกอำเภอ (หน่วยงานหลัก)\nองค์กรปกครองส่วนท้องถิ่นทุกแห่ง", "๓๐ เม.ย. ๖๖"),
        ("๒", "จัดตั้งจุดเฝ้าระวังไฟป่า", "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดลำปาง\nสำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดลำปาง", "-"),
    ]
    header = ("ลำดับ", "ประเด็นข้อสั่งการ", "หน่วยงานที่รับผิดชอบ", "กำหนดเสร็จ")
    chunks = [rows[:1], rows[1:]] if split_table else [rows]
    for n, chunk in enumerate(chunks):
        table = document.add_table(rows=0, cols=4)
        if n == 0 or split_table:
            for cell, text in zip(table.add_row().cells, header):
                cell.text = text
        for values in chunk:
            for cell, text in zip(table.add_row().cells, values):
                cell.text = text
    document.add_paragraph("ขอแสดงความนับถือ")
    document.add_paragraph("ผู้ว่าราชการจังหวัดลำปาง")
    document.add_paragraph("สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัด")
    document.save(path)
    return path


@pytest.mark.parametrize("split_table", [False, True], ids=["one-table", "header-repeated-on-page-2"])
def test_docx_table_is_read_cell_by_cell(tmp_path: Path, split_table: bool) -> None:
    draft = read_letter(_docx_letter(tmp_path / "lampang.docx", split_table=split_table))
    d = draft.directive
    assert (d.number, d.date, d.subject) == ("ลป 0017.3/ว 222", "2023-02-14", "การแก้ไขปัญหาหมอกควันและไฟป่า")
    assert d.references == ("มท 0622/ว 111",)
    assert d.issuer == "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดลำปาง"
    first, second = draft.items
    assert (first.seq, first.due, first.recurrence) == (1, "2023-04-30", "ทุกสัปดาห์")
    assert roles(first) == {"อำเภอทุกอำเภอ": "lead", "องค์กรปกครองส่วนท้องถิ่นทุกแห่ง": "support"}
    assert second.due is None
    # Each line of the cell is one agency; their own "และ" does not split them.
    assert roles(second) == {"สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดลำปาง": "lead",
                             "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดลำปาง": "lead"}


def test_docx_merged_cells_are_read_once(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("ที่ ลพ 0017/ว 5")
    table = document.add_table(rows=5, cols=3)
    for cell, text in zip(table.rows[0].cells, ("ลำดับ", "ประเด็น", "หน่วยงานที่รับผิดชอบ")):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("1", "ดูแลแหล่งน้ำ", "สำนักงานจังหวัดลำพูน")):
        cell.text = text
    # Row 2: item text merged across two columns (a layout slip): still one item, no crash.
    merged = table.rows[2].cells[1].merge(table.rows[2].cells[2])
    table.rows[2].cells[0].text = "2"
    merged.text = "ประชาสัมพันธ์ให้ประชาชนทราบ"
    # Rows 3-4: the number cell merged down two rows; the second row continues item 3.
    table.rows[3].cells[0].merge(table.rows[4].cells[0]).text = "3"
    table.rows[3].cells[1].text, table.rows[3].cells[2].text = "ขุดลอกคูคลอง", "อำเภอทุกอำเภอ"
    table.rows[4].cells[1].text, table.rows[4].cells[2].text = "ก่อนฤดูฝน", "เทศบาลเมืองลำพูน"
    path = tmp_path / "lamphun.docx"
    document.save(path)
    draft = read_letter(path)
    assert [i.seq for i in draft.items] == [1, 2, 3]
    assert draft.items[1].text == "ประชาสัมพันธ์ให้ประชาชนทราบ"
    assert draft.items[2].text == "ขุดลอกคูคลอง ก่อนฤดูฝน"
    assert roles(draft.items[2]) == {"อำเภอทุกอำเภอ": "lead", "เทศบาลเมืองลำพูน": "lead"}
    assert any(w.code == "importer.no_agency" and w.seq == 2 for w in draft.warnings)


def test_csv_with_english_columns(tmp_path: Path) -> None:
    path = tmp_path / "directives.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["ที่ สข 0017.2/ว 400"])
        writer.writerow(["เรื่อง ข้อสั่งการการประชุมกรมการจังหวัด"])
        writer.writerow(["seq", "text", "agencies", "due"])
        writer.writerow(["1", "เตรียมความพร้อมรับมือพายุ", "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดสงขลา (หน่วยงานหลัก), อำเภอทุกอำเภอ", "15 พ.ย. 66"])
        writer.writerow(["2", "ตรวจสอบราคาสินค้า", "สำนักงานพาณิชย์จังหวัดสงขลา", "-"])
    draft = read_letter(path)
    assert draft.directive.number == "สข 0017.2/ว 400"
    assert draft.directive.subject == "ข้อสั่งการการประชุมกรมการจังหวัด"
    assert [(i.seq, i.due) for i in draft.items] == [(1, "2023-11-15"), (2, None)]
    assert roles(draft.items[0]) == {"สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดสงขลา": "lead", "อำเภอทุกอำเภอ": "support"}


def test_xlsx_with_thai_columns_and_date_cells(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ที่ สต 0017.1/ว 12"])
    sheet.append(["ลำดับ", "ประเด็น", "หน่วยงาน", "กำหนดเสร็จ"])
    sheet.append([1, "จัดเก็บขยะชายหาด ทุก 2 สัปดาห์", "องค์กรปกครองส่วนท้องถิ่นทุกแห่ง", datetime(2024, 1, 31)])
    sheet.append([2, "ตรวจคุณภาพน้ำทะเล", "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดสตูล และอำเภอทุกอำเภอ", "๒๘ ก.พ. ๖๗"])
    sheet.append([None, "(ต่อ) รายงานผลต่อจังหวัด", None, None])
    path = tmp_path / "satun.xlsx"
    book.save(path)
    draft = read_letter(path)
    first, second = draft.items
    assert (first.due, first.recurrence, first.every) == ("2024-01-31", "ทุก 2 สัปดาห์", "P2W")
    assert second.due == "2024-02-28"
    assert second.text == "ตรวจคุณภาพน้ำทะเล (ต่อ) รายงานผลต่อจังหวัด"
    assert roles(second) == {"สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดสตูล": "lead", "อำเภอทุกอำเภอ": "lead"}
    assert {"importer.no_date", "importer.no_subject"} <= {w.code for w in draft.warnings}
    assert all(not DEBRIS_RE.search(a.name) for i in draft.items for a in i.agencies)


def test_xlsx_lead_and_support_columns(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["seq", "text", "lead", "support", "due"])
    sheet.append([1, "ซ่อมถนนสายหลัก", "สำนักงานโยธาธิการและผังเมืองจังหวัดตรัง", "อำเภอทุกอำเภอ, เทศบาลนครตรัง", None])
    path = tmp_path / "trang.xlsx"
    book.save(path)
    item = read_letter(path).items[0]
    assert roles(item) == {"สำนักงานโยธาธิการและผังเมืองจังหวัดตรัง": "lead", "อำเภอทุกอำเภอ": "support",
                           "เทศบาลนครตรัง": "support"}


def test_docx_with_numbered_paragraphs_instead_of_a_table(tmp_path: Path) -> None:
    document = docx.Document()
    for line in ("ที่ ปน 0017.2/ว 31", "3 ก.ค. 67", "เรื่อง ข้อสั่งการ",
                 "1. ให้ทุกอำเภอสำรวจแหล่งน้ำ", "หน่วยงานที่รับผิดชอบ: อำเภอทุกอำเภอ, สำนักงานชลประทานที่ 17",
                 "2. ประชาสัมพันธ์การประหยัดน้ำ", "หน่วยงานที่รับผิดชอบ: สำนักงานประชาสัมพันธ์จังหวัดปัตตานี"):
        document.add_paragraph(line)
    path = tmp_path / "pattani.docx"
    document.save(path)
    draft = read_letter(path)
    assert [(i.seq, i.text) for i in draft.items] == [(1, "ให้ทุกอำเภอสำรวจแหล่งน้ำ"), (2, "ประชาสัมพันธ์การประหยัดน้ำ")]
    assert roles(draft.items[0]) == {"อำเภอทุกอำเภอ": "lead", "สำนักงานชลประทานที่ 17": "lead"}


def test_excel_unicode_text_export_utf16_tabs(tmp_path: Path) -> None:
    # Excel's "Unicode Text" export: UTF-16 with a BOM, tab-separated, CRLF.
    rows = ["ลำดับ\tประเด็น\tหน่วยงาน\tกำหนดเสร็จ", "1\tซ่อมแซมฝาย\tอำเภอทุกอำเภอ\t31/12/2566"]
    path = tmp_path / "export.txt"
    path.write_bytes("\r\n".join(rows).encode("utf-16"))
    (item,) = read_letter(path).items
    assert (item.seq, item.text, item.due) == (1, "ซ่อมแซมฝาย", "2023-12-31")
    tsv = tmp_path / "export.tsv"
    tsv.write_bytes("\r\n".join(rows).encode("utf-16"))
    assert read_letter(tsv).items == (item,)
