"""Keys that arrive together in a form (fast typing, a slow SSH link, tmux send-keys) are
acted on in the order they were typed, and the board is checked as saved (reopened from disk).

``arrive`` posts every key to the app at once, as the terminal driver does with one read of
several keys; ``pilot.press`` would wait for each key to be handled and hide the problem.
"""

from __future__ import annotations

import pytest
from textual import events

from tests.conftest import card_of
from tests.tui.edit_helpers import on_screen, until
from tests.tui.test_edit_keys import item_of, start

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
KEYS = {" ": "space", "/": "slash", ".": "full_stop"}


def arrive(pilot, *keys: str) -> None:
    """Keys in one burst: names of special keys (``end``, ``backspace``…) or text."""
    for key in keys:
        if len(key) > 1 and key.isascii() and key.isalpha() or "+" in key:
            pilot.app.post_message(events.Key(key, None))
            continue
        for char in key:
            pilot.app.post_message(events.Key(KEYS.get(char, char), char))


async def settle(pilot) -> None:
    for _ in range(5):
        await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_end_enter_and_text_typed_together_add_a_line_after_the_text(make_app, reopen, size) -> None:
    app = make_app()
    before = item_of(reopen(), 7).text
    async with app.run_test(size=size) as pilot:
        await start(pilot, card_of(7))
        await pilot.press("e")
        await on_screen(pilot, "ItemFormScreen")
        await settle(pilot)
        arrive(pilot, "enter", "และรายงานผลทุกสัปดาห์", "left", "left", "backspace", "X")
        await settle(pilot)
        arrive(pilot, "ctrl+s")
        await on_screen(pilot, "BoardScreen")
    assert item_of(reopen(), 7).text == before + "\nและรายงานผลทุกสัปXาห์"  # ← ← skip ห์ and า; Backspace takes ด


@pytest.mark.parametrize("size", SIZES)
async def test_backspaces_then_a_date_typed_together_keep_every_character(make_app, reopen, size) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await start(pilot, card_of(6, 1))
        await pilot.press("e")
        await on_screen(pilot, "ItemFormScreen")
        await settle(pilot)
        # Tab to the due date, rub out what is there, type a new one, Tab on, a recurrence,
        # and save: all in one burst, as a fast typist over SSH sends it.
        arrive(pilot, "tab", "end", *["backspace"] * 14, "31 ต.ค. 68", "tab", "ทุกเดือน", "ctrl+s")
        await on_screen(pilot, "BoardScreen")
    six = item_of(reopen(), 6)
    assert (six.due, six.recurrence) == ("2025-10-31", "ทุกเดือน")


async def test_enter_moves_on_before_the_next_keys_are_typed(make_app, reopen) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("N")
        await on_screen(pilot, "LetterFormScreen")
        await settle(pilot)
        arrive(pilot, "enter", "28/8/2567", "enter", "ประชุมหัวหน้าส่วนราชการ", "enter", "ผู้ว่าราชการจังหวัด")
        await settle(pilot)
        await until(pilot, lambda: app.screen.query_one("#issuer").value == "ผู้ว่าราชการจังหวัด")
        assert app.screen.query_one("#subject").value == "ประชุมหัวหน้าส่วนราชการ"
        arrive(pilot, "enter")
        await on_screen(pilot, "ItemFormScreen")
        await pilot.press("escape")
        await on_screen(pilot, "BoardScreen")
    (meeting,) = [d for d in reopen().directives.values() if not d.number]
    assert (meeting.date, meeting.subject, meeting.issuer) == ("2024-08-28", "ประชุมหัวหน้าส่วนราชการ",
                                                               "ผู้ว่าราชการจังหวัด")


async def test_an_impossible_date_typed_with_ctrl_s_keeps_its_message(make_app, reopen) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, card_of(6, 1))
        await pilot.press("e")
        await on_screen(pilot, "ItemFormScreen")
        await settle(pilot)
        arrive(pilot, "tab", "ctrl+u", "31 ก.พ. 68", "tab", "ทุกเดือน", "ctrl+s")
        await settle(pilot)
        due = app.screen.field("due")
        assert due.has_error and "๒๘" in str(due.query_one(".field-note").render())  # February has 28 days
        assert app.screen.query_one("#recurrence").value == "ทุกเดือน"  # what was typed stays
        arrive(pilot, "ctrl+u", "28 ก.พ. 68", "ctrl+s")  # the wrong field has the focus
        await on_screen(pilot, "BoardScreen")
    assert (item_of(reopen(), 6).due, item_of(reopen(), 6).recurrence) == ("2025-02-28", "ทุกเดือน")


async def test_keys_after_enter_in_a_forms_last_field_are_not_saved_in_it(make_app, reopen) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("N")
        await on_screen(pilot, "LetterFormScreen")
        await settle(pilot)
        arrive(pilot, "enter", "28/8/2567", "enter", "ประชุมหัวหน้าส่วนราชการ", "enter", "ผู้ว่าฯ", "enter",
               "ให้ทุกอำเภอ")  # the first item's text, typed on before the item form is up
        await on_screen(pilot, "ItemFormScreen")
        await settle(pilot)
        await until(pilot, lambda: app.screen.query_one("#text").text == "ให้ทุกอำเภอ")
        await pilot.press("escape")
        await on_screen(pilot, "BoardScreen")
    (meeting,) = [d for d in reopen().directives.values() if not d.number]
    assert meeting.issuer == "ผู้ว่าฯ"


async def test_keys_right_after_a_notes_enter_act_on_the_board(make_app, reopen) -> None:
    """The note is a multi-line text area whose Enter saves: what follows Enter in the same
    burst is no part of the note, and acts on the board once the note is saved."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await start(pilot, card_of(1))
        await pilot.press("n")
        await on_screen(pilot, "NoteScreen")
        await settle(pilot)
        first = grid.card_id
        arrive(pilot, "ประชุมแล้ว", "enter", "j")  # j: the next card, once the note is saved
        await on_screen(pilot, "BoardScreen")
        await settle(pilot)
        await until(pilot, lambda: grid.card_id != first)
    assert [n.text for n in reopen().notes_of(card_of(1))] == ["ประชุมแล้ว"]


async def test_two_notes_typed_in_one_burst_are_two_notes_in_order(make_app, reopen) -> None:
    """n, a note, Enter, n, another note, Enter — all at once (a paste of keystrokes, a slow
    SSH link): each note is whole, on its own, in the order typed."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, card_of(1))
        await pilot.press("n")
        await on_screen(pilot, "NoteScreen")
        await settle(pilot)
        arrive(pilot, "ประชุมแล้ว", "enter", "n", "ส่งรายงานแล้ว", "enter")
        await until(pilot, lambda: len(reopen().notes_of(card_of(1))) == 2)
        await on_screen(pilot, "BoardScreen")
    assert [n.text for n in reopen().notes_of(card_of(1))] == ["ประชุมแล้ว", "ส่งรายงานแล้ว"]
