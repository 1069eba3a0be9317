"""A progress note keeps every line (issue 8): a pasted multi-line report kept only its
first line, silently. Enter saves; ctrl+j starts a new line; the card detail shows them all."""

from __future__ import annotations

from textual import events

from tests.conftest import card_of
from tests.tui.helpers import board_text, settle, type_text
from tui.screens.card_detail import CardDetailScreen
from tui.screens.note_input import NoteScreen
from widgets.board_grid import BoardGrid

REPORT = "ผลการดำเนินงานเดือนกันยายน\n- ประชุม กรอ. แล้ว ๒ ครั้ง\n- รอรายงานจากอำเภอ"


async def _open_note(app, pilot) -> None:
    assert app.screen.query_one(BoardGrid).select(card_of(1))
    await pilot.press("n")
    await settle(pilot)
    assert isinstance(app.screen, NoteScreen)


async def test_a_pasted_report_keeps_every_line(make_app, reopen) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _open_note(app, pilot)
        app.post_message(events.Paste(REPORT))
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, NoteScreen)
    assert [n.text for n in reopen().notes_of(card_of(1))] == [REPORT]


async def test_ctrl_j_starts_a_new_line_and_enter_saves(make_app, reopen) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _open_note(app, pilot)
        await type_text(pilot, "ส่งแล้ว")
        await pilot.press("ctrl+j")
        await type_text(pilot, "รอตอบ")
        await pilot.press("enter")
        await settle(pilot)
    assert [n.text for n in reopen().notes_of(card_of(1))] == ["ส่งแล้ว\nรอตอบ"]


async def test_the_card_detail_shows_every_line_of_a_note(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.add_note(card_of(1), REPORT)
        await pilot.pause()
        app.open_card(card_of(1))
        await settle(pilot)
        assert isinstance(app.screen, CardDetailScreen)
        shown = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        for line in REPORT.splitlines():
            assert line in shown, line
        assert board_text(app)  # the board behind is intact
