"""A summary sheet with no agencies column that names who is responsible in parentheses at the
end of each order, and deadlines written with a weekday or without their year. Before, the
agencies were left in the text (and every item warned "no agency"), ``ภายในวันศุกร์ที่ 30
มกราคม 2570`` set no deadline, and ``ก่อนวันที่ ๓๑ ธ.ค. นี้`` set none without a word."""

from __future__ import annotations

from datetime import date

import pytest

from storage.formats.letters import parse_letter_text
from storage.formats.owners import owners_at_end
from storage.formats.reader import read_letter
from storage.formats.timing import find_due, find_yearless_due
from tests.importing.helpers import LETTERS, roles

NSW = "จังหวัดนครสวรรค์"


def test_who_is_responsible_in_parentheses_at_the_end_of_each_order() -> None:
    draft = read_letter(LETTERS / "nakhonsawan-summary-owners-in-text.csv")
    one, two, three = draft.items
    assert one.text == "ให้เร่งรัดการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง"
    assert roles(one) == {f"สำนักงานส่งเสริมการปกครองท้องถิ่น{NSW}": "lead", "องค์กรปกครองส่วนท้องถิ่นทุกแห่ง": "lead"}
    assert roles(two) == {"เทศบาลนครนครสวรรค์": "lead", "ททท.สำนักงานอุทัยธานี": "lead"}
    assert two.due == "2027-01-30"  # ภายในวันศุกร์ที่ 30 มกราคม 2570
    assert three.text == "ติดตามสถานการณ์น้ำในแม่น้ำเจ้าพระยา รายงานทุกวันจันทร์" and three.recurrence == "ทุกวันจันทร์"
    assert not [w for w in draft.warnings if w.code in ("importer.no_agency", "importer.no_agency_column")]


@pytest.mark.parametrize("text, rest, owners", [
    ("ตรวจราคาสินค้า (พณ.จ./อำเภอทุกอำเภอ)", "ตรวจราคาสินค้า", "พณ.จ./อำเภอทุกอำเภอ"),
    ("ตรวจราคาสินค้า (ผู้รับผิดชอบ : ร้านค้าในพื้นที่)", "ตรวจราคาสินค้า", "ร้านค้าในพื้นที่"),
    # Not who is responsible: kept in the text.
    ("รายงานผล (ภายในเดือนนี้)", "รายงานผล (ภายในเดือนนี้)", ""),
    ("จัดงานวันเด็ก (ครั้งที่ 2)", "จัดงานวันเด็ก (ครั้งที่ 2)", ""),
    ("ประสานสำนักงานจังหวัด (สนจ.) แล้วรายงาน", "ประสานสำนักงานจังหวัด (สนจ.) แล้วรายงาน", ""),
])
def test_which_closing_parentheses_name_the_responsible(text, rest, owners) -> None:
    assert owners_at_end(text) == (rest, owners)


def test_a_table_with_an_agencies_column_keeps_its_parentheses_in_the_text() -> None:
    text = "\n".join(["ที่ นว ๐๐๑๗.๓/ว ๑", "เรื่อง ติดตามงาน", "ลำดับ\tประเด็น\tหน่วยงานรับผิดชอบ",
                      "1\tตรวจราคาสินค้า (พณ.จ.)\tอำเภอทุกอำเภอ"])
    (item,) = parse_letter_text(text).items
    assert item.text == "ตรวจราคาสินค้า (พณ.จ.)" and roles(item) == {"อำเภอทุกอำเภอ": "lead"}


def test_a_deadline_without_its_year_is_the_next_such_day_and_says_so() -> None:
    draft = read_letter(LETTERS / "nakhonsawan-deadlines-without-year.txt")
    assert draft.directive.date == "2026-12-02"
    _, two, three = draft.items
    assert two.due == "2026-12-31"  # ก่อนวันที่ ๓๑ ธ.ค. นี้, in a letter of 2 December 2569
    assert [w.seq for w in draft.warnings if w.code == "importer.year_assumed"] == [2]
    assert three.due is None and three.recurrence  # "ภายในวันที่ ๑๕ ของทุกเดือน" is a rhythm, not a date


def test_a_day_already_past_in_the_letters_year_is_next_years() -> None:
    after = date(2026, 12, 2)
    assert find_yearless_due("ส่งภายในวันที่ 15 ม.ค.", after) == (date(2027, 1, 15), "15 ม.ค.")
    assert find_yearless_due("ส่งภายใน ๒ ธันวาคม", after) == (date(2026, 12, 2), "๒ ธันวาคม")
    # A date with its year, or a day and month no deadline word points at, is not one.
    assert find_yearless_due("ส่งภายในวันที่ 15 ม.ค. 70", after) is None
    assert find_yearless_due("ประชุมเมื่อ 15 ม.ค. แล้ว", after) is None


def test_a_deadline_written_with_its_weekday() -> None:
    assert find_due("จัดงาน ภายในวันศุกร์ที่ 30 มกราคม 2570") == date(2027, 1, 30)
    assert find_due("ก่อนวันจันทร์ที่ ๕ มกราคม ๒๕๗๐") == date(2027, 1, 5)


def test_a_period_in_one_cell_is_due_at_its_end() -> None:
    from storage.formats.timing import parse_due_cell

    assert parse_due_cell("1 ต.ค. 2568 - 30 ก.ย. 2569") == (date(2026, 9, 30), False)
    assert parse_due_cell("ตั้งแต่ ๑ ธ.ค. ๖๙ ถึง ๑๕ ม.ค. ๗๐") == (date(2027, 1, 15), False)
    text = "\n".join(["ที่ อบ ๐๐๑๗.๒/ว ๑", "เรื่อง ติดตาม", "ลำดับ\tข้อสั่งการ\tหน่วยงาน\tระยะเวลา (เริ่ม-สิ้นสุด)",
                      "1\tจัดงาน\tอำเภอทุกอำเภอ\t1 ต.ค. 2568 - 30 ก.ย. 2569"])
    assert parse_letter_text(text).items[0].due == "2026-09-30"
