"""Change detection: another replica's write reaches on_change, by watch and by poll alone."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from storage.sync import watch
from storage.sync.store import BoardStore


def _write_elsewhere(board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, card: str) -> None:
    with monkeypatch.context() as m:
        m.setenv("XDG_STATE_HOME", str(tmp_path / "state-other"))
        BoardStore.open(board, user="somsri").move(card, "done")


async def _nothing(*_args) -> None:
    return None


@pytest.mark.parametrize("mode", ["watch and poll", "poll only (NFS/SMB)", "watch only"])
async def test_another_replicas_write_triggers_one_refresh(board: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    store = BoardStore.open(board)
    card = sorted(store.snapshot().cards)[0]
    calls: list[int] = []
    fired = asyncio.Event()
    if mode.startswith("poll"):
        monkeypatch.setattr(watch, "_native", _nothing)
    if mode == "watch only":
        monkeypatch.setattr(watch, "_poll", _nothing)

    def changed() -> None:
        calls.append(1)
        fired.set()

    ready = asyncio.Event()
    follow = asyncio.create_task(watch.follow_changes(store.watch_paths(), changed, poll_seconds=0.2,
                                                      debounce_seconds=0.2, on_ready=ready.set))
    try:
        await asyncio.wait_for(ready.wait(), 10)  # the watch is in place (a hang detector)
        await asyncio.to_thread(_write_elsewhere, board, tmp_path, monkeypatch, card)
        await asyncio.wait_for(fired.wait(), 5)  # a hang detector, not a timing
    finally:
        follow.cancel()
        await asyncio.gather(follow, return_exceptions=True)
    assert follow.cancelled()  # and cancelling it is how the app stops it
    assert store.changed_on_disk()
    assert [c.detail for c in store.refresh()] == ["done"]
    assert store.snapshot().cards[card].status == "done"


async def test_a_write_at_once_after_ready_is_seen_by_the_watch_alone(board: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """``on_ready`` means the folder watch records events: a write made inside the callback,
    before the loop turns again, is reported with no stat poll to fall back on (a readiness
    signalled before watchfiles had set up its watch would miss it every time)."""
    store = BoardStore.open(board)
    card = sorted(store.snapshot().cards)[0]
    monkeypatch.setattr(watch, "_poll", _nothing)
    fired, readied = asyncio.Event(), []

    def ready() -> None:
        readied.append(1)
        _write_elsewhere(board, tmp_path, monkeypatch, card)

    follow = asyncio.create_task(watch.follow_changes(store.watch_paths(), fired.set, debounce_seconds=0.05,
                                                      on_ready=ready))
    try:
        await asyncio.wait_for(fired.wait(), 10)  # a hang detector, not a timing
    finally:
        follow.cancel()
        await asyncio.gather(follow, return_exceptions=True)
    assert readied == [1]
    assert [c.detail for c in store.refresh()] == ["done"]


async def test_ready_comes_even_when_nothing_can_be_watched(tmp_path: Path) -> None:
    """No folder yet (or no watch possible): the poll follows alone, and the caller is told at once."""
    ready = asyncio.Event()
    follow = asyncio.create_task(watch.follow_changes([tmp_path / "not-yet"], lambda: None, on_ready=ready.set))
    try:
        await asyncio.wait_for(ready.wait(), 10)
    finally:
        follow.cancel()
        await asyncio.gather(follow, return_exceptions=True)
