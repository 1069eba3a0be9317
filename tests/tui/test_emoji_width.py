"""Emoji sequences on cards: the board measures text as the terminal (Rich) does, so a card
with ``❤️`` (U+2764 + VS16: two cells) keeps every column where it belongs."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tests.conftest import card_of
from tests.tui.helpers import another_replica_edits
from widgets.board_grid import BoardGrid

HEART = "\u2764\ufe0f"


def _layout(lines: list[str]) -> tuple[set[int], set[tuple[int, ...]]]:
    """(the cell widths of the lines, the screen columns of the separators on each line)."""
    seps = {tuple(cell_len(line[:i]) for i, ch in enumerate(line) if ch == "│") for line in lines}
    return {cell_len(line) for line in lines}, seps


async def _grid_lines(make_app, size: tuple[int, int]) -> list[str]:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(BoardGrid)
        return [grid.render_line(y).text for y in range(grid.size.height)]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_card_with_an_emoji_sequence_keeps_the_columns_aligned(make_app, board_path, reopen,
                                                                       size: tuple[int, int]) -> None:
    before = _layout(await _grid_lines(make_app, size))
    item = reopen().cards[card_of(6, 1)].item_id
    another_replica_edits(board_path, f"item/{item}", "text", f"{HEART}{HEART} ติดตามผลการดำเนินงาน {HEART} ทุกอำเภอ " * 3)
    lines = await _grid_lines(make_app, size)
    assert any(HEART in line for line in lines), "the card with the emoji is not on screen"
    widths, separators = _layout(lines)
    assert widths <= before[0] and separators <= before[1], [line for line in lines if HEART in line]
