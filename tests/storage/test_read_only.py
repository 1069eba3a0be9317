"""``BoardStore.open(path, read_only=True)``: the whole board, nothing written anywhere."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storage.errors import BoardError
from storage.sync.store import BoardStore


def _tree(*folders: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()}


def test_read_only_sees_every_replica_and_writes_nothing_anywhere(
        board: Path, tmp_path: Path, state_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = sorted(BoardStore.open(board).snapshot().cards)[:2]
    BoardStore.open(board).move(a, "doing", note="เริ่มแล้ว")  # somchai's own replica
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state-b"))
    BoardStore.open(board, user="somsri").move(b, "blocked")
    monkeypatch.setenv("XDG_STATE_HOME", str(state_home))
    before = _tree(tmp_path)

    for user in ("somchai", "a-visitor-who-never-wrote"):
        store = BoardStore.open(board, user=user, read_only=True)
        snap = store.snapshot()
        assert (snap.cards[a].status, snap.cards[b].status) == ("doing", "blocked")
        assert [n.text for n in snap.notes_of(a)] == ["เริ่มแล้ว"]
        for write in (lambda: store.move(a, "done"), lambda: store.add_note(a, "x"), store.sync,
                      lambda: store.set_rank(a, 1.0)):
            with pytest.raises(BoardError, match="read-only"):
                write()
        store.close()
    assert _tree(tmp_path) == before
    assert len(os.listdir(state_home / "directive-board" / "boards")) == 1  # no identity for the visitor


def test_read_only_on_a_bare_board_creates_no_folder_and_no_state(tmp_path: Path, state_home: Path) -> None:
    from tests.storage.conftest import sample_records

    path = tmp_path / "board.json"
    BoardStore.create(path, sample_records())
    (tmp_path / "board.d").rmdir()
    store = BoardStore.open(path, read_only=True)
    assert len(store.snapshot().cards) == 9 and store.replica_id == ""
    assert sorted(os.listdir(tmp_path)) == ["board.json"] and not state_home.exists()


def test_read_only_refresh_sees_later_changes_and_own_shadow(
        board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    writer = BoardStore.open(board)
    a, b = sorted(writer.snapshot().cards)[:2]
    writer.move(a, "doing")
    reader = BoardStore.open(board, read_only=True)  # same user: reads the shadow too
    writer.own_path.unlink()  # the engine lost the synced copy; the shadow still has it
    writer.move(b, "done")
    writer.own_path.unlink()
    assert reader.changed_on_disk()
    reader.refresh()
    snap = reader.snapshot()
    assert (snap.cards[a].status, snap.cards[b].status) == ("doing", "done")
