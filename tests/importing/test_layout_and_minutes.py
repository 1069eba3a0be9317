"""Layout text aligned by how wide Thai looks (OCR), names cut by a stray space, and minutes
in prose written by hand with ASCII digits: item by item."""

from __future__ import annotations

from storage.formats.letters import parse_letter_text
from storage.formats.reader import read_letter
from storage.models import Agency
from tests.importing.helpers import LETTERS, roles

LOPBURI = LETTERS / "lopburi-ocr-layout.txt"
KORAT = LETTERS / "korat-minutes-2566.txt"


def test_ocr_layout_columns_by_cell_width_and_names_healed_without_a_board() -> None:
    draft = read_letter(LOPBURI)
    d = draft.directive
    assert (d.number, d.date, d.issuer) == ("ลบ 0017.3/ว 612", "2023-09-09", "สำนักงานพัฒนาชุมชนจังหวัดลพบุรี")
    assert d.subject == "การขับเคลื่อนโครงการอำเภอยั่งยืนเพื่อแก้ไขปัญหาความยากจน"
    items = {i.seq: i for i in draft.items}
    assert [(s, i.text, i.due, i.recurrence, i.every) for s, i in items.items()] == [
        (1, "สำรวจข้อมูลครัวเรือนยากจนตามระบบ ThaiQM และจัดทำแผนช่วยเหลือรายครัวเรือน", "2023-10-31", None, None),
        (2, "ส่งเสริมอาชีพและการรวมกลุ่มวิสาหกิจชุมชน รายงานผลทุก 2 สัปดาห์", None, "ทุก 2 สัปดาห์", "P2W"),
        (3, "ตรวจสุขภาพผู้สูงอายุและผู้พิการในครัวเรือนเป้าหมาย", "2023-11-30", None, None),
        (4, "ประชุมติดตามความก้าวหน้าเป็นประจำทุกไตรมาส", None, "ทุกไตรมาส", "P3M"),
    ]
    # "สำนักงานพัฒนา ชุมชน…" (a stray space) and "…จังหวัดลพ / บุรี" (wrapped mid-word) are one name
    # each; the (หน่วยงานหลัก) on the next line still marks the lead.
    assert roles(items[1]) == {"สำนักงานพัฒนาชุมชนจังหวัดลพบุรี": "lead", "อำเภอทุกอำเภอ": "support"}
    assert roles(items[2]) == {"สำนักงานเกษตรจังหวัดลพบุรี": "lead", "สำนักงานแรงงานจังหวัดลพบุรี": "lead"}
    assert roles(items[3]) == {"สำนักงานสาธารณสุขจังหวัดลพบุรี": "lead"}
    assert roles(items[4]) == {"ที่ทำการปกครองจังหวัดลพบุรี": "lead"}
    assert draft.warnings == ()


def test_a_name_split_by_a_space_is_healed_against_the_boards_agencies() -> None:
    known = [Agency(id="a1", name="สถานีตำรวจภูธรเมืองลพบุรี", short="สภ.เมืองลพบุรี")]
    text = ("ที่ ลบ 1/ว 2\n1 มกราคม 2567\nเรื่อง ทดสอบ\n"
            "ลำดับ    ประเด็น                 หน่วยงาน\n"
            "1        ตั้งจุดตรวจ              สถานีตำรวจภูธร เมืองลพบุรี\n")
    (item,) = parse_letter_text(text, known=known).items
    assert [(a.name, a.agency_id) for a in item.agencies] == [("สถานีตำรวจภูธรเมืองลพบุรี", "a1")]


def test_korat_minutes_in_prose_with_sub_points_places_and_groups() -> None:
    draft = read_letter(KORAT)
    d = draft.directive
    assert (d.number, d.date, d.issuer) == ("นม 0017.1/ว 9043", "2023-09-01", "สำนักงานจังหวัดนครราชสีมา")
    assert d.subject == "ส่งสรุปข้อสั่งการผู้ว่าราชการจังหวัดนครราชสีมา"
    items = {i.seq: i for i in draft.items}
    assert sorted(items) == [1, 2, 3, 4, 5]  # the attachments numbered 1. 2. are not items
    nm = "จังหวัดนครราชสีมา"
    assert items[1].text == (f"ให้สำนักงานจัดหางาน{nm}เป็นหน่วยงานหลัก ร่วมกับสำนักงานสวัสดิการและคุ้มครองแรงงาน{nm} "
                             "จัดนัดพบแรงงานในพื้นที่อำเภอปักธงชัยและอำเภอสูงเนินภายในวันที่ 30 กันยายน 2566")
    assert (items[1].due, items[1].recurrence) == ("2023-09-30", None)
    # Districts named as places (ในพื้นที่อำเภอ… และอำเภอ…) are not assignees.
    assert roles(items[1]) == {f"สำนักงานจัดหางาน{nm}": "lead", f"สำนักงานสวัสดิการและคุ้มครองแรงงาน{nm}": "support"}
    assert (items[2].due, items[2].recurrence, items[2].every) == (None, "ทุกวันจันทร์", "P1W")
    assert roles(items[2]) == {f"สำนักงานปศุสัตว์{nm}": "lead", "อำเภอทุกอำเภอ": "support"}
    assert items[3].subpoints == (
        "ให้สำนักงานชลประทานที่ 8 เป็นหน่วยงานหลัก สำรวจปริมาณน้ำในอ่างเก็บน้ำลำตะคองและลำพระเพลิง "
        "และแจ้งแผนการระบายน้ำให้เกษตรกรทราบ",
        f"ให้องค์การบริหารส่วน{nm}สนับสนุนรถบรรทุกน้ำแก่ประชาชนในพื้นที่ประสบภัยแล้ง")
    assert items[3].text.startswith("การแก้ไขปัญหาน้ำเพื่อการเกษตร 3.1 ให้สำนักงานชลประทานที่ 8")
    assert roles(items[3]) == {"สำนักงานชลประทานที่ 8": "lead", f"องค์การบริหารส่วน{nm}": "support"}
    # Both named before "เป็นเจ้าภาพหลัก" lead; the town hall (ณ …) is a place; the municipality supports.
    assert roles(items[4]) == {f"สำนักงานพระพุทธศาสนา{nm}": "lead", f"สำนักงานวัฒนธรรม{nm}": "lead",
                               "เทศบาลนครนครราชสีมา": "support"}
    assert (items[5].due, items[5].recurrence) == (None, None)
    assert roles(items[5]) == {"ส่วนราชการทุกส่วนราชการ": "lead"}
    (note,) = draft.warnings
    assert (note.code, note.seq, dict(note.params)["phrase"]) == ("importer.relative_due", 5,
                                                                  "ภายใน 15 วัน นับแต่วันสิ้นไตรมาส")
    assert note.text("en") == ("item 5: the deadline is a span (ภายใน 15 วัน นับแต่วันสิ้นไตรมาส), not a date; "
                               "no due date was set")


def test_phrae_prose_with_other_verbs_a_letterhead_beside_the_number_and_district_chiefs() -> None:
    draft = read_letter(LETTERS / "phrae-minutes-2566.txt")
    d = draft.directive
    # No office under the signature: the letterhead beside the number names the issuer.
    assert (d.number, d.date, d.issuer) == ("พร 0017.2/ว 1123", "2023-10-02", "จังหวัดแพร่")
    assert d.subject == "ข้อสั่งการผู้ว่าราชการจังหวัดแพร่ ในการประชุมหัวหน้าส่วนราชการ ครั้งที่ ๙/๒๕๖๖"
    items = {i.seq: i for i in draft.items}
    assert [(s, i.due, i.recurrence, i.every) for s, i in items.items()] == [
        (1, None, "ทุกสัปดาห์", "P1W"), (2, None, None, None), (3, "2023-12-31", None, None),
        (4, None, "เดือนละครั้ง", "P1M")]
    assert roles(items[1]) == {"สำนักงานเกษตรจังหวัดแพร่": "lead", "สำนักงานพาณิชย์จังหวัดแพร่": "support"}
    # นายอำเภอทุกอำเภอ are the districts; "ณ ลาน… อำเภอเมืองแพร่" is where, not who.
    assert roles(items[2]) == {"ที่ทำการปกครองจังหวัดแพร่": "lead", "อำเภอทุกอำเภอ": "support"}
    assert roles(items[3]) == {"สำนักงานสาธารณสุขจังหวัดแพร่": "lead", "โรงพยาบาลแพร่": "lead"}
    assert roles(items[4]) == {"องค์การบริหารส่วนจังหวัดแพร่": "lead", "แขวงทางหลวงแพร่": "lead",
                               "แขวงทางหลวงชนบทแพร่": "lead"}
    assert draft.warnings == ()
