"""Every crash of issue 8, reproduced as officers hit them, must not happen again: the
cursor's agency group vanishing (filters, searches, agency picks, another officer's change)
and undo of a card another replica deleted."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from storage.sync.store import BoardStore
from tests.conftest import card_of
from tests.tui.helpers import assert_cursor_placed, type_text
from tui.app import BoardApp
from widgets.board_grid import BoardGrid

ROOT = Path(__file__).resolve().parents[2]
SIZE = (80, 24)
BUNDLED_TODAY = date(2022, 10, 5)
"""The bundled letter's item 6 (due 30 Sep 2022) is overdue on this day."""


@pytest.fixture
def bundled(tmp_path: Path):
    """Apps on a copy of the bundled board.json, as an officer first opens it."""
    path = tmp_path / "shared" / "board.json"
    path.parent.mkdir()
    shutil.copy(ROOT / "board.json", path)
    stores = []

    def make(**kwargs) -> BoardApp:
        store = BoardStore.open(path, read_only=kwargs.get("read_only", False))
        stores.append(store)
        app = BoardApp(store, today=BUNDLED_TODAY, watch_files=False, **kwargs)
        app.animation_level = "none"
        return app

    make.path = path
    yield make
    for store in stores:
        store.close()


def grid(app) -> BoardGrid:
    return app.screen_stack[0].query_one(BoardGrid)


async def to_last_group(pilot) -> None:
    await pilot.pause()
    await pilot.press(*["j"] * 22)
    assert grid(pilot.app).lane_index > 0


async def test_overdue_filter_from_the_last_group(bundled) -> None:
    app = bundled()
    async with app.run_test(size=SIZE) as pilot:
        await to_last_group(pilot)
        await pilot.press("o")
        assert_cursor_placed(app)
        await pilot.press("j", "k", "l", "o")
        assert_cursor_placed(app)
    assert app.return_code in (None, 0)


async def test_status_filter_twice_from_the_second_group(make_app) -> None:
    app = make_app(watch_files=False)  # only the first group has cards in progress
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        g = grid(app)
        while g.lane_index < 1:
            await pilot.press("j")
        await pilot.press("f", "f")
        assert_cursor_placed(app)
        await pilot.press("j", "f", "j")
        assert_cursor_placed(app)


async def test_search_from_the_last_group(bundled) -> None:
    app = bundled()
    async with app.run_test(size=SIZE) as pilot:
        await to_last_group(pilot)
        await pilot.press("slash")
        await type_text(pilot, "ศาสนา")
        assert_cursor_placed(app)
        await pilot.press("enter", "j", "j")
        assert_cursor_placed(app)


async def test_agency_pick_from_the_last_group(bundled) -> None:
    app = bundled()
    async with app.run_test(size=SIZE) as pilot:
        await to_last_group(pilot)
        await pilot.press("a")
        await type_text(pilot, "วัฒนธรรม")
        await pilot.press("enter")
        assert_cursor_placed(app)
        await pilot.press("j", "l", "j")
        assert_cursor_placed(app)


async def test_read_only_overdue_view_survives_another_officer_finishing_its_cards(bundled) -> None:
    """The chair's meeting view: --read-only, o on, cursor in the last group; another officer
    moves that group's overdue cards to done. The cursor stays on a card and j works."""
    app = bundled(read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        g = grid(app)
        while True:  # to the last overdue group
            before = (g.lane_index, g.row)
            await pilot.press("j")
            if (g.lane_index, g.row) == before:
                break
        last = g.lanes[g.lane_index]
        doomed = [cid for column in last.columns for cid in column]
        assert doomed and g.lane_index == len(g.lanes) - 1
        other = BoardStore.open(bundled.path, user="สมชาย")
        try:
            for card_id in doomed:
                other.move(card_id, "done")
        finally:
            other.close()
        app.poll_disk()
        await pilot.pause()
        assert_cursor_placed(app)
        assert g.card_id is not None  # moved to a remaining overdue card, not into nowhere
        await pilot.press("j", "k", "j")
        assert_cursor_placed(app)
    assert app.return_code in (None, 0)


async def test_undo_after_another_replica_deleted_the_card(make_app, board_path, reopen) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert grid(app).select(card_of(1))
        await pilot.press("3")
        assert reopen().cards[card_of(1)].status == "blocked"
        other = BoardStore.open(board_path, user="สมชาย")
        try:
            other.delete_card(card_of(1))
        finally:
            other.close()
        app.poll_disk()
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert app.return_code is None  # still running
        assert card_of(1) not in reopen().cards  # undo did not bring it back or write anything for it
        assert_cursor_placed(app)


async def test_a_note_for_a_card_deleted_while_the_dialog_was_open(make_app, board_path, reopen) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert grid(app).select(card_of(1))
        await pilot.press("n")
        await pilot.pause()
        other = BoardStore.open(board_path, user="สมชาย")
        try:
            other.delete_card(card_of(1))
        finally:
            other.close()
        app.poll_disk()
        await type_text(pilot, "ส่งแล้ว")
        await pilot.press("enter")
        await pilot.pause()
        assert app.return_code is None
        assert not reopen().notes_of(card_of(1))
