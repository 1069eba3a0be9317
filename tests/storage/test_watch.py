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

    follow = asyncio.create_task(watch.follow_changes(store.watch_paths(), changed, poll_seconds=0.2,
                                                      debounce_seconds=0.2))
    try:
        await asyncio.sleep(0.5)  # let the watch and the first poll settle
        await asyncio.to_thread(_write_elsewhere, board, tmp_path, monkeypatch, card)
        await asyncio.wait_for(fired.wait(), 5)  # a hang detector, not a timing
    finally:
        follow.cancel()
        await asyncio.gather(follow, return_exceptions=True)
    assert follow.cancelled()  # and cancelling it is how the app stops it
    assert store.changed_on_disk()
    assert [c.detail for c in store.refresh()] == ["done"]
    assert store.snapshot().cards[card].status == "done"
