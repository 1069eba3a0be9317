"""Live updates: another process's write reaches the board through the follower — one
Textual worker over watchfiles and a stat poll, not the slow fallback poll — keeps the cursor
in place, and follows into an open card detail."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import card_of
from widgets.board_grid import BoardGrid

SIZE = (80, 24)
ROOT = Path(__file__).resolve().parents[2]
NO_FALLBACK = 600.0
"""A fallback poll that never fires during a test: only the follower can deliver."""


def other_process(board_path: Path, tmp_path: Path, *args: str, user: str = "สมชาย") -> None:
    """Run ``board --board B <args>`` as another user/replica."""
    env = dict(os.environ, BOARD_USER=user, XDG_STATE_HOME=str(tmp_path / f"state-{user}"))
    subprocess.run([sys.executable, "-m", "tui", "--board", str(board_path), *args],
                   cwd=ROOT, env=env, check=True, capture_output=True, timeout=60)


SEEN_WITHIN = 10.0
"""A bounded wait, not a timing: the change must show up at all without a restart. How fast
it shows (DESIGN.md §8: ≤ 2 s) is measured by bench/bench_tui.py, never asserted here."""


async def watching(app) -> None:
    """Wait until the app's follower has its folder watch in place (what a write made earlier
    could miss, with only file-system events); a bounded wait, not a timing."""
    await asyncio.wait_for(app._follower.ready.wait(), SEEN_WITHIN)


async def wait_until(pilot, condition, seconds: float = SEEN_WITHIN) -> bool:
    """Pause until ``condition()`` holds (True) or ``seconds`` pass (False)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        await pilot.pause(0.05)
    return bool(condition())


@pytest.mark.parametrize("mode", ["watch", "file-system events only", "stat poll only (NFS/SMB)",
                                  "app's fallback poll only"])
async def test_another_process_move_is_seen_quickly_by_the_watcher(make_app, board_path, tmp_path,
                                                                   monkeypatch, mode) -> None:
    from storage.sync import watch

    async def nothing(*_args) -> None:
        return None

    if mode.startswith("stat"):  # inotify never fires for another NFS client's write
        monkeypatch.setattr(watch, "_native", nothing)
    if mode.startswith("file"):  # watchfiles alone delivers (the stat poll never looks)
        monkeypatch.setattr(watch, "_poll", nothing)
    if mode.startswith("app"):  # the watcher could not start: the app's own slow poll remains
        app = make_app(watch_files=False, poll_seconds=0.5)
    else:
        app = make_app(poll_seconds=NO_FALLBACK)
    async with app.run_test(size=SIZE) as pilot:
        if not mode.startswith("app"):  # (the app's own poll compares with what the store read)
            await watching(app)
        grid = app.screen.query_one(BoardGrid)
        grid.select(card_of(7))
        other_process(board_path, tmp_path, "move", card_of(6), "blocked")
        assert await wait_until(pilot, lambda: app.snapshot.cards[card_of(6)].status == "blocked")
        await pilot.pause()
        assert card_of(6) in grid.lanes[0].columns[2]
        assert grid.card_id == card_of(7)
        assert "สมชาย" in str(app.screen.query_one("#status").render())
        if not mode.startswith("app"):  # one worker follows the disk, no thread of ours
            assert [w.group for w in app.workers] == ["follow-disk"]
            assert not [t for t in threading.enumerate() if t.name.startswith("board-")]


async def test_a_move_made_before_the_watch_was_set_up_is_shown_too(make_app, board_path, tmp_path,
                                                                     monkeypatch) -> None:
    """Another officer's move lands after this board was read but before the folder watch is in
    place (first paint, then watchfiles starts): no event will ever report it, yet it shows
    without waiting for the app's slow fallback poll (which never fires here)."""
    from storage.sync import watch

    real_native = watch._native

    async def write_first(*args) -> None:
        await asyncio.to_thread(other_process, board_path, tmp_path, "move", card_of(6), "blocked")
        await real_native(*args)

    async def nothing(*_args) -> None:
        return None

    monkeypatch.setattr(watch, "_native", write_first)
    monkeypatch.setattr(watch, "_poll", nothing)  # only file-system events, as the window would have it
    app = make_app(poll_seconds=NO_FALLBACK)
    async with app.run_test(size=SIZE) as pilot:
        await watching(app)
        assert await wait_until(pilot, lambda: app.snapshot.cards[card_of(6)].status == "blocked")
        await pilot.pause()
        assert card_of(6) in app.screen.query_one(BoardGrid).lanes[0].columns[2]
        assert "สมชาย" in str(app.screen.query_one("#status").render())


async def test_quit_while_the_watcher_runs_never_hangs(make_app, board_path, tmp_path) -> None:
    """q right after another process wrote: the watcher's delivery thread may be waiting on
    the event loop, so stopping must not join it there (that was a hang). The bound below is
    a hang detector, not a timing; bench/bench_tui.py measures how fast q is."""
    app = make_app(poll_seconds=NO_FALLBACK)

    async def session() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await watching(app)
            other_process(board_path, tmp_path, "note", card_of(1), "กำลังดำเนินการ")
            await pilot.press("q")
            await pilot.pause()
            assert app.return_code == 0

    await asyncio.wait_for(session(), timeout=60)
    assert not app.is_running and app._follower.worker is None


async def test_open_card_detail_follows_another_users_move_and_note(make_app, board_path, tmp_path) -> None:
    from tests.tui.helpers import plain
    from tui.screens.card_detail import CardDetailScreen

    app = make_app(poll_seconds=NO_FALLBACK)
    async with app.run_test(size=(100, 30)) as pilot:
        await watching(app)
        app.screen.query_one(BoardGrid).select(card_of(6, 1))
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, CardDetailScreen)

        def body() -> str:
            return plain(detail.query_one("#detail-body").content)

        def status() -> str:
            return next(line for line in body().splitlines() if line.strip().startswith("สถานะ"))

        assert "ติดปัญหา" in status() and "ส่งรายงานแล้ว" not in body()
        other_process(board_path, tmp_path, "move", card_of(6, 1), "done", "--note", "ส่งรายงานแล้ว", user="วิภา")
        assert await wait_until(pilot, lambda: "ส่งรายงานแล้ว" in body())
        assert app.screen is detail  # still open, now showing the new status, note and history
        text = body()
        assert "ส่งรายงานแล้ว" in text and "วิภา" in text
        assert "ดำเนินการแล้ว" in status()
        assert "วิภา" in str(detail.query_one("#detail").border_subtitle)
        other_process(board_path, tmp_path, "note", card_of(2), "ไม่เกี่ยวกับการ์ดนี้", user="สมชาย")
        assert await wait_until(pilot, lambda: app.snapshot.notes_of(card_of(2)))
        await pilot.pause()
        assert "ไม่เกี่ยวกับการ์ดนี้" not in body()


async def test_cursor_stays_on_its_card_when_another_user_moves_that_card(make_app, board_path, tmp_path) -> None:
    app = make_app(poll_seconds=NO_FALLBACK)
    async with app.run_test(size=SIZE) as pilot:
        await watching(app)
        grid = app.screen.query_one(BoardGrid)
        assert grid.card_id == card_of(1)  # first card of the first column
        other_process(board_path, tmp_path, "move", card_of(1), "blocked")
        assert await wait_until(pilot, lambda: app.snapshot.cards[card_of(1)].status == "blocked")
        await pilot.pause()
        assert grid.card_id == card_of(1) and grid.column == 2  # followed it, not the card now in its old place
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.card_id == card_of(1)


async def test_read_only_meeting_board_follows_changes_too(board_path, tmp_path) -> None:
    from storage.sync.store import BoardStore
    from tests.conftest import TODAY
    from tui.app import BoardApp

    store = BoardStore.open(board_path, read_only=True)  # what `board --read-only` opens
    app = BoardApp(store, read_only=True, today=TODAY, poll_seconds=NO_FALLBACK)
    app.animation_level = "none"
    try:
        async with app.run_test(size=SIZE) as pilot:
            await watching(app)
            other_process(board_path, tmp_path, "move", card_of(4, 1), "done")
            assert await wait_until(pilot, lambda: app.snapshot.cards[card_of(4, 1)].status == "done")
    finally:
        store.close()
