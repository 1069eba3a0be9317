"""Every card key path, driven through the real app, checked on the SAVED board."""

from __future__ import annotations

import pytest

from textual.widgets import Input

from tests.conftest import card_of
from tests.tui.helpers import plain, type_text
from tui.screens.card_detail import CardDetailScreen
from tui.screens.note_input import NoteScreen
from widgets.board_grid import BoardGrid

SIZE = (80, 24)


def grid(app) -> BoardGrid:
    return app.screen_stack[0].query_one(BoardGrid)


async def start(pilot, card_id: str | None = None) -> BoardGrid:
    await pilot.pause()
    g = grid(pilot.app)
    if card_id:
        assert g.select(card_id)
    return g


async def test_status_pair_moves_the_card_and_saves(make_app, reopen) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        g = await start(pilot, card_of(1))
        await pilot.press("shift+right")
        assert reopen().cards[card_of(1)].status == "doing"
        assert g.card_id == card_of(1) and g.column == 1  # the cursor follows the card
        await pilot.press(">", ">")
        assert reopen().cards[card_of(1)].status == "done"
        await pilot.press("shift+left", "<")
        assert reopen().cards[card_of(1)].status == "doing"


async def test_digits_set_each_status(make_app, reopen) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, card_of(1))
        for key, status in zip("4321", ("done", "blocked", "doing", "todo")):
            await pilot.press(key)
            assert reopen().cards[card_of(1)].status == status
        history = reopen().history_of(card_of(1))
        assert [e.new for e in history] == ["done", "blocked", "doing", "todo"]
        assert history[-1].author == "สมหญิง"


async def test_reorder_within_the_column_is_saved(make_app, reopen) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        g = await start(pilot)
        app.select_agency(app.snapshot.cards[card_of(1)].agency_id)  # สนจ.ระยอง: items 1 and 6 in todo
        await pilot.pause()
        first, second = g.column_ids()[:2]
        g.select(second)
        await pilot.press("shift+up")
        saved = reopen().cards
        assert saved[second].rank < saved[first].rank
        assert g.column_ids()[:2] == [second, first] and g.card_id == second
        await pilot.press("J")
        saved = reopen().cards
        assert saved[first].rank < saved[second].rank


async def test_enter_opens_the_whole_card(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot, card_of(6, 1))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CardDetailScreen)
        text = plain(app.screen._body(), 100)
        assert "ข้อ ๖" in text and "ขจัดความยากจน" in text  # full item text
        assert "รย ๐๐๑๗.๒/ว ๓๓๖๒" in text and "๑๗ กรกฎาคม ๒๕๖๕" in text  # letter, B.E. date
        assert "⚠ ๓๑ สิงหาคม ๒๕๖๕" in text  # due, overdue by symbol
        assert "★ หน่วยงานหลัก" in text  # role
        # the other agencies on item 6 and their statuses
        assert "อำเภอทุกอำเภอ" in text and "สำนักงานจังหวัดระยอง" in text
        assert "ยังไม่ดำเนินการ" in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CardDetailScreen)


async def test_note_is_typed_in_thai_and_saved(make_app, reopen) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, card_of(2))
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        title = str(app.screen.query_one("#note-title").render())
        assert title.endswith("— ข้อ ๒ · สนจ.ระยอง")  # which card the note is for
        await type_text(pilot, "ประชุมแล้ว ที่ศาลากลาง")
        await pilot.press("enter")
        await pilot.pause()
        notes = reopen().notes_of(card_of(2))
        assert [n.text for n in notes] == ["ประชุมแล้ว ที่ศาลากลาง"]
        assert notes[0].author == "สมหญิง"


async def test_note_escape_saves_nothing(make_app, reopen) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, card_of(2))
        await pilot.press("n", *"ทดสอบ", "escape")
        await pilot.pause()
        assert reopen().notes_of(card_of(2)) == ()


async def test_undo_writes_the_inverse(make_app, reopen) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, card_of(1))
        await pilot.press("3")
        assert reopen().cards[card_of(1)].status == "blocked"
        await pilot.press("u")
        saved = reopen()
        assert saved.cards[card_of(1)].status == "todo"
        assert [e.new for e in saved.history_of(card_of(1))] == ["blocked", "todo"]  # append-only
        await pilot.press("2", "u")
        assert reopen().cards[card_of(1)].status == "todo"


async def test_ctrl_z_suspends_and_never_undoes(make_app, reopen) -> None:
    """ctrl+z is the shell's suspend, as in every terminal program (the headless test driver
    cannot suspend, so here it must simply do nothing to the board; tmux shows fg resuming)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, card_of(1))
        await pilot.press("3", "ctrl+z")
        await pilot.pause()
        assert reopen().cards[card_of(1)].status == "blocked"
        binding = app.screen.active_bindings["ctrl+z"].binding
        assert binding.id == "app.suspend" and binding.action.endswith("suspend")


@pytest.mark.parametrize("dialog", ["enter", "question_mark", "ctrl+p"])
async def test_ctrl_z_suspends_from_dialogs_too(make_app, dialog, monkeypatch) -> None:
    """In the card detail, the palette or with help open, ctrl+z still goes back to the shell
    (in a dialog it did nothing). (In a multi-line text area — the note, an item's text — it
    takes back typing, as any editor's ctrl+z does: see the test below.)"""
    app = make_app(watch_files=False)
    suspended = []
    monkeypatch.setattr(app, "action_suspend_process", lambda: suspended.append(type(app.screen).__name__))
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, card_of(1))
        await pilot.press(dialog)
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(suspended) == 1


async def test_ctrl_z_in_the_note_takes_back_typing(make_app, monkeypatch) -> None:
    """The note is a multi-line text area (a paste keeps every line): ctrl+z there is the
    editor's undo, not the shell's suspend, and the dialog stays open."""
    from tui.screens.note_input import NoteScreen

    app = make_app(watch_files=False)
    suspended = []
    monkeypatch.setattr(app, "action_suspend_process", lambda: suspended.append(type(app.screen).__name__))
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, card_of(1))
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("a", "b")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert suspended == [] and isinstance(app.screen, NoteScreen)
        assert app.screen.query_one("#note-text").text != "ab"


async def test_quit_key_exits(make_app) -> None:
    """q ends the app with status 0 and stops following the disk (how fast: bench/bench_tui.py)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        assert app.return_code is None  # still running
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        assert app._follower.worker is None and not [w for w in app.workers if w.group == "follow-disk"]
    assert not app.is_running


async def test_detail_lists_notes_and_history_after_changes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot, card_of(1))
        await pilot.press("3", "n")
        await pilot.pause()
        await type_text(pilot, "รอข้อมูลจากอำเภอ")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        text = plain(app.screen._body(), 120)
        assert "รอข้อมูลจากอำเภอ" in text and "สมหญิง" in text
        assert "ยังไม่ดำเนินการ → ติดปัญหา" in text


async def test_click_selects_the_card_under_the_mouse(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        g = await start(pilot)
        await pilot.press("v")  # all four statuses side by side (80 columns start with one)
        await pilot.click(BoardGrid, offset=(3, 3))  # row 3: second card of the first lane, todo column
        await pilot.pause()
        assert (g.lane_index, g.column, g.row) == (0, 0, 1) and g.card_id == g.lanes[0].columns[0][1]
        await pilot.click(BoardGrid, offset=(g._widths()[0] + 3, 2))  # first card, doing column
        await pilot.pause()
        assert (g.column, g.row) == (1, 0)
