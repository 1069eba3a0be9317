"""Repaint only what changed (issue 14): over a slow SSH link every repainted line costs.

The grid is asked to repaint regions (``BoardGrid.refresh``); these tests record those
requests around one key and check that only the lines that changed are in them — the card
the cursor left and the one it reached; for a status change the counts and the rows of the
card's lane. Bytes per key are measured by bench/bench_bytes.py (docs/benchmarks.md).
"""

from __future__ import annotations

import pytest

from storage.ids import item_id
from tests.conftest import LETTER, card_of
from tests.tui.helpers import another_replica_edits, board_text
from widgets.board_grid import BoardGrid

SIZE = (100, 30)


class Requests:
    """Repaint requests made to one grid: full repaints, and lines of partial ones."""

    def __init__(self, grid: BoardGrid) -> None:
        self.full, self.lines, self.layout = 0, set(), 0
        original = grid.refresh

        def spy(*regions, **kwargs):
            if kwargs.get("layout"):
                self.layout += 1
            if not regions:
                self.full += 1
            for region in regions:
                self.lines.update(range(region.y, region.y + region.height))
            return original(*regions, **kwargs)

        grid.refresh = spy  # type: ignore[method-assign]


async def _ready(pilot) -> tuple[BoardGrid, Requests]:
    await pilot.pause()
    grid = pilot.app.screen.query_one(BoardGrid)
    await pilot.pause()
    return grid, Requests(grid)


@pytest.mark.parametrize("size, key", [(SIZE, "j"), (SIZE, "l"), ((80, 24), "j"), ((120, 40), "j"), ((120, 40), "l")])
async def test_a_focus_move_repaints_only_the_two_cards_involved(make_app, size, key) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=size) as pilot:
        grid, requests = await _ready(pilot)
        before = (grid.lane_index, grid.column, grid.row)
        await pilot.press(key)
        await pilot.pause()
        assert (grid.lane_index, grid.column, grid.row) != before
        assert requests.full == 0 and requests.layout == 0
        # The rows of the card the cursor left and of the one it reached, nothing else.
        rows = {y - grid.scroll_offset.y for y in _card_lines(grid, *before) | _card_lines(grid)}
        assert requests.lines == rows
        assert len(requests.lines) <= 2 * grid.card_height


def _card_lines(grid: BoardGrid, lane: int | None = None, column: int = 0, row: int | None = None) -> set[int]:
    """Screen lines (before scrolling) of the card at (lane, row); the cursor's by default."""
    lane = grid.lane_index if lane is None else lane
    row = grid.row if row is None else row
    top = grid._offsets[lane] + 1 + row * grid.card_height + 1
    return set(range(top, top + grid.card_height))


async def test_a_status_change_repaints_the_counts_and_its_lane_only(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=SIZE) as pilot:
        grid, requests = await _ready(pilot)
        grid.select(card_of(2, 2))  # อำเภอทุกอำเภอ: four to do, none in progress
        await pilot.pause()
        requests.lines.clear()
        lane = grid.lane_index
        before = board_text(app).splitlines()
        await pilot.press(">")
        await pilot.pause()
        after = board_text(app).splitlines()
        assert app.snapshot.cards[card_of(2, 2)].status == "doing"
        assert requests.full == 0 and requests.layout == 0
        # The lane keeps its height (the rows below do not jump): only the counts and the
        # lane's own rows changed, and only lines that changed were repainted.
        changed = {y for y, (a, b) in enumerate(zip(before, after)) if a != b}
        assert 0 in changed and changed <= requests.lines
        lane_lines = set(range(grid._offsets[lane] + 1, grid._offsets[lane + 1] + 1))
        assert requests.lines <= {0} | lane_lines


async def test_a_lane_that_grows_moves_the_rows_below_but_repaints_no_unchanged_line(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=SIZE) as pilot:
        grid, requests = await _ready(pilot)
        before = board_text(app).splitlines()
        await pilot.press(">")  # item 1 of the first agency: its doing column becomes the longest
        await pilot.pause()
        after = board_text(app).splitlines()
        assert requests.full == 0 and requests.layout == 0
        changed = {y for y, (a, b) in enumerate(zip(before, after)) if a != b}
        cursor = set(range(min(changed), min(changed) + 2))
        assert changed <= requests.lines <= changed | cursor


async def test_another_replicas_edit_repaints_its_card_and_nothing_else(make_app, board_path) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=SIZE) as pilot:
        grid, requests = await _ready(pilot)
        another_replica_edits(board_path, f"item/{item_id(LETTER, 7)}", "text", "ประชุมทุกเดือน")
        app.poll_disk()
        await pilot.pause()
        assert "ประชุมทุกเดือน" in board_text(app)
        assert requests.full == 0 and requests.layout == 0
        # Item 7's cards (two agencies) in compact mode: one line each, wherever they are.
        assert 1 <= len(requests.lines) <= 2 * grid.card_height


async def test_fg_after_ctrl_z_repaints_the_whole_screen(make_app) -> None:
    """After SIGCONT the terminal is blank and Textual repaints nothing by itself (seen in
    tmux: an empty screen until a key): the board asks for a full repaint on resume."""
    app = make_app(watch_files=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        calls: list[dict] = []
        original = app.screen.refresh

        def spy(*regions, **kwargs):
            calls.append(kwargs)
            return original(*regions, **kwargs)

        app.screen.refresh = spy  # type: ignore[method-assign]
        app.app_resume_signal.publish(app)  # what the driver's SIGCONT handler leads to
        await pilot.pause()
        assert any(call.get("layout") for call in calls)
