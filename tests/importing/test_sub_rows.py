"""Tables whose items have numbered sub-rows (1.1, 1.2 under 1): one item, its sub-points in
order, every agency of every sub-row, the earliest deadline — and no 'bad number' warning."""

from __future__ import annotations

import pytest

from storage.formats.letters import parse_letter_text
from tests.importing.helpers import roles

TRAT = "จังหวัดตราด"


@pytest.mark.parametrize("digits", ["ascii", "thai"])
def test_sub_rows_fold_into_their_item(digits: str) -> None:
    table = [("1", "การป้องกันและแก้ไขปัญหายาเสพติด", "", ""),
             ("1.1", "ตั้งจุดตรวจในพื้นที่เสี่ยง", f"ตำรวจภูธร{TRAT}", "31 มี.ค. 70"),
             ("1.2", "บำบัดรักษาผู้เสพ", f"สำนักงานสาธารณสุข{TRAT}", "30 เม.ย. 70"),
             ("2", "ส่งเสริมการท่องเที่ยวช่วงวันหยุดยาว", f"สำนักงานการท่องเที่ยวและกีฬา{TRAT}", "ทุกเดือน")]
    to_thai = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙") if digits == "thai" else {}
    lines = ["ที่ ตร 0017/ว 88", "1 มีนาคม 2570", "เรื่อง ข้อสั่งการผู้ว่าราชการจังหวัดตราด",
             "ลำดับ\tประเด็นข้อสั่งการ\tหน่วยงานรับผิดชอบ\tกำหนดแล้วเสร็จ",
             *("\t".join((row[0].translate(to_thai), *row[1:])) for row in table)]
    draft = parse_letter_text("\n".join(lines))
    first, second = draft.items
    assert first.seq == 1 and first.text.startswith("การป้องกันและแก้ไขปัญหายาเสพติด")
    assert first.subpoints == ("ตั้งจุดตรวจในพื้นที่เสี่ยง", "บำบัดรักษาผู้เสพ")
    assert roles(first) == {f"ตำรวจภูธร{TRAT}": "lead", f"สำนักงานสาธารณสุข{TRAT}": "lead"}
    assert first.due == "2027-03-31"
    assert (second.seq, second.recurrence) == (2, "ทุกเดือน")
    assert draft.warnings == ()


def test_a_decimal_in_an_items_text_is_not_a_sub_point() -> None:
    lines = ["ที่ ตร 0017/ว 89", "1 มีนาคม 2570", "เรื่อง งบประมาณ",
             "ลำดับ\tประเด็น\tหน่วยงานรับผิดชอบ",
             f"1\tเบิกจ่ายงบประมาณ 1.5 ล้านบาท และ 2.5 ล้านบาทให้ครบ\tสำนักงานคลัง{TRAT}"]
    (item,) = parse_letter_text("\n".join(lines)).items
    assert item.subpoints == ()
    assert item.text == "เบิกจ่ายงบประมาณ 1.5 ล้านบาท และ 2.5 ล้านบาทให้ครบ"
