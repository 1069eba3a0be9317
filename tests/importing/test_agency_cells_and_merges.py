"""Agency cells without separators, a leftover that looks like an agency, a receipt stamp, and
a Word table whose agency cell is merged over two numbered rows: item by item."""

from __future__ import annotations

from pathlib import Path

import docx

from storage.formats.reader import read_letter
from tests.importing.helpers import LETTERS, roles

UBON = LETTERS / "ubon-agency-cells.txt"


def test_ubon_every_name_in_cells_without_separators_and_the_stamp_is_not_the_date() -> None:
    draft = read_letter(UBON)
    d = draft.directive
    assert (d.number, d.date) == ("อบ 0017.2/ว 1588", "2024-03-14")  # not the stamp's 20 มี.ค.
    assert d.subject == "การป้องกันและลดอุบัติเหตุทางถนนช่วงเทศกาลสงกรานต์ พ.ศ. 2567"
    assert (d.issuer, d.references) == ("สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดอุบลราชธานี", ("มท 0624/ว 702",))
    ub = "จังหวัดอุบลราชธานี"
    items = {i.seq: i for i in draft.items}
    assert [(s, i.due, i.recurrence, i.every) for s, i in items.items()] == [
        (1, "2024-04-10", None, None), (2, "2024-04-10", None, None), (3, None, None, None), (4, None, None, None),
        (5, "2024-04-17", "ทุกวัน", "P1D"), (6, None, None, None)]
    assert items[1].text == "ตั้งจุดตรวจหลักและจุดบริการประชาชนบนถนนสายหลักทุกสาย"
    assert roles(items[1]) == {f"ตำรวจภูธร{ub}": "lead", "อำเภอทุกอำเภอ": "support"}  # …เป็นหน่วยงานหลัก อำเภอ…
    assert roles(items[2]) == {"องค์กรปกครองส่วนท้องถิ่นทุกแห่ง": "lead", "อำเภอทุกอำเภอ": "support"}  # (เป็น…หลัก)
    assert roles(items[3]) == {f"สำนักงานขนส่ง{ub}": "lead", f"สถานีขนส่งผู้โดยสาร{ub}": "support"}  # … และ…
    assert roles(items[4]) == {f"สำนักงานสาธารณสุข{ub}": "lead", "โรงพยาบาลสรรพสิทธิประสงค์": "support"}  # โดยมี…สนับสนุน
    assert roles(items[5]) == {f"สำนักงานป้องกันและบรรเทาสาธารณภัย{ub}": "lead", "มูลนิธิสว่างแสงธรรม": "support"}
    # "สหกรณ์เดินรถอุบล" starts with no head word an office name has: not taken, but said, on item 6.
    assert roles(items[6]) == {f"สำนักงานประชาสัมพันธ์{ub}": "lead"}
    (leftover,) = draft.warnings
    assert (leftover.code, leftover.seq, dict(leftover.params)["text"]) == ("importer.unread_agency", 6, "สหกรณ์เดินรถอุบล")
    assert "สหกรณ์เดินรถอุบล" in leftover.text("th") and "looks like an agency" in leftover.text("en")


def _trang_letter(path: Path) -> Path:
    document = docx.Document()
    for line in ("ที่ ตง ๐๐๑๗.๓/ว ๗๗๗", "ศาลากลางจังหวัดตรัง", "๕ มีนาคม ๒๕๖๗",
                 "เรื่อง การอนุรักษ์ทรัพยากรทางทะเลและชายฝั่ง", "เรียน นายอำเภอทุกอำเภอ"):
        document.add_paragraph(line)
    table = document.add_table(rows=6, cols=4)
    rows = [("ลำดับ", "ประเด็น", "หน่วยงานที่รับผิดชอบ", "กำหนดเสร็จ"),
            ("๑", "สำรวจแนวหญ้าทะเลและแหล่งอาศัยของพะยูน", "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดตรัง", "๓๐ เม.ย. ๖๗"),
            ("๒", "ตรวจตราการทำประมงด้วยเครื่องมือผิดกฎหมายในเขตทะเลชายฝั่ง", "", "-"),
            ("๓", "จัดทำทุ่นแสดงแนวเขตอนุรักษ์และประชาสัมพันธ์ให้ชาวประมงพื้นบ้านทราบ", "", "๓๑ พ.ค. ๖๗"),
            ("๔", "รายงานผลการดำเนินงานให้จังหวัดทราบทุกเดือน", "อำเภอทุกอำเภอ", "-")]
    for row, values in zip(table.rows, rows):
        for cell, text in zip(row.cells, values):
            cell.text = text
    # One agency cell merged down over items 2 and 3 (a Word letter's usual way of saying "both").
    shared = table.rows[2].cells[2].merge(table.rows[3].cells[2])
    shared.text = "สำนักงานประมงจังหวัดตรัง (หน่วยงานหลัก)\nองค์กรปกครองส่วนท้องถิ่นทุกแห่ง"
    document.add_paragraph("ขอแสดงความนับถือ")
    document.add_paragraph("สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด")
    document.save(path)
    return path


def test_trang_word_table_agency_cell_merged_over_two_items_gives_both_the_agencies(tmp_path: Path) -> None:
    draft = read_letter(_trang_letter(tmp_path / "trang.docx"))
    d = draft.directive
    assert (d.number, d.date, d.issuer) == ("ตง 0017.3/ว 777", "2024-03-05", "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดตรัง")
    items = {i.seq: i for i in draft.items}
    assert [(s, i.due, i.recurrence) for s, i in items.items()] == [
        (1, "2024-04-30", None), (2, None, None), (3, "2024-05-31", None), (4, None, "ทุกเดือน")]
    assert items[3].text == "จัดทำทุ่นแสดงแนวเขตอนุรักษ์และประชาสัมพันธ์ให้ชาวประมงพื้นบ้านทราบ"
    assert roles(items[1]) == {"สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดตรัง": "lead"}
    both = {"สำนักงานประมงจังหวัดตรัง": "lead", "องค์กรปกครองส่วนท้องถิ่นทุกแห่ง": "support"}
    assert roles(items[2]) == both and roles(items[3]) == both
    assert roles(items[4]) == {"อำเภอทุกอำเภอ": "lead"}
    (note,) = draft.warnings  # the officer is told where item 3's agencies came from
    assert (note.code, note.seq, dict(note.params)["other"]) == ("importer.shared_cell", 3, 2)
