"""Helpers for driving the board like a terminal does."""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key


async def type_text(pilot, text: str) -> None:
    """Send ``text`` as a terminal would: each key with its character.

    Pilot.press cannot give Thai combining marks (ุ ้ ่) their character (it looks the
    key name up with underscores), so those would be dropped by an Input; a real
    terminal sends the character, which is what this does.
    """
    for char in text:
        pilot.app.post_message(events.Key(_character_to_key(char), char))
        await pilot.pause()


def plain(renderable, width: int = 100) -> str:
    """What a Rich renderable shows, as plain text."""
    from rich.console import Console

    console = Console(width=width, record=True, file=open("/dev/null", "w"), color_system=None)
    console.print(renderable)
    return console.export_text()


def board_text(app) -> str:
    """The board screen as plain text (every visible line of the grid)."""
    from widgets.board_grid import BoardGrid

    grid = app.screen_stack[0].query_one(BoardGrid)
    return "\n".join(grid.render_line(y).text for y in range(grid.size.height))


def screen_lines(app) -> list[str]:
    """Every row of the terminal as the user sees it (the active screen, composited)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def another_replica_edits(board_path, key: str, field: str, value, user: str = "สมชาย") -> None:
    """Another officer's replica sets one field of one record (``item/<id>`` text,
    ``agency/<id>`` name…), as an edit made on their machine and synced here would."""
    from storage.sync.edits import set_field
    from storage.sync.state import State
    from storage.sync.store import BoardStore

    store = BoardStore.open(board_path, user=user)
    try:
        store._commit(lambda basis: set_field(State(), basis, key, field, value))
    finally:
        store.close()


def assert_cursor_placed(app) -> None:
    """The cursor is on a card, or on a column that is empty (never on a lost place)."""
    from widgets.board_grid import BoardGrid

    grid = app.screen_stack[0].query_one(BoardGrid)
    if not grid.lanes:
        assert grid.card_id is None
        return
    assert 0 <= grid.lane_index < len(grid.lanes), (grid.lane_index, len(grid.lanes))
    assert 0 <= grid.column < 4
    column = grid.column_ids()
    if column:
        assert grid.card_id == column[grid.row], (grid.row, len(column))
    else:
        assert grid.card_id is None and grid.row == 0
