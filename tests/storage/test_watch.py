"""Change detection: another replica's write reaches on_change, by watch and by poll alone."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from storage.sync.store import BoardStore
from storage.sync.watch import Watcher


def _write_elsewhere(board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, card: str) -> None:
    with monkeypatch.context() as m:
        m.setenv("XDG_STATE_HOME", str(tmp_path / "state-other"))
        BoardStore.open(board, user="somsri").move(card, "done")


@pytest.mark.parametrize("mode", ["watch and poll", "poll only (NFS/SMB)"])
def test_another_replicas_write_triggers_one_refresh(board: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    store = BoardStore.open(board)
    card = sorted(store.snapshot().cards)[0]
    fired = threading.Event()
    if mode.startswith("poll"):
        monkeypatch.setattr(Watcher, "_watch", lambda self: None)
    watcher = Watcher(store.watch_paths(), fired.set, poll_seconds=0.2, debounce_seconds=0.2)
    watcher.start()
    try:
        threading.Event().wait(0.3)  # let the watch and the first poll settle
        _write_elsewhere(board, tmp_path, monkeypatch, card)
        assert fired.wait(3), "no change reported"
    finally:
        watcher.stop()
    assert store.changed_on_disk()
    assert [c.detail for c in store.refresh()] == ["done"]
    assert store.snapshot().cards[card].status == "done"
