"""Hand input checked before any save, and the CLI's references resolved (storage.editing)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.editing.errors import EditError, FormErrors
from storage.editing.impact import retire_impact
from storage.editing.origin import origin
from storage.editing.refs import known_agency, resolve_agency, resolve_item, resolve_letter
from storage.editing.values import AgencyChoice, check_item, check_letter, clean_block, clean_line
from storage.models import Directive, Note
from storage.sync.view import view
from storage.sync.codec import records_state
from tests.conftest import LETTER, card_of, rayong_records

TODAY = date(2024, 8, 1)


def snap():
    return view(records_state(rayong_records()))


def test_a_meeting_needs_no_number_and_its_date_is_read_as_typed() -> None:
    letter = check_letter("", "28 ส.ค. 67", " ประชุมหัวหน้าส่วนราชการ ", "", today=TODAY)
    assert letter.number == "" and letter.date == "2024-08-28" and letter.subject == "ประชุมหัวหน้าส่วนราชการ"


def test_every_wrong_field_is_named_at_once() -> None:
    with pytest.raises(FormErrors) as caught:
        check_letter(LETTER.replace("0017", "๐๐๑๗"), "31 ก.พ. 68", "  ", today=TODAY, snapshot=snap())
    fields = caught.value.by_field("th")
    assert set(fields) == {"number", "date", "subject"}
    assert "มีหนังสือเลขที่ รย 0017.2/ว 3362 ในกระดานแล้ว" in fields["number"]
    assert fields["date"] == "ไม่มีวันที่ ๓๑ ในเดือนกุมภาพันธ์ ๒๕๖๘: เดือนนี้มี ๒๘ วัน"
    assert caught.value.by_field("en")["subject"] == "a subject is needed"


def test_an_item_keeps_its_lines_and_reads_none() -> None:
    item = check_item("\r\nข้อ ๑ ให้ทุกอำเภอ\r\n  รายงานผล\x1b[31m\n\n", "none", "ไม่มี", today=TODAY)
    assert item.text == "ข้อ ๑ ให้ทุกอำเภอ\nรายงานผล[31m" and item.due is None and item.recurrence is None
    item = check_item("x", "30/9/2568", " ทุก 2 เดือน ", (AgencyChoice("พช.ระยอง", "lead"),))
    assert item.due == "2025-09-30" and item.recurrence == "ทุก 2 เดือน"


def test_an_item_form_needs_text_and_an_agency() -> None:
    with pytest.raises(FormErrors) as caught:
        check_item(" \n ", "1/13/2568", "", need_agency=True)
    assert set(caught.value.by_field("en")) == {"text", "due", "agencies"}


@given(st.text())
def test_cleaned_text_has_no_control_characters(text: str) -> None:
    for cleaned in (clean_line(text), clean_block(text)):
        assert not any(ord(ch) < 32 and ch != "\n" or 0x7f <= ord(ch) <= 0x9f for ch in cleaned)
    assert "\n" not in clean_line(text)


def test_letters_by_number_in_any_digits_or_by_id() -> None:
    board = snap()
    directive = next(iter(board.directives.values()))
    assert resolve_letter(board, "รย ๐๐๑๗.๒/ว ๓๓๖๒") == directive
    assert resolve_letter(board, "รย0017.2/ว3362") == directive
    assert resolve_letter(board, directive.id[:6]) == directive
    with pytest.raises(EditError) as caught:
        resolve_letter(board, "ศธ 1234")
    assert caught.value.key == "edits.no_letter"


def test_items_by_number_and_seq_or_by_id_or_by_a_card() -> None:
    board = snap()
    six = resolve_item(board, f"{LETTER}:6")
    assert six.seq == 6
    assert resolve_item(board, f"{LETTER}:๖") == six
    assert resolve_item(board, six.id[:8]) == six
    assert resolve_item(board, card_of(6)[:8]) == six
    with pytest.raises(EditError) as caught:
        resolve_item(board, f"{LETTER}:9")
    assert "no item" in str(caught.value)


def test_agencies_by_name_short_name_spelling_or_id_and_unknown_is_none() -> None:
    board = snap()
    pc = next(a for a in board.agencies.values() if a.short == "พช.ระยอง")
    assert resolve_agency(board, "พช.ระยอง") == pc
    assert resolve_agency(board, "สำนักงานพัฒนาชุมชนจังหวัดระยอง") == pc
    assert resolve_agency(board, "สนง.พัฒนาชุมชนจังหวัดระยอง") == pc  # a spelling the importer knows
    assert resolve_agency(board, pc.id[:6]) == pc
    assert resolve_agency(board, "สำนักงานเกษตรจังหวัดระยอง") is None
    with pytest.raises(EditError):
        known_agency(board, "สำนักงานเกษตรจังหวัดระยอง")


def test_retiring_counts_what_goes() -> None:
    board = snap()
    board = type(board)(board.directives, board.items, board.agencies, board.cards,
                        {card_of(6): (Note("n1", card_of(6), "ok", "a", ""), Note("n2", card_of(6), "ok", "a", ""))})
    six = resolve_item(board, f"{LETTER}:6")
    item = retire_impact(board, "item", six.id)
    assert len(item.cards) == 3 and item.notes == 2
    letter = retire_impact(board, "letter", six.directive_id)
    assert len(letter.items) == 7 and len(letter.cards) == len(board.cards) == 14 and letter.notes == 2
    assert retire_impact(board, "card", card_of(1)).cards == (card_of(1),)


def test_a_meeting_shows_what_and_when_a_letter_its_number() -> None:
    meeting = Directive("m", "", "2024-08-28", "ประชุมหัวหน้าส่วนราชการ")
    assert origin(meeting, "th") == "ประชุมหัวหน้าส่วนราชการ ๒๘ ส.ค. ๖๗"
    assert origin(meeting, "en") == "ประชุมหัวหน้าส่วนราชการ 28 ส.ค. 67"
    letter = Directive("l", LETTER, "2022-07-17", "x")
    assert origin(letter, "th") == "รย ๐๐๑๗.๒/ว ๓๓๖๒ · ๑๗ ก.ค. ๖๕"


def test_an_agency_edit_keeps_only_changes_and_refuses_another_agencys_name() -> None:
    from storage.editing.values import check_agency_edit

    agencies = tuple(snap().agencies.values())
    pc = next(a for a in agencies if a.short == "พช.ระยอง")
    edit = check_agency_edit(pc, pc.name, " พช. ระยอง ", "สนง.พช.จ.ระยอง", agencies)
    assert (edit.name, edit.short, edit.alias) == (None, "พช. ระยอง", "สนง.พช.จ.ระยอง")
    with pytest.raises(FormErrors) as caught:
        check_agency_edit(pc, "สำนักงานจังหวัดระยอง", "", "สนจ.ระยอง", agencies)
    fields = caught.value.by_field("th")
    assert set(fields) == {"name", "alias"} and "สำนักงานจังหวัดระยอง" in fields["name"]
    with pytest.raises(FormErrors):
        check_agency_edit(pc, "  ", "", "", agencies)


def test_a_card_tag_names_a_meeting_by_what_it_was() -> None:
    from storage.editing.origin import origin_tag

    assert origin_tag(Directive("m", "", "2024-08-28", "ประชุมหัวหน้าส่วนราชการ")) == "ประชุม"
    # Meetings' titles start alike ("ข้อสั่งการ …", "รายงานการประชุม …"): their sitting tells them apart.
    assert origin_tag(Directive("c", "", "2026-11-24", "ข้อสั่งการ ผวจ.สพ. ในที่ประชุมกรมการจังหวัด ครั้งที่ 11/2569")) == "11/69"
    assert origin_tag(Directive("k", "", None, "รายงานการประชุม ครั้งที่ ๓ / ๒๕๖๘")) == "3/68"
    assert origin_tag(Directive("k", "", None, "ประชุม ครั้งที่ 3/2568 1 ธันวาคม 2568")) == "3/68"
    assert origin_tag(Directive("l", LETTER, "2022-07-17", "x")) == "3362"
    assert origin_tag(None) == ""


def test_a_letter_and_its_items_by_the_tag_its_cards_show() -> None:
    """The board tags cards ๖#๓๓๖๒ and ๑#ประชุม: an officer types what is shown."""
    from dataclasses import replace

    board = snap()
    letter = next(iter(board.directives.values()))
    meeting = Directive("m" * 16, "", "2024-08-28", "ประชุมหัวหน้าส่วนราชการ")
    other = Directive("o" * 16, "ชบ 0017/ว 9002", "2024-08-28", "x")
    board = replace(board, directives={**board.directives, meeting.id: meeting, other.id: other})
    assert resolve_letter(board, "3362") == letter and resolve_letter(board, "๓๓๖๒") == letter
    assert resolve_letter(board, "ประชุม") == meeting
    assert resolve_item(board, "3362:6").seq == 6 and resolve_item(board, "๓๓๖๒:๖").seq == 6
    twin = Directive("t" * 16, "รย 0023/ว 3362", "2024-08-28", "y")
    with pytest.raises(EditError) as caught:
        resolve_letter(replace(board, directives={**board.directives, twin.id: twin}), "3362")
    assert caught.value.key == "edits.ambiguous_letter"
