"""The agency picker's filter: Thai-normalised, short names and spellings, new names."""

from __future__ import annotations

from storage.editing.pick import new_name, pick_agencies
from storage.models import Agency

AGENCIES = (
    Agency("a1", "สำนักงานพัฒนาชุมชนจังหวัดระยอง", "พช.ระยอง"),
    Agency("a2", "สำนักงานจังหวัดระยอง", "สนจ.ระยอง", ("สนจ. ระยอง",)),
    Agency("a3", "อำเภอทุกอำเภอ", "ทุกอำเภอ"),
    Agency("a4", "สำนักงานวัฒนธรรมจังหวัดระยอง", "วธ.ระยอง"),
)


def ids(found) -> list[str]:
    return [a.id for a in found]


def test_blank_lists_all_by_name_and_exclusions_leave() -> None:
    assert ids(pick_agencies(AGENCIES, "")) == ["a2", "a1", "a4", "a3"]
    assert ids(pick_agencies(AGENCIES, "", frozenset({"a2"}))) == ["a1", "a4", "a3"]


def test_short_names_and_parts_of_names_match_starts_first() -> None:
    assert ids(pick_agencies(AGENCIES, "พช")) == ["a1"]
    assert ids(pick_agencies(AGENCIES, "ระยอง")) == ["a2", "a1", "a4"]  # all contain it; none starts with it
    assert ids(pick_agencies(AGENCIES, "ทุก")) == ["a3"]


def test_spelling_variants_match() -> None:
    assert ids(pick_agencies(AGENCIES, "อําเภอ")) == ["a3"]  # ํา typed for ำ
    assert ids(pick_agencies(AGENCIES, "สนจ ระยอง")) == ["a2"]
    assert ids(pick_agencies(AGENCIES, "สนง.พช.จ.ระยอง")) == ["a1"]  # the importer's short form


def test_a_new_name_is_offered_only_when_unknown() -> None:
    assert new_name(AGENCIES, "สำนักงานเกษตรจังหวัดระยอง") == "สำนักงานเกษตรจังหวัดระยอง"
    assert new_name(AGENCIES, "พช.ระยอง") == ""
    assert new_name(AGENCIES, "สำนักงานพัฒนาชุมชน จังหวัดระยอง") == ""
    assert new_name(AGENCIES, "   ") == ""
