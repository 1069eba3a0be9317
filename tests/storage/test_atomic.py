"""The atomic TinyDB storage: mode kept, replaced files seen, unchanged files not re-parsed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from tinydb import TinyDB

from storage.sync.files import write_atomic
from storage.sync.tables import AtomicJSONStorage
from storage.sync.store import BoardStore


def test_tinydb_on_the_atomic_storage_sees_a_file_replaced_by_rename(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.insert({"หน่วยงาน": "สนจ.ระยอง"})
    storage = db.storage
    assert storage.read() is storage.read(), "an unchanged file was parsed again"
    other = tmp_path / "other.json"
    TinyDB(other, storage=AtomicJSONStorage).insert({"หน่วยงาน": "พช.ระยอง"})
    os.replace(other, path)  # a sync engine landing a new version
    assert [d["หน่วยงาน"] for d in db.all()] == ["พช.ระยอง"]
    assert "พช.ระยอง".encode() in path.read_bytes()  # UTF-8, not \\u escapes
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".~")]


def test_a_group_shared_replica_file_stays_group_writable(board: Path) -> None:
    store = BoardStore.open(board)
    card = sorted(store.snapshot().cards)[0]
    store.move(card, "doing")
    os.chmod(store.own_path, 0o664)
    store.move(card, "done")
    assert stat.S_IMODE(os.stat(store.own_path).st_mode) == 0o664


def test_exclusive_write_never_replaces(tmp_path: Path) -> None:
    path = tmp_path / "board.json"
    write_atomic(path, b"{}", exclusive=True)
    with pytest.raises(FileExistsError):
        write_atomic(path, b"[]", exclusive=True)
    assert path.read_bytes() == b"{}"
    assert os.listdir(tmp_path) == ["board.json"]
