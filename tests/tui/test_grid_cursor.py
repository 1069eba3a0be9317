"""The grid cursor as the officer sees it: it stops at the edges, is visible on an empty
column, and starts on a card."""

from __future__ import annotations

from storage.sync.store import BoardStore
from tests.conftest import card_of
from tests.tui.helpers import board_text
from widgets.board_grid import BoardGrid

SIZE = (80, 24)


def grid(app) -> BoardGrid:
    return app.screen_stack[0].query_one(BoardGrid)


async def test_h_and_l_stop_at_the_first_and_last_columns(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        g = grid(app)
        assert g.column == 0
        await pilot.press("h")
        assert g.column == 0  # stays: h does not wrap round to the last column
        await pilot.press("l", "l", "l", "l", "l")
        assert g.column == 3
        await pilot.press("left")
        assert g.column == 2


async def test_an_empty_focused_column_shows_the_cursor(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("v")  # all four statuses side by side (80 columns start with one)
        assert "— ว่าง —" not in board_text(app)
        await pilot.press("l", "l")  # ติดปัญหา: one blocked card in lane 2 only, none in the first lane
        g = grid(app)
        assert g.card_id is None
        line = next(line for line in board_text(app).splitlines() if "— ว่าง —" in line)
        column = line.split("│")[2]
        assert "— ว่าง —" in column  # drawn in the cursor's column, not elsewhere
        await pilot.press("l")  # done: the first agency's item 3 is there
        assert g.card_id == card_of(3) and "— ว่าง —" not in board_text(app)


async def test_start_puts_the_cursor_on_the_first_card(make_app, board_path) -> None:
    store = BoardStore.open(board_path, user="มาลี")
    try:
        for seq in (1, 2, 3, 6, 7):  # the first agency's to-do column is now empty
            store.move(card_of(seq), "doing")
    finally:
        store.close()
    app = make_app(watch_files=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        g = grid(app)
        assert g.card_id is not None and g.lane_index == 0 and g.column == 1
        assert "— ว่าง —" not in board_text(app)
