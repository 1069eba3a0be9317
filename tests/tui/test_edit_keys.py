"""Every hand-edit key and form, driven like an officer at the board and checked on the
board as saved (reopened from disk): at 80×24 with the Thai (Kedmanee) layout and at
120×40 with the US layout."""

from __future__ import annotations

import pytest
from textual import events

from tests.conftest import LETTER, card_of
from tests.tui.edit_helpers import fill, key, on_screen, until
from tests.tui.helpers import board_text, plain
from widgets.board_grid import BoardGrid

SETUPS = [pytest.param((80, 24), "thai", id="80x24-kedmanee"), pytest.param((120, 40), "us", id="120x40-us")]


async def start(pilot, card_id: str | None = None) -> BoardGrid:
    await pilot.pause()
    grid = pilot.app.screen_stack[0].query_one(BoardGrid)
    if card_id:
        assert grid.select(card_id)
    return grid


def item_of(snap, seq: int, letter: str | None = LETTER):
    return next(i for i in snap.items.values() if i.seq == seq
                and (letter is None or snap.directives[i.directive_id].number == letter))


@pytest.mark.parametrize("size, layout", SETUPS)
async def test_a_governors_verbal_order_from_a_meeting(make_app, reopen, size, layout) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await start(pilot)
        await key(pilot, "N", layout)
        await on_screen(pilot, "LetterFormScreen")
        await pilot.press("tab")  # no number: a meeting
        await fill(pilot, "๒๘ ส.ค. ๖๗")
        await pilot.press("tab")
        await fill(pilot, "ประชุมหัวหน้าส่วนราชการ")
        await pilot.press("tab")
        await fill(pilot, "ผู้ว่าราชการจังหวัดระยอง")
        await pilot.press("enter")  # Enter in the last field saves
        await on_screen(pilot, "ItemFormScreen")
        await fill(pilot, "ให้ทุกอำเภอสำรวจพื้นที่เสี่ยง")
        app.post_message(events.Paste("\nรายงานภายใน ๗ วัน\nทุกสัปดาห์"))  # a paste keeps every line
        await pilot.pause()
        await pilot.press("tab")
        await fill(pilot, "30/9/2567")
        await pilot.press("tab")
        await fill(pilot, "ทุกสัปดาห์")
        await pilot.press("tab", "enter")  # the agency list: "add an agency"
        await on_screen(pilot, "AgencyPickerScreen")
        await fill(pilot, "อําเภอ")  # ํา typed for ำ still finds อำเภอทุกอำเภอ
        await pilot.press("enter")
        await on_screen(pilot, "ItemFormScreen")
        await key(pilot, "a", layout)  # a second agency, new to the board
        await on_screen(pilot, "AgencyPickerScreen")
        await fill(pilot, "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดระยอง")
        await pilot.press("enter")
        await on_screen(pilot, "ItemFormScreen")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any(i.directive_id != next(iter(reopen().directives)) for i in reopen().items.values()))
        await on_screen(pilot, "ItemFormScreen")  # the next item of the same meeting
        await pilot.press("escape")
        await on_screen(pilot, "BoardScreen")
        assert "#ประชุม" in board_text(app)  # where the card came from, though it has no number
        await pilot.press("enter")
        await on_screen(pilot, "CardDetailScreen")
        detail = plain(app.screen._body(), 100)
        assert "ประชุมหัวหน้าส่วนราชการ ๒๘ ส.ค. ๖๗" in detail
        # its history in the activity log's words (was "assigned: None → lead")
        assert "มอบหมายเป็นหน่วยงาน" in detail and "assigned" not in detail and "None" not in detail
    snap = reopen()
    (meeting,) = [d for d in snap.directives.values() if not d.number]
    assert (meeting.date, meeting.subject, meeting.issuer) == ("2024-08-28", "ประชุมหัวหน้าส่วนราชการ",
                                                              "ผู้ว่าราชการจังหวัดระยอง")
    (item,) = [i for i in snap.items.values() if i.directive_id == meeting.id]
    assert item.text == "ให้ทุกอำเภอสำรวจพื้นที่เสี่ยง\nรายงานภายใน ๗ วัน\nทุกสัปดาห์"
    assert (item.seq, item.due, item.recurrence) == (1, "2024-09-30", "ทุกสัปดาห์")
    cards = {snap.agencies[c.agency_id].name: c.role for c in snap.cards.values() if c.item_id == item.id}
    assert cards == {"อำเภอทุกอำเภอ": "lead", "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดระยอง": "support"}


@pytest.mark.parametrize("size, layout", SETUPS)
async def test_bad_input_keeps_the_form_and_saves_nothing(make_app, reopen, board_path, size, layout) -> None:
    from tui.screens.letter_form import LetterFormScreen

    before = reopen()
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await start(pilot)
        await key(pilot, "N", layout)
        await on_screen(pilot, "LetterFormScreen")
        await fill(pilot, "รย ๐๐๑๗.๒/ว ๓๓๖๒")  # already on the board
        await pilot.press("tab")
        await fill(pilot, "31 ก.พ. 68")
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LetterFormScreen)
        errors = {box.field_name: str(box.query_one(".field-note").render()) for box in form.fields() if box.has_error}
        assert set(errors) == {"number", "date", "subject"}
        assert "ไม่มีวันที่ ๓๑ ในเดือนกุมภาพันธ์ ๒๕๖๘" in errors["date"]
        assert form.value("number") == "รย ๐๐๑๗.๒/ว ๓๓๖๒" and form.value("date") == "31 ก.พ. 68"  # kept
        assert app.screen.focused is form.query_one("#number")  # the first wrong field
        await pilot.press("escape")
        await on_screen(pilot, "BoardScreen")
    assert reopen().directives == before.directives and not list((board_path.parent / "board.d").glob("*.json"))


@pytest.mark.parametrize("size, layout", SETUPS)
async def test_edit_an_item_and_a_wrong_date_is_refused_beside_the_field(make_app, reopen, size, layout) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await start(pilot, card_of(6, 1))
        await key(pilot, "e", layout)
        await on_screen(pilot, "ItemFormScreen")
        await pilot.press("tab", "ctrl+u")
        await fill(pilot, "31/11/2565")  # November has 30 days
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.field("due").has_error and item_of(reopen(), 6).due == "2022-08-31"
        await pilot.press("ctrl+u")
        await fill(pilot, "30 พ.ย. 65")
        await pilot.press("ctrl+s")
        await on_screen(pilot, "BoardScreen")
    six = item_of(reopen(), 6)
    assert six.due == "2022-11-30"
    assert [(e.field, e.new) for e in reopen().history_of(six.id)] == [("due", "2022-11-30")]


@pytest.mark.parametrize("size, layout", SETUPS)
async def test_add_an_agency_switch_its_role_and_undo(make_app, reopen, size, layout) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await start(pilot, card_of(1))
        await key(pilot, "plus", layout)
        await on_screen(pilot, "AgencyPickerScreen")
        await fill(pilot, "วธ")
        await pilot.press("enter")
        await on_screen(pilot, "BoardScreen")
        one = item_of(reopen(), 1)
        (added,) = [c for c in reopen().cards.values() if c.item_id == one.id and c.id != card_of(1)]
        assert added.role == "support" and reopen().agencies[added.agency_id].short == "วธ.ระยอง"
        await key(pilot, "R", layout)  # the card under the cursor: สนจ.'s, lead → support
        assert reopen().cards[card_of(1)].role == "support"
        await key(pilot, "u")
        assert reopen().cards[card_of(1)].role == "lead"
        await key(pilot, "u")
        assert added.id not in reopen().cards


@pytest.mark.parametrize("size, layout", SETUPS)
async def test_delete_an_item_says_what_goes_and_undo_brings_it_back(make_app, reopen, size, layout) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        grid = await start(pilot)
        app.add_note(card_of(6, 2), "อำเภอรายงานแล้ว")
        assert grid.select(card_of(6, 1))
        await key(pilot, "D", layout)
        await on_screen(pilot, "ConfirmChoiceScreen")
        texts = [c.label for c in app.screen.choices]
        assert texts == ["เอา พช.ระยอง ออกจากข้อ ๖ — ๑ การ์ด ๐ บันทึก", "ลบข้อ ๖ ทั้งข้อ — ๓ การ์ด ๑ บันทึก",
                         "ลบ รย ๐๐๑๗.๒/ว ๓๓๖๒ · ๑๗ ก.ค. ๖๕ ทั้งฉบับ — ๗ ข้อ ๑๔ การ์ด ๑ บันทึก"]
        await pilot.press("down", "enter")  # the whole item: asks first
        await pilot.press("enter")  # Enter alone does not delete (the focus is on Cancel)
        await on_screen(pilot, "BoardScreen")
        assert item_of(reopen(), 6)
        await key(pilot, "D", layout)
        await on_screen(pilot, "ConfirmChoiceScreen")
        await pilot.press("down", "enter")
        await type_text_y(pilot, layout)
        await on_screen(pilot, "BoardScreen")
        assert not [i for i in reopen().items.values() if i.seq == 6]
        await key(pilot, "u")
        six = item_of(reopen(), 6)
        assert len([c for c in reopen().cards.values() if c.item_id == six.id]) == 3
        assert [n.text for n in reopen().notes_of(card_of(6, 2))] == ["อำเภอรายงานแล้ว"]


async def type_text_y(pilot, layout: str) -> None:
    """The confirming key: y — on the Thai layout its twin ั must NOT confirm, so an officer
    switches layout (or Tabs to the button); both are tried here."""
    from tests.tui.helpers import type_text

    if layout == "thai":
        await type_text(pilot, "ั")
        await pilot.pause()
        assert pilot.app.screen.__class__.__name__.startswith("ConfirmChoiceScreen")
        await pilot.press("tab", "enter")  # Cancel → Confirm
    else:
        await pilot.press("y")
    await pilot.pause()


@pytest.mark.parametrize("size, layout", SETUPS)
async def test_correct_and_merge_agencies(make_app, reopen, size, layout) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await start(pilot)
        await key(pilot, "E", layout)
        await on_screen(pilot, "AgencyPickerScreen")
        await fill(pilot, "พศจ")
        await pilot.press("enter")
        await on_screen(pilot, "AgencyEditScreen")
        await pilot.press("tab", "ctrl+u")
        await fill(pilot, "พศ.ระยอง")
        await pilot.press("tab")
        await fill(pilot, "สำนักงานพระพุทธศาสนา จ.ระยอง")
        await pilot.press("ctrl+s")
        await on_screen(pilot, "BoardScreen")
        buddhism = next(a for a in reopen().agencies.values() if a.short == "พศ.ระยอง")
        assert buddhism.aliases == ("สำนักงานพระพุทธศาสนา จ.ระยอง",)
        await key(pilot, "E", layout)
        await on_screen(pilot, "AgencyPickerScreen")
        await fill(pilot, "พศ.ระยอง")
        await pilot.press("enter")
        await on_screen(pilot, "AgencyEditScreen")
        await pilot.press("tab", "tab", "tab", "enter")  # name, short, alias → "merge into…"
        await on_screen(pilot, "AgencyPickerScreen")
        await fill(pilot, "วธ")
        await pilot.press("enter")
        await on_screen(pilot, "ConfirmChoiceScreen")
        assert "รวม ๑ การ์ดในข้อที่มีทั้งสอง" in app.screen.choices[0].label
        await pilot.press("y")
        await on_screen(pilot, "BoardScreen")
    snap = reopen()
    assert buddhism.id not in snap.agencies and card_of(5, 3) not in snap.cards
    assert snap.cards[card_of(5, 4)].role == "lead" and "พศ.ระยอง" in snap.agencies[snap.cards[card_of(5, 4)].agency_id].aliases


@pytest.mark.parametrize("size, layout", SETUPS)
async def test_retract_ones_own_note_from_the_card(make_app, reopen, size, layout) -> None:
    from tests.tui.helpers import plain

    app = make_app()
    async with app.run_test(size=size) as pilot:
        await start(pilot, card_of(2))
        app.add_note(card_of(2), "ส่งหนังสือผิดฉบับ")
        await pilot.press("enter")
        await on_screen(pilot, "CardDetailScreen")
        await key(pilot, "x", layout)
        await on_screen(pilot, "ConfirmChoiceScreen")
        await pilot.press("y")  # one note to retract: the screen asks at once
        await on_screen(pilot, "CardDetailScreen")
        text = plain(app.screen._body(), 100)
        assert "ถอนโดย สมหญิง" in text and "ส่งหนังสือผิดฉบับ" not in text
    (note,) = reopen().notes_of(card_of(2))
    assert note.retracted_by == "สมหญิง" and note.text == "ส่งหนังสือผิดฉบับ"


async def test_undo_says_so_and_changes_nothing_when_someone_moved_the_card_since(make_app, reopen, board_path) -> None:
    from storage.sync.store import BoardStore

    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await start(pilot, card_of(1))
        await pilot.press("4")
        other = BoardStore.open(board_path, user="มาลี")
        other.move(card_of(1), "blocked")
        other.close()
        app.poll_disk()
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert said[-1] == "ย้อนไม่ได้: มาลี แก้ข้อ ๑ ต่อจากคุณแล้ว — ไม่ได้เปลี่ยนอะไร", said
    assert reopen().cards[card_of(1)].status == "blocked"


async def test_read_only_refuses_every_hand_edit(make_app, reopen, board_path) -> None:
    app = make_app(read_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, card_of(1))
        for name in ("N", "I", "e", "plus", "R", "D", "E"):
            await key(pilot, name)
            assert app.screen.__class__.__name__ == "BoardScreen", name
    assert not list((board_path.parent / "board.d").glob("*.json"))


@pytest.mark.parametrize("size, layout", SETUPS)
async def test_new_item_in_the_cards_letter_needs_text_and_an_agency(make_app, reopen, size, layout) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        grid = await start(pilot)
        app.select_agency(app.snapshot.cards[card_of(4, 1)].agency_id)  # looking at พช.ระยอง
        await pilot.pause()
        grid.select(card_of(4, 1))
        await key(pilot, "I", layout)
        await on_screen(pilot, "ItemFormScreen")
        assert "ข้อใหม่ (ข้อ ๘)" in app.screen.title_text
        await pilot.press("tab", "tab", "tab", "down")  # to the agency list: พช.ระยอง is there already
        await key(pilot, "d", layout)  # take it off
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = {b.field_name for b in app.screen.fields() if b.has_error}
        assert errors == {"text", "agencies"}
        assert len(reopen().items) == 7
        await pilot.press("ctrl+s")  # still wrong: still nothing saved
        await pilot.pause()
        assert len(reopen().items) == 7
        await fill(pilot, "ข้อที่แปด")  # the focus went to the first wrong field: the text
        await pilot.press("tab", "tab", "tab")
        await key(pilot, "a", layout)
        await on_screen(pilot, "AgencyPickerScreen")
        await fill(pilot, "พช")
        await pilot.press("enter")
        await on_screen(pilot, "ItemFormScreen")
        await key(pilot, "r", layout)  # lead → support
        await pilot.press("ctrl+s")
        await until(pilot, lambda: len(reopen().items) == 8)
        await pilot.press("escape")
    eight = item_of(reopen(), 8)
    (card,) = [c for c in reopen().cards.values() if c.item_id == eight.id]
    assert eight.text == "ข้อที่แปด" and card.role == "support" and reopen().agencies[card.agency_id].short == "พช.ระยอง"
