"""Names a province's own letters leave short: a provincial office without its province
(``สำนักงานพาณิชย์จังหวัด``) and a district the lead is told to work with
(``ประสานอำเภอเฝ้าไร่``). Both must reach the board as the agencies they are."""

from __future__ import annotations

from storage.formats.agencies import AgencyIndex
from storage.formats.draft import Draft, DraftAgency, DraftDirective, DraftItem
from storage.formats.letters import parse_letter_text
from storage.formats.province import complete_provinces
from storage.formats.prose import assignees
from storage.formats.reader import read_letter
from storage.models import Agency
from tests.importing.helpers import LETTERS, roles

NONGKHAI = LETTERS / "nongkhai-flood-orders-bare-province.txt"
NK = "จังหวัดหนองคาย"


def test_a_provinces_letter_names_its_offices_without_the_province() -> None:
    draft = read_letter(NONGKHAI)
    assert draft.directive.issuer == f"สำนักงาน{NK}"
    one, two, three, four = draft.items
    # The office written without its province is the letter's province's office, and the
    # districts it is told to coordinate with support the order.
    assert roles(one) == {f"สำนักงานป้องกันและบรรเทาสาธารณภัย{NK}": "lead",
                          "อำเภอเฝ้าไร่": "support", "อำเภอโพนพิสัย": "support"}
    assert one.due == "2026-09-10"
    assert roles(two) == {f"สำนักงานเกษตร{NK}": "lead", f"สำนักงานพาณิชย์{NK}": "support"}
    # A verb glued to a district's name is not part of it; the capital district ends at its
    # province; the hall where the shelter stands (ณ …) is a place, not an assignee.
    assert roles(three) == {f"ที่ทำการปกครอง{NK}": "lead", "เทศบาลเมืองหนองคาย": "support",
                            "อำเภอเมืองหนองคาย": "support"}
    # Districts the news is spread in (ในเขตอำเภอ…) are places: only the office is assigned.
    assert roles(four) == {f"สำนักงานประชาสัมพันธ์{NK}": "lead"}
    short = {a.name: a.short for item in draft.items for a in item.agencies}
    assert short[f"สำนักงานพาณิชย์{NK}"] == "พณ.หนองคาย"


def test_a_completed_name_is_the_boards_agency_when_the_board_knows_it() -> None:
    known = [Agency(id="ag-commerce", name=f"สำนักงานพาณิชย์{NK}", short="พณ.นค.")]
    two = read_letter(NONGKHAI, known).items[1]
    commerce = next(a for a in two.agencies if a.role == "support")
    assert (commerce.name, commerce.agency_id, commerce.short) == (f"สำนักงานพาณิชย์{NK}", "ag-commerce", "พณ.นค.")


def _draft(issuer: str, *names: str) -> Draft:
    agencies = tuple(DraftAgency(name=n, role="lead" if i == 0 else "support") for i, n in enumerate(names))
    return Draft(directive=DraftDirective(number="", date=None, subject="", issuer=issuer),
                 items=(DraftItem(seq=1, text="ข้อสั่งการ", agencies=agencies),))


def test_a_letter_from_the_centre_keeps_the_bare_name_it_means_for_every_province() -> None:
    draft = _draft("กรมการปกครอง", "สำนักงานพัฒนาชุมชนจังหวัด", "ที่ทำการปกครองจังหวัด")
    assert complete_provinces(draft, AgencyIndex()) == draft


def test_without_an_issuer_the_one_province_the_letter_names_is_used_and_never_a_guess() -> None:
    one = _draft("", "สำนักงานเกษตรจังหวัดน่าน", "สำนักงานพาณิชย์จังหวัด")
    assert [a.name for a in complete_provinces(one, AgencyIndex()).items[0].agencies] == [
        "สำนักงานเกษตรจังหวัดน่าน", "สำนักงานพาณิชย์จังหวัดน่าน"]
    two = _draft("", "สำนักงานเกษตรจังหวัดน่าน", "สำนักงานเกษตรจังหวัดแพร่", "สำนักงานพาณิชย์จังหวัด")
    assert complete_provinces(two, AgencyIndex()) == two  # two provinces: which one is not ours to guess


def test_a_bare_name_and_its_full_form_in_one_item_are_one_agency_and_lead_wins() -> None:
    draft = _draft("ผู้ว่าราชการจังหวัดน่าน", "สำนักงานเกษตรจังหวัดน่าน", "สำนักงานเกษตรจังหวัด")
    draft = Draft(directive=draft.directive, items=(DraftItem(seq=1, text="x", agencies=(
        DraftAgency(name="สำนักงานเกษตรจังหวัด", role="support"),
        DraftAgency(name="สำนักงานเกษตรจังหวัดน่าน", role="lead"))),))
    (item,) = complete_provinces(draft, AgencyIndex()).items
    assert [(a.name, a.role) for a in item.agencies] == [("สำนักงานเกษตรจังหวัดน่าน", "lead")]


def test_a_table_cell_with_a_bare_name_is_completed_too() -> None:
    text = ("ที่ นน ๐๐๑๗.๓/ว ๒๒๑                                  ศาลากลางจังหวัดน่าน\n"
            "เรื่อง ข้อสั่งการผู้ว่าราชการจังหวัดน่าน\n"
            "ลำดับ\tข้อสั่งการ\tหน่วยงานรับผิดชอบ\n"
            "1\tเร่งรัดการเบิกจ่ายงบประมาณ\tสำนักงานคลังจังหวัด\n")
    draft = parse_letter_text(text)
    assert draft.directive.issuer.endswith("จังหวัดน่าน")
    completed = complete_provinces(draft, AgencyIndex())
    assert roles(completed.items[0]) == {"สำนักงานคลังจังหวัดน่าน": "lead"}


def test_districts_only_count_when_the_order_names_them_as_partners() -> None:
    idx = AgencyIndex()
    said = dict(assignees("ให้สำนักงานเกษตรจังหวัดน่านร่วมกับอำเภอท่าวังผาจัดงานเทศกาลส้มสีทอง", idx))
    assert said == {"สำนักงานเกษตรจังหวัดน่าน": None, "อำเภอท่าวังผา": "support"}
    # Where the work happens is not who does it.
    assert dict(assignees("ให้สำนักงานเกษตรจังหวัดน่านจัดงานในเขตอำเภอท่าวังผา และอำเภอปัว", idx)) == {
        "สำนักงานเกษตรจังหวัดน่าน": None}
    # A head glued to a leading vowel is inside a word: ``ให้ปภ.`` names ปภ., not ``ห้ปภ.``.
    assert [n for n, _ in assignees("ให้ปภ.จังหวัดน่านเตรียมเครื่องสูบน้ำ", idx)] == ["ปภ.จังหวัดน่าน"]


def test_a_joiner_glued_to_a_partners_name_is_not_part_of_it() -> None:
    # PDFium drops the space the typist put after และ or before it: "ฝ่ายปกครองและ สสจ.…".
    idx = AgencyIndex()
    assert assignees("ให้ตำรวจภูธรจังหวัดพัทลุงเป็นหน่วยงานหลัก โดยมี ฝ่ายปกครองและ สสจ.พัทลุง สนับสนุน", idx) == [
        ("ตำรวจภูธรจังหวัดพัทลุง", "lead"), ("ฝ่ายปกครอง", "support"), ("สสจ.พัทลุง", "support")]
    assert [n for n, _ in assignees("ให้สำนักงานเกษตรจังหวัดน่านร่วมกับอำเภอปัวและ อำเภอท่าวังผา จัดงาน", idx)] == [
        "สำนักงานเกษตรจังหวัดน่าน", "อำเภอปัว", "อำเภอท่าวังผา"]


def test_a_letters_number_code_names_its_province_when_nothing_else_does(tmp_path) -> None:
    from storage.formats import genre

    # Every province has one code; no ministry's code (มท, สธ, กษ…) is one of them.
    assert sorted(genre.PROVINCE_CODES.values()) == sorted(genre.PROVINCES)
    assert not {"มท", "สธ", "กษ", "ศธ", "พม", "ทส", "อก", "นร", "กค", "รง"} & set(genre.PROVINCE_CODES)
    text = "\n".join(["ที่ ลป ๐๐๑๗.๓/ว ๑๑๒", "๒ ธันวาคม ๒๕๖๙", "เรื่อง ติดตามงาน",
                      "ลำดับ  ประเด็น  หน่วยงานรับผิดชอบ", "1  ตรวจราคาสินค้า  สำนักงานพาณิชย์จังหวัด"])
    letter = tmp_path / "letter.txt"
    letter.write_text(text, encoding="utf-8")
    (item,) = read_letter(letter).items
    assert [a.name for a in item.agencies] == ["สำนักงานพาณิชย์จังหวัดลำปาง"]
    # A ministry's circular names no province: its bare names stay as written.
    letter.write_text(text.replace("ลป ๐๐๑๗.๓", "มท ๐๒๑๑.๓"), encoding="utf-8")
    (item,) = read_letter(letter).items
    assert [a.name for a in item.agencies] == ["สำนักงานพาณิชย์จังหวัด"]
