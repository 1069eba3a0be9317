"""Agency names: where one ends and the next begins, roles, normalising and matching."""

from __future__ import annotations

import pytest

from storage.formats.agencies import AgencyIndex, agency_key, match_agency, normalize_agency, short_name
from storage.formats.responsible import read_agencies
from storage.ids import agency_id
from storage.models import Agency

KRO = "คณะกรรมการร่วมภาครัฐและภาคเอกชนเพื่อพัฒนาและแก้ไขปัญหาทางเศรษฐกิจ (กรอ.) จังหวัดระยอง"


def names(cell: str, known=()) -> list[tuple[str, str | None]]:
    return [(normalize_agency(n), r) for n, r in read_agencies(cell, AgencyIndex(known))]


@pytest.mark.parametrize(
    "cell, expected",
    [
        # Four collective agencies separated by spaces and a spaced และ.
        ("ส่วนราชการทุกส่วนราชการ อำเภอทุกอำเภอ หน่วยงานรัฐวิสาหกิจ และองค์กรปกครองส่วนท้องถิ่นทุกแห่ง",
         ["ส่วนราชการทุกส่วนราชการ", "อำเภอทุกอำเภอ", "หน่วยงานรัฐวิสาหกิจ", "องค์กรปกครองส่วนท้องถิ่นทุกแห่ง"]),
        # และ inside a name (not followed by a name head) is not a split; (กรอ.) and จังหวัด… stay.
        (KRO, [KRO]),
        # Glued และ between two provincial offices.
        ("สำนักงานพระพุทธศาสนาจังหวัดระยองและสำนักงานวัฒนธรรมจังหวัดระยอง",
         ["สำนักงานพระพุทธศาสนาจังหวัดระยอง", "สำนักงานวัฒนธรรมจังหวัดระยอง"]),
        ("ปศุสัตว์จังหวัดน่าน ประมงจังหวัดน่าน, เกษตรจังหวัดน่าน",
         ["ปศุสัตว์จังหวัดน่าน", "ประมงจังหวัดน่าน", "เกษตรจังหวัดน่าน"]),
        ("สนจ.ระยอง พช.ระยอง", ["สนจ.ระยอง", "พช.ระยอง"]),
        ("อบจ.ระยอง และ อปท. ทุกแห่ง", ["อบจ.ระยอง", "อปท. ทุกแห่ง"]),
        ("มณฑลทหารบกที่ 14 กองบังคับการตำรวจภูธรจังหวัดระยอง", ["มณฑลทหารบกที่ 14", "กองบังคับการตำรวจภูธรจังหวัดระยอง"]),
        ("สำนักงานจังหวัดระยอง/สำนักงานพัฒนาชุมชนจังหวัดระยอง",
         ["สำนักงานจังหวัดระยอง", "สำนักงานพัฒนาชุมชนจังหวัดระยอง"]),
        ("1. สำนักงานจังหวัดระยอง 2. โรงพยาบาลระยอง", ["สำนักงานจังหวัดระยอง", "โรงพยาบาลระยอง"]),
        ("สำนักงานจังหวัดระยอง ร่วมกับ สำนักงานพาณิชย์จังหวัดระยอง",
         ["สำนักงานจังหวัดระยอง", "สำนักงานพาณิชย์จังหวัดระยอง"]),
        # A duty after the name is not part of it, nor are the agencies it mentions.
        ("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดระยองบริหารจัดการสถานที่ ประสานหน่วยงานที่เกี่ยวข้อง",
         ["สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดระยอง"]),
        ("สำนักงาน จังหวัด ระยอง", ["สำนักงานจังหวัดระยอง"]),
        ("<ul style=\"list-style-type: none\"> - อำเภอทุกอำเภอ", ["อำเภอทุกอำเภอ"]),
    ],
)
def test_where_names_end(cell: str, expected: list[str]) -> None:
    assert [n for n, _ in names(cell)] == expected


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("สำนักงานจังหวัดระยองเป็นหน่วยงานหลักในการประสานการดำเนินงาน", [("สำนักงานจังหวัดระยอง", "lead")]),
        ("สำนักงานพัฒนาชุมชนจังหวัดระยอง และอำเภอทุกอำเภอเป็นกลไกหลักในการดำเนินการ",
         [("สำนักงานพัฒนาชุมชนจังหวัดระยอง", "lead"), ("อำเภอทุกอำเภอ", "lead")]),
        ("อำเภอทุกอำเภอ หน่วยงานรัฐวิสาหกิจ สนับสนุนการปฏิบัติ",
         [("อำเภอทุกอำเภอ", "support"), ("หน่วยงานรัฐวิสาหกิจ", "support")]),
        ("สำนักงานจังหวัดระยองในฐานะฝ่ายเลขานุการกรอ.จังหวัดระยอง", [("สำนักงานจังหวัดระยอง", None)]),
        ("สำนักงานจังหวัดชลบุรี (หน่วยงานหลัก), อำเภอทุกอำเภอ",
         [("สำนักงานจังหวัดชลบุรี", "lead"), ("อำเภอทุกอำเภอ", None)]),
        ("สำนักงานจังหวัดระยอง(หน่วยงานหลัก) อำเภอทุกอำเภอ(สนับสนุน)",
         [("สำนักงานจังหวัดระยอง", "lead"), ("อำเภอทุกอำเภอ", "support")]),
        ("หน่วยงานหลัก: สำนักงานพัฒนาชุมชนจังหวัดน่าน\nหน่วยงานสนับสนุน: สำนักงานพาณิชย์จังหวัดน่าน",
         [("สำนักงานพัฒนาชุมชนจังหวัดน่าน", "lead"), ("สำนักงานพาณิชย์จังหวัดน่าน", "support")]),
        ("สำนักงานจังหวัดระยองเป็นเจ้าภาพหลัก", [("สำนักงานจังหวัดระยอง", "lead")]),
    ],
)
def test_roles(cell: str, expected: list[tuple[str, str | None]]) -> None:
    assert names(cell) == expected


def test_a_known_name_is_never_split_even_at_and_plus_a_head() -> None:
    # A (made-up) office whose own name contains "และสำนักงาน": known to the board, kept whole.
    odd = Agency(agency_id("ศูนย์ประสานงานจังหวัดและสำนักงานเลขาธิการ"), "ศูนย์ประสานงานจังหวัดและสำนักงานเลขาธิการ")
    assert [n for n, _ in names("ศูนย์ประสานงานจังหวัดและสำนักงานเลขาธิการ อำเภอทุกอำเภอ")] == [
        "ศูนย์ประสานงานจังหวัด", "สำนักงานเลขาธิการ", "อำเภอทุกอำเภอ"]
    assert [n for n, _ in names("ศูนย์ประสานงานจังหวัดและสำนักงานเลขาธิการ อำเภอทุกอำเภอ", [odd])] == [
        odd.name, "อำเภอทุกอำเภอ"]


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("  - สำนักงานจังหวัดระยอง  ", "สำนักงานจังหวัดระยอง"),
        ("สำนักงานจังหวัดระยองเป็นหน่วยงานหลักในการประสาน", "สำนักงานจังหวัดระยอง"),
        ("อำเภอทุกอำเภอ สนับสนุนการปฏิบัติ", "อำเภอทุกอำเภอ"),
        ("สำนักงานจังหวัดระยอง (หน่วยงานหลัก),", "สำนักงานจังหวัดระยอง"),
        ("คณะกรรมการ…เศรษฐกิจ(กรอ.)จังหวัดระยอง", "คณะกรรมการ…เศรษฐกิจ (กรอ.) จังหวัดระยอง"),
        ("ศูนย์ ๑๒", "ศูนย์ 12"),
        ("สำนักงานพัฒนาชุมชน จังหวัดระยอง", "สำนักงานพัฒนาชุมชนจังหวัดระยอง"),
        ("<b>สำนักงานจังหวัดระยอง</b>&nbsp;", "สำนักงานจังหวัดระยอง"),
    ],
)
def test_normalize(raw: str, clean: str) -> None:
    assert normalize_agency(raw) == clean


def test_keys_equal_for_spellings_of_one_office() -> None:
    full = agency_key("สำนักงานพัฒนาชุมชนจังหวัดระยอง")
    assert agency_key("สนง.พัฒนาชุมชน จ.ระยอง") == full
    assert agency_key(" สำนักงาน พัฒนาชุมชนจังหวัดระยอง ") == full
    assert agency_key("สำนักงานพัฒนาชุมชนจังหวัดระนอง") != full


def test_match_by_name_short_name_and_alias() -> None:
    pch = Agency("a1", "สำนักงานพัฒนาชุมชนจังหวัดระยอง", "พช.ระยอง", ("พัฒนาการจังหวัดระยอง",))
    kro = Agency("a2", KRO, "กรอ.ระยอง")
    known = [pch, kro]
    assert match_agency("สนง.พัฒนาชุมชนจังหวัดระยอง", known) is pch
    assert match_agency("พช.ระยอง", known) is pch
    assert match_agency("พัฒนาการจังหวัดระยอง", known) is pch
    assert match_agency("กรอ.จังหวัดระยอง", known) is kro
    assert match_agency("สำนักงานพัฒนาชุมชนจังหวัดระนอง", known) is None
    assert match_agency("", known) is None


def test_short_names() -> None:
    assert short_name(KRO) == "กรอ.ระยอง"
    assert short_name("สำนักงานจังหวัดระยอง") == "สนจ.ระยอง"
    assert short_name("องค์กรปกครองส่วนท้องถิ่นทุกแห่ง") == "อปท.ทุกแห่ง"
    assert short_name("โรงพยาบาลระยอง") == ""


def test_well_known_short_forms_become_the_full_office_name() -> None:
    from storage.formats.agencies import expand_short
    from storage.formats.letters import parse_letter_text

    assert expand_short("สนง.พช.จ.ระยอง") == "สำนักงานพัฒนาชุมชนจังหวัดระยอง"
    assert expand_short("ปภ.จ.ลำปาง") == "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดลำปาง"
    assert expand_short("โรงพยาบาลระยอง") is None
    text = ("ที่ รย 1/ว 2\nลำดับ\tประเด็น\tหน่วยงาน\n1\tก\tพช.ระยอง (หน่วยงานหลัก), สนจ.ระยอง\n"
            "2\tข\tสำนักงานพัฒนาชุมชนจังหวัดระยอง\n")
    one, two = parse_letter_text(text).items
    assert [(a.name, a.short) for a in one.agencies] == [
        ("สำนักงานพัฒนาชุมชนจังหวัดระยอง", "พช.ระยอง"), ("สำนักงานจังหวัดระยอง", "สนจ.ระยอง")]
    assert [a.name for a in two.agencies] == ["สำนักงานพัฒนาชุมชนจังหวัดระยอง"]


def test_html_debris_is_dropped_and_entities_are_decoded() -> None:
    from storage.formats.agencies import clean_text

    # Entities mean characters (the old five-entity table turned each into a blank); tags go.
    assert clean_text('<ul style="x">กรอ. &amp; ภาคเอกชน</ul>') == " กรอ. & ภาคเอกชน "
    assert clean_text("&#3626;&#3609;&#3592;.ระยอง") == "สนจ.ระยอง"
    assert clean_text("a&nbsp;b &lt;1&gt;") == "a\xa0b <1>"
    assert clean_text("ทุก&#x0E2D;ำเภอ") == "ทุกอำเภอ"
