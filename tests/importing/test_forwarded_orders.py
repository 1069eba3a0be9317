"""Orders as officers also get them: forwarded from a chat group (keycap numbers, emoji, short
forms with the province's code, a sign-off), and numbered paragraphs that close with
``(ผู้รับผิดชอบ : …)``. Before, the chat message was refused as "no table" and the closing
parentheses stayed in the items' text."""

from __future__ import annotations

import pytest

from storage.formats.letters import parse_letter_text
from storage.formats.reader import read_letter
from tests.importing.helpers import LETTERS, roles

SP = "จังหวัดสุพรรณบุรี"
LP = "จังหวัดลำปาง"


def test_orders_forwarded_from_a_chat_group() -> None:
    draft = read_letter(LETTERS / "suphanburi-chat-orders.txt")
    d = draft.directive
    # ผวจ.สพ. is the governor of the province coded สพ; the message's first line is its title.
    assert d.issuer == f"ผู้ว่าราชการ{SP}"
    assert d.subject == f"ข้อสั่งการ ผวจ.สพ. ในที่ประชุมกรมการ{SP} ครั้งที่ 11/2569"
    assert d.date == "2026-11-24"
    one, two, three, four = draft.items
    assert one.text == "ให้ ปศจ. เฝ้าระวังโรคไข้หวัดนก รายงานจังหวัดทุกสัปดาห์"
    assert roles(one) == {f"สำนักงานปศุสัตว์{SP}": "lead"} and one.recurrence
    # The emoji is not part of the order; the partner named by its short form supports it.
    assert two.text == "ให้ สสจ. ร่วมกับ รพ.เจ้าพระยายมราช เตรียมรับมือฝุ่น PM2.5"
    assert roles(two) == {f"สำนักงานสาธารณสุข{SP}": "lead", "รพ.เจ้าพระยายมราช": "support"}
    assert roles(three) == {"อำเภอทุกอำเภอ": "lead"} and three.due == "2026-12-05"
    # The secretariat's sign-off after the last order is not part of it.
    assert four.text == "ให้ พณ.จ. ตรวจสอบราคาสินค้าช่วงเทศกาลปีใหม่"
    assert roles(four) == {f"สำนักงานพาณิชย์{SP}": "lead"}
    assert not [w for w in draft.warnings if w.code in ("importer.no_agency", "importer.no_subject")]


def test_keycap_numbers_and_emoji_in_any_order_text() -> None:
    text = "\n".join(["เรื่อง ติดตามงาน", "🔸 ข้อสั่งการ", "1️⃣ ให้อำเภอทุกอำเภอ รายงานผล 📊",
                      "2\u20e3 ให้สำนักงานจังหวัดลำปาง สรุปข้อมูล 🙏🏻"])
    items = parse_letter_text(text).items
    assert [(i.seq, i.text) for i in items] == [(1, "ให้อำเภอทุกอำเภอ รายงานผล"), (2, "ให้สำนักงานจังหวัดลำปาง สรุปข้อมูล")]
    assert "\u20e3" not in "".join(parse_letter_text("#️⃣ ประกาศ\n1️⃣ ให้อำเภอทุกอำเภอ รายงาน *⃣").items[0].text)
    # A letter without emoji is read as it was (the chat rule never touches it).
    assert parse_letter_text("1. ให้อำเภอทุกอำเภอ ✓ รายงานผล").items[0].text == "ให้อำเภอทุกอำเภอ ✓ รายงานผล"


@pytest.mark.parametrize("path", [LETTERS / "lampang-owner-in-parentheses.txt",
                                  LETTERS.parent / "pdf" / "lampang-owner-in-parentheses.pdf"], ids=["text", "pdf"])
def test_paragraphs_closing_with_who_is_responsible_in_parentheses(path) -> None:
    # The PDF (LibreOffice, Laksaman 16 pt) wraps "(ผู้รับผิดชอบ : ทุก" / "ส่วนราชการ)": one name.
    draft = read_letter(path)
    one, two, three = draft.items
    assert one.text == "เร่งรัดการเบิกจ่ายงบประมาณรายจ่ายประจำปี ให้เป็นไปตามเป้าหมาย"
    assert roles(one) == {"ส่วนราชการทุกส่วนราชการ": "lead"}
    assert roles(two) == {f"สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อม{LP}": "lead", "อำเภอทุกอำเภอ": "lead"}
    assert two.text.endswith("โดยจัดชุดเฝ้าระวังในพื้นที่เสี่ยง")
    # The Red Cross chapter is an agency too; the deadline inside the text is the item's.
    assert roles(three) == {f"เหล่ากาชาด{LP}": "lead", f"สำนักงาน{LP}": "lead"}
    assert three.due == "2026-12-20" and "ผู้รับผิดชอบ" not in three.text
