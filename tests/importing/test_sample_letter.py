"""The real Rayong letter รย ๐๐๑๗.๒/ว ๓๓๖๒: what an officer must see after importing it."""

from __future__ import annotations

import pytest

from storage.formats.letters import parse_letter_text
from storage.formats.reader import read_letter
from tests.importing.helpers import DEBRIS_RE, SAMPLE, roles, sample_text

SNJ = "สำนักงานจังหวัดระยอง"
PCH = "สำนักงานพัฒนาชุมชนจังหวัดระยอง"
KRO = "คณะกรรมการร่วมภาครัฐและภาคเอกชนเพื่อพัฒนาและแก้ไขปัญหาทางเศรษฐกิจ (กรอ.) จังหวัดระยอง"
COLLECTIVES = ("ส่วนราชการทุกส่วนราชการ", "อำเภอทุกอำเภอ", "หน่วยงานรัฐวิสาหกิจ", "องค์กรปกครองส่วนท้องถิ่นทุกแห่ง")


@pytest.fixture(scope="module")
def draft():
    return parse_letter_text(sample_text(), source=SAMPLE.name)


def item(draft, seq):
    return next(i for i in draft.items if i.seq == seq)


def test_directive_head(draft) -> None:
    d = draft.directive
    assert d.number == "รย 0017.2/ว 3362"
    assert d.date == "2022-07-17"
    assert d.subject.startswith("ผลการสัมมนาโครงการขับเคลื่อนแผนงานบูรณาการ")
    assert d.subject.endswith("ระดับผู้ปฏิบัติงาน")
    assert d.issuer == SNJ
    assert d.references == ("มท 0212.3/ว 4286",)
    assert d.source == SAMPLE.name
    assert draft.warnings == ()


def test_seven_items_in_order_with_verbatim_text(draft) -> None:
    assert [i.seq for i in draft.items] == [1, 2, 3, 4, 5, 6, 7]
    assert item(draft, 7).text.startswith("สำนักงานจังหวัดระยอง ต้องให้ความสำคัญ")
    assert item(draft, 7).text.endswith("ห้างร้านต่างๆ")
    # Thai digits stay in the verbatim text; debris does not.
    assert "๓๐ กันยายน ๒๕๖๕" in item(draft, 6).text
    assert all("<" not in i.text and "\t" not in i.text for i in draft.items)


def test_due_dates_and_recurrence(draft) -> None:
    assert item(draft, 6).due == "2022-09-30"
    assert [i.seq for i in draft.items if i.due] == [6]
    assert item(draft, 1).recurrence == "อย่างน้อย 2 เดือนต่อครั้ง"
    assert item(draft, 1).every == "P2M"
    assert [i.seq for i in draft.items if i.recurrence] == [1]


def test_item_four_has_two_subpoints(draft) -> None:
    subs = item(draft, 4).subpoints
    assert len(subs) == 2
    assert subs[0].startswith("ส่งเสริมแผนงาน/โครงการ") and subs[0].endswith("“ผ้าไทยใส่ให้สนุก”")
    assert subs[1].startswith("ส่งเสริมการปลูกผักสวนครัว")
    assert all(not i.subpoints for i in draft.items if i.seq != 4)


def test_item_one_secretariat_and_committee(draft) -> None:
    assert roles(item(draft, 1)) == {SNJ: "lead", KRO: "lead"}
    committee = item(draft, 1).agencies[1]
    assert committee.short == "กรอ.ระยอง"


@pytest.mark.parametrize("seq", [2, 3])
def test_collectives_support_the_provincial_office(draft, seq) -> None:
    expected = {name: "support" for name in COLLECTIVES} | {SNJ: "lead"}
    assert roles(item(draft, seq)) == expected


def test_item_four_community_development_leads(draft) -> None:
    assert roles(item(draft, 4)) == {name: "support" for name in COLLECTIVES} | {PCH: "lead"}


def test_item_five_two_leads_and_local_government_office(draft) -> None:
    assert roles(item(draft, 5)) == {
        "สำนักงานพระพุทธศาสนาจังหวัดระยอง": "lead",
        "สำนักงานวัฒนธรรมจังหวัดระยอง": "lead",
        "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดระยอง": "support",
    }


def test_item_six_districts_named_twice_lead_wins(draft) -> None:
    got = roles(item(draft, 6))
    assert got[PCH] == "lead" and got["อำเภอทุกอำเภอ"] == "lead"
    assert {n for n, r in got.items() if r == "support"} == set(COLLECTIVES) - {"อำเภอทุกอำเภอ"}
    assert len(item(draft, 6).agencies) == 5  # อำเภอทุกอำเภอ once


def test_item_seven_two_agencies(draft) -> None:
    assert roles(item(draft, 7)) == {SNJ: "lead", PCH: "lead"}


def test_no_debris_in_any_agency_name(draft) -> None:
    names = {a.name for i in draft.items for a in i.agencies}
    assert names == {SNJ, PCH, KRO, *COLLECTIVES, "สำนักงานพระพุทธศาสนาจังหวัดระยอง",
                     "สำนักงานวัฒนธรรมจังหวัดระยอง", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดระยอง"}
    assert [n for n in names if DEBRIS_RE.search(n)] == []


def test_read_letter_gives_the_same_draft_as_the_text_parser(draft) -> None:
    assert read_letter(SAMPLE) == draft


def test_json_shape_is_the_documented_one(draft) -> None:
    data = draft.to_json()
    assert set(data) == {"directive", "items", "warnings"}
    assert {"number", "date", "subject", "issuer", "references", "source"} <= set(data["directive"])
    first = data["items"][0]
    assert {"seq", "text", "due", "recurrence", "subpoints", "agencies"} <= set(first)
    assert first["agencies"][0] == {"name": SNJ, "role": "lead", "short": "สนจ.ระยอง"}
