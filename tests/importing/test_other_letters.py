"""Letters in other shapes than the sample: other provinces, ASCII digits, a deadline column,
``(หน่วยงานหลัก)`` markers, comma lists, multi-line cells, pipe tables, CRLF and a BOM."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.formats.letters import parse_letter_text
from storage.formats.reader import read_letter
from tests.importing.helpers import DEBRIS_RE, LETTERS, roles

CHONBURI = LETTERS / "chonburi-ascii-deadline-column.txt"
NAN = LETTERS / "nan-multiline-cells.txt"
KHONKAEN = LETTERS / "khonkaen-pipe-table.txt"


def by_seq(draft) -> dict:
    return {i.seq: i for i in draft.items}


def test_chonburi_ascii_digits_deadline_column_and_lead_markers() -> None:
    draft = read_letter(CHONBURI)
    d = draft.directive
    assert (d.number, d.date, d.issuer) == ("ชบ 0017.3/ว 1234", "2023-10-05", "สำนักงานจังหวัดชลบุรี")
    assert d.subject == "การขับเคลื่อนข้อสั่งการของผู้ว่าราชการจังหวัดชลบุรี ในการประชุมหัวหน้าส่วนราชการ ครั้งที่ 9/2566"
    assert d.references == ("ชบ 0017.3/ว 987",)
    items = by_seq(draft)
    assert [s for s in items] == [1, 2, 3, 4]
    # The deadline column wins; "-" means no deadline.
    assert {s: i.due for s, i in items.items()} == {1: "2023-12-31", 2: None, 3: None, 4: "2023-11-15"}
    assert (items[1].recurrence, items[1].every) == ("ทุกเดือน", "P1M")
    assert (items[3].recurrence, items[3].every) == ("ทุก 2 สัปดาห์", "P2W")
    assert roles(items[1]) == {"สำนักงานคลังจังหวัดชลบุรี": "lead", "ส่วนราชการทุกส่วนราชการ": "support",
                               "อำเภอทุกอำเภอ": "support"}
    assert roles(items[3]) == {"สำนักงานประชาสัมพันธ์จังหวัดชลบุรี": "lead"}
    # Named twice (once marked lead): one card, lead; "(สนับสนุน)" marks support.
    assert roles(items[4]) == {"สำนักงานพัฒนาชุมชนจังหวัดชลบุรี": "lead", "อำเภอทุกอำเภอ": "support"}
    assert draft.warnings == ()


def test_crlf_and_bom_read_like_the_plain_file(tmp_path: Path) -> None:
    crlf = tmp_path / "chonburi-windows.txt"
    crlf.write_bytes(b"\xef\xbb\xbf" + CHONBURI.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    plain, windows = read_letter(CHONBURI), read_letter(crlf)
    assert windows.items == plain.items
    assert windows.directive.number == plain.directive.number


def test_tis620_text_is_decoded(tmp_path: Path) -> None:
    legacy = tmp_path / "chonburi-tis620.txt"
    legacy.write_bytes(CHONBURI.read_text(encoding="utf-8").encode("cp874"))
    assert read_letter(legacy).items == read_letter(CHONBURI).items


def test_nan_multiline_cells_repeated_header_and_role_prefixes() -> None:
    draft = read_letter(NAN)
    d = draft.directive
    assert (d.number, d.date, d.issuer) == ("นน 0017.1/ว 555", "2022-11-02", "สำนักงานพัฒนาชุมชนจังหวัดน่าน")
    assert d.references == ("มท 0410.2/ว 3021",)
    items = by_seq(draft)
    assert sorted(items) == [1, 2, 3]
    # Item 1's text and agencies continue on the next lines; "- ๒ -" and the header are skipped.
    assert items[1].text.endswith("ทุกเดือน ภายในเดือนธันวาคม ๒๕๖๕")
    assert items[1].due == "2022-12-31"
    assert roles(items[1]) == {"สำนักงานพัฒนาชุมชนจังหวัดน่าน": "lead", "สำนักงานพาณิชย์จังหวัดน่าน": "support",
                               "สำนักงานเกษตรจังหวัดน่าน": "support"}
    assert items[2].subpoints == ("ส่งเสริมการออมในกองทุนชุมชน", "อบรมการทำบัญชีครัวเรือน",
                                  "รายงานผลอย่างน้อย ๓ เดือนต่อครั้ง")
    assert items[2].recurrence == "อย่างน้อย 3 เดือนต่อครั้ง"
    assert roles(items[2]) == {"อำเภอทุกอำเภอ": "lead", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดน่าน": "support"}
    # "สนง." is the same office as "สำนักงาน", written in full everywhere in the letter.
    assert items[3].due == "2022-12-15"
    assert roles(items[3]) == {"สำนักงานพัฒนาชุมชนจังหวัดน่าน": "lead", "ที่ทำการปกครองจังหวัดน่าน": "lead"}


def test_khonkaen_pipe_table_with_lead_and_support_columns() -> None:
    draft = read_letter(KHONKAEN)
    assert draft.directive.issuer == "สำนักงานสาธารณสุขจังหวัดขอนแก่น"
    items = by_seq(draft)
    assert (items[1].due, items[1].recurrence, items[1].every) == ("2024-03-31", "สัปดาห์ละครั้ง", "P1W")
    assert items[2].due is None  # "ไม่กำหนด"
    assert roles(items[1]) == {"สำนักงานสาธารณสุขจังหวัดขอนแก่น": "lead", "องค์กรปกครองส่วนท้องถิ่นทุกแห่ง": "support",
                               "อำเภอทุกอำเภอ": "support", "โรงพยาบาลขอนแก่น": "support"}
    assert roles(items[2]) == {"สำนักงานศึกษาธิการจังหวัดขอนแก่น": "lead", "โรงพยาบาลขอนแก่น": "support",
                               "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต 1": "support"}


@pytest.mark.parametrize("path", [CHONBURI, NAN, KHONKAEN], ids=lambda p: p.stem)
def test_no_debris_in_names(path: Path) -> None:
    names = [a.name for i in read_letter(path).items for a in i.agencies]
    assert names and [n for n in names if DEBRIS_RE.search(n)] == []


def test_unreadable_deadline_is_a_warning_not_a_guess() -> None:
    text = "ที่ ตง 0017/ว 1\n1 มีนาคม 2567\nเรื่อง ทดสอบ\nลำดับ\tประเด็น\tหน่วยงาน\tกำหนดเสร็จ\n1\tทำงาน\tอำเภอทุกอำเภอ\tเร็วที่สุด\n"
    draft = parse_letter_text(text)
    assert draft.items[0].due is None
    (warning,) = draft.warnings
    assert (warning.code, warning.seq) == ("importer.bad_due", 1)
    assert "กำหนดเสร็จ" in str(warning) and "เร็วที่สุด" in str(warning)
    assert warning.text("en") == "item 1: unreadable deadline (เร็วที่สุด)"


def test_space_separated_table_without_tabs() -> None:
    text = (
        "ที่ ภก 0017.2/ว 88\n3 เม.ย. 67\nเรื่อง ความปลอดภัยทางถนน\n"
        "ลำดับ    ประเด็น    หน่วยงานที่รับผิดชอบ\n"
        "1    ตั้งจุดตรวจช่วงเทศกาลสงกรานต์    ตำรวจภูธรจังหวัดภูเก็ต (หน่วยงานหลัก) สำนักงานขนส่งจังหวัดภูเก็ต\n"
    )
    draft = parse_letter_text(text)
    assert roles(draft.items[0]) == {"ตำรวจภูธรจังหวัดภูเก็ต": "lead", "สำนักงานขนส่งจังหวัดภูเก็ต": "support"}


def test_trat_pdf_wrapped_cells_and_page_break() -> None:
    """pdftotext-style: cells wrapped onto the next line, a form feed, the header repeated."""
    draft = read_letter(LETTERS / "trat-pdf-wrapped.txt")
    d = draft.directive
    assert (d.number, d.date, d.issuer) == ("ตร 0017.2/ว 444", "2024-01-20", "จังหวัดตราด")
    assert d.subject == "การเตรียมความพร้อมรับนักท่องเที่ยว ช่วงเทศกาลตรุษจีน"
    one, two = draft.items
    assert (one.text, one.due) == ("ตรวจความปลอดภัยของเรือโดยสาร และท่าเทียบเรือทุกแห่ง", "2024-02-10")
    # "สำนักงานขนส่งทางน้ำ" + wrapped "จังหวัดตราด (หน่วยงานหลัก)" is one lead agency.
    assert roles(one) == {"สำนักงานขนส่งทางน้ำจังหวัดตราด": "lead", "ตำรวจภูธรจังหวัดตราด": "support"}
    assert (two.text, two.due, two.recurrence) == (
        "ดูแลความสะอาดชายหาดและแหล่งท่องเที่ยว ทุกสัปดาห์ตลอดเทศกาล", None, "ทุกสัปดาห์")
    assert roles(two) == {"องค์กรปกครองส่วนท้องถิ่นทุกแห่ง": "lead", "สำนักงานการท่องเที่ยวและกีฬาจังหวัดตราด": "support"}
    assert draft.warnings == ()


def test_wrapped_agency_line_without_leading_tab_never_lands_in_the_number_column() -> None:
    text = ("ที่ ชบ 0017/ว 1\nลำดับ\tประเด็น\tหน่วยงานที่รับผิดชอบ\tกำหนดเสร็จ\n"
            "1\tให้เร่งรัดการเบิกจ่าย\tสำนักงานคลังจังหวัด\t-\n"
            "งบประมาณให้เป็นไปตามเป้าหมาย\tชลบุรี\n")
    (item,) = parse_letter_text(text).items
    assert (item.seq, item.text) == (1, "ให้เร่งรัดการเบิกจ่าย งบประมาณให้เป็นไปตามเป้าหมาย")
    assert roles(item) == {"สำนักงานคลังจังหวัดชลบุรี": "lead"}


def test_yala_numbered_paragraphs_without_a_table() -> None:
    draft = read_letter(LETTERS / "yala-numbered-paragraphs.txt")
    d = draft.directive
    assert (d.number, d.date, d.issuer) == ("ยล 0017.1/ว 901", "2023-06-12", "สำนักงานจังหวัดยะลา")
    one, two = draft.items  # the numbered attachments (สิ่งที่ส่งมาด้วย 1. 2.) are not directives
    assert one.text == "ให้เร่งรัดการจัดทำทะเบียนผู้ประกอบการวิสาหกิจชุมชน และรายงานผลเดือนละครั้ง"
    assert (one.due, one.recurrence, one.every) == ("2023-08-31", "เดือนละครั้ง", "P1M")
    assert roles(one) == {"สำนักงานเกษตรจังหวัดยะลา": "lead", "อำเภอทุกอำเภอ": "support"}
    assert two.due is None
    assert roles(two) == {"องค์กรปกครองส่วนท้องถิ่นทุกแห่ง": "lead", "สำนักงานทรัพยากรน้ำภาค 9": "support",
                          "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดยะลา": "support"}
    assert draft.warnings == ()


def test_internal_memo_with_office_line_and_lead_support_columns() -> None:
    text = (
        "บันทึกข้อความ\n"
        "ส่วนราชการ สำนักงานจังหวัดระยอง กลุ่มงานยุทธศาสตร์ฯ โทร. 0 3869 4000\n"
        "ที่ รย 0017.2/123 วันที่ 3 สิงหาคม 2565\n"
        "เรื่อง ติดตามข้อสั่งการ\n"
        "ลำดับ\tประเด็น\tหน่วยงานหลัก\tหน่วยงานร่วม\n"
        "1\tจัดทำรายงาน\tสำนักงานจังหวัดระยอง\tหน่วยงานสนับสนุน ได้แก่ อำเภอทุกอำเภอ\n"
    )
    draft = parse_letter_text(text)
    d = draft.directive
    assert (d.number, d.date, d.issuer) == ("รย 0017.2/123", "2022-08-03", "สำนักงานจังหวัดระยอง")
    assert roles(draft.items[0]) == {"สำนักงานจังหวัดระยอง": "lead", "อำเภอทุกอำเภอ": "support"}


def test_table_rules_between_rows_are_not_text() -> None:
    text = ("ที่ ขก 1/ว 1\n| ลำดับ | มาตรการ | หน่วยงาน |\n|---|---|---|\n| 1 | ก | อำเภอทุกอำเภอ |\n"
            "|---|---|---|\n| 2 | ข | อำเภอทุกอำเภอ |\n+-----+\n")
    assert [(i.seq, i.text) for i in parse_letter_text(text).items] == [(1, "ก"), (2, "ข")]
