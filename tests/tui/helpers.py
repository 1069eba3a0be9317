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


async def press_alone(pilot, *keys: str) -> None:
    """Press each key on its own, as an officer does who presses one command key and looks:
    a Thai twin of a changing key waits TYPING_GAP to be sure no typing follows
    (tui/keyflow.ThaiTyping), so wait until it has acted before the next key."""
    import time

    flow = pilot.app.keys
    for key in keys:
        await pilot.press(key)
        deadline = time.monotonic() + 10  # a hang detector, not a timing
        while (flow._held is not None or time.monotonic() - flow._last_key_at() < flow.typing.gap) \
                and time.monotonic() < deadline:
            await pilot.pause(0.02)
        await pilot.pause()


async def send_together(pilot, *parts: str) -> None:
    """Keys that arrive together (fast typing, a slow SSH link, a paste): all posted before
    the app handles any. Each part is a key name ("n", "enter", "escape") or, if longer than
    one character and not a key name, text typed character by character."""
    names = {"enter": "\r", "escape": "\x1b", "tab": "\t", "backspace": "\x7f", "slash": "/"}
    for part in parts:
        if part in names:
            pilot.app.post_message(events.Key(part, names[part]))
            continue
        for char in part:
            pilot.app.post_message(events.Key(_character_to_key(char), char))
    for _ in range(3):  # the dialogs they open mount, take the focus and get the held keys
        await pilot.pause(0.05)
    await settle(pilot)


async def settle(pilot, seconds: float = 10.0) -> None:
    """Pause until the key router holds nothing (a hang detector, not a timing)."""
    import time

    flow = pilot.app.keys
    deadline = time.monotonic() + seconds
    while (flow._held is not None or flow._for_dialog is not None) and time.monotonic() < deadline:
        await pilot.pause(0.02)
    await pilot.pause()


async def until_board_focused(pilot, seconds: float = 10.0) -> None:
    """Pause until the card grid has the focus (a loaded machine may take a while after the
    first paint; keys sent before go elsewhere). A hang detector, not a timing."""
    import time

    from widgets.board_grid import BoardGrid

    deadline = time.monotonic() + seconds
    while not isinstance(pilot.app.focused, BoardGrid) and time.monotonic() < deadline:
        await pilot.pause(0.02)
