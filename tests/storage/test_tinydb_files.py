"""The replica file is a TinyDB database, written through TinyDB's tables and documents.

A script author opens any file the board writes with a plain ``TinyDB(path)`` and queries it;
the board itself changes its own file with TinyDB document operations in one atomic batch.
"""

from __future__ import annotations

import random
from pathlib import Path

import orjson
import pytest
from tinydb import Query, TinyDB

from storage.sync.codec import from_tables, group_regs, parse_file
from storage.sync.store import BoardStore
from storage.sync.tables import ReplicaFile
from storage.models import STATUSES


def _every_board_file(board: Path, store: BoardStore) -> list[Path]:
    return [board, *sorted((board.parent / "board.d").glob("*.json")), store.replica.shadow_path]


def test_every_file_the_board_writes_opens_and_queries_in_plain_tinydb(
        board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import storage.sync.store as store_module

    store = BoardStore.open(board)
    cards = sorted(store.snapshot().cards)
    store.move(cards[0], "doing", note="เริ่มแล้ว")
    store.move(cards[0], "blocked")  # supersedes the first status document
    store.set_rank(cards[1], 2.5)
    store.sync()  # a compacted base, and an emptied own file naming it
    monkeypatch.setattr(store_module, "COMPACT_AT", 4)
    for n in range(3):
        store.add_note(cards[2], f"บันทึก {n}")  # an automatic compaction on the way
    store.move(cards[2], "done")
    files = _every_board_file(board, store)
    assert len([p for p in files if p.name.startswith("base-")]) == 1
    for path in files:
        db = TinyDB(path)
        try:
            assert db.tables() <= {"board", "regs", "events"} and db.table("board").get(doc_id=1)["board_id"]
            for doc in db.table("regs").search(Query().r == f"card/{cards[2]}"):
                assert set(doc) == {"r", "s", "by", "f"}
            assert all(e["kind"] in ("note", "history") for e in db.table("events"))
        finally:
            db.close()
    snap = BoardStore.open(board, user="auditor").snapshot()
    assert [snap.cards[c].status for c in cards[:3]] == ["blocked", "todo", "done"]
    assert [n.text for n in snap.notes_of(cards[2])] == ["บันทึก 0", "บันทึก 1", "บันทึก 2"]


def test_the_own_file_is_changed_in_place_and_holds_exactly_our_entries(board: Path) -> None:
    """Random edits: after each, both copies hold the same bytes, decode to the replica's
    entries, and keep no superseded document (one per record, stamp and author)."""
    rng = random.Random(7)
    store = BoardStore.open(board)
    cards = sorted(store.snapshot().cards)
    before: dict[str, dict] = {}
    for step in range(40):
        card = rng.choice(cards)
        roll = rng.random()
        if roll < 0.5:
            current = store.snapshot().cards[card].status
            store.move(card, rng.choice([s for s in STATUSES if s != current]), note="n" if roll < 0.1 else None)
        elif roll < 0.8:
            store.set_rank(card, rng.uniform(-5, 5))
        else:
            store.add_note(card, f"บันทึก {step}")
        raw = store.own_path.read_bytes()
        assert raw == store.replica.shadow_path.read_bytes()
        data = orjson.loads(raw)
        _, state = from_tables(data)
        assert state == store.own.entries
        assert len(data["regs"]) == len(group_regs(store.own.entries)), "a superseded document was left"
        touched = [i for i in set(before) & set(data["regs"]) if data["regs"][i] != before[i]]
        assert len(touched) <= 1, "a change rewrote documents it had nothing to do with"
        before = data["regs"]


def test_a_failed_batch_writes_nothing_and_forgets_its_cached_parse(tmp_path: Path, board: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import storage.sync.files as files_module

    store = BoardStore.open(board)
    card = sorted(store.snapshot().cards)[0]
    store.move(card, "doing")
    copy = ReplicaFile(store.own_path)
    parsed = copy.read(None)
    assert parsed is not None and parsed[2] == store.own.entries
    before = store.own_path.read_bytes()

    def full_disk(path: Path, *args: object) -> Path:
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(files_module, "_write_temp", full_disk)
    ops = store.own.entries.copy()
    with pytest.raises(OSError):
        copy.rewrite(ops, {"board_id": "other"})
    assert store.own_path.read_bytes() == before
    assert copy.storage.data is None and copy.storage.key is None  # parsed again next time
    monkeypatch.undo()
    again = copy.read(None)
    assert again is not None and again[1]["board_id"] != "other"


def test_the_files_of_other_replicas_read_the_same_through_tinydb(board: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path (bytes -> documents) and TinyDB's documents agree on every file."""
    store = BoardStore.open(board)
    store.move(sorted(store.snapshot().cards)[0], "done", note="ปิดงาน")
    for path in _every_board_file(board, store):
        parsed = parse_file(path)
        through = ReplicaFile(path).read(None)
        assert parsed is not None and through is not None
        assert parsed[1:] == through[1:]


def test_folding_a_copy_of_our_own_file_adds_no_document_twice(board: Path) -> None:
    store = BoardStore.open(board)
    card = sorted(store.snapshot().cards)[0]
    store.move(card, "doing", note="เริ่มแล้ว")
    copy = parse_file(store.own_path)  # a conflict copy of our own file, as a sync engine makes
    assert copy is not None and copy[2] is not None
    store.set_rank(card, 3.0)
    own = store.own  # sync would compact as well; fold on its own, as board sync does first
    with own.locked():
        own.load()
        assert own.fold(copy[2]) == 0
        own.write()
    store.add_note(card, "ต่อ")
    data = orjson.loads(store.own_path.read_bytes())
    assert len(data["events"]) == len(own.entries.events) == 3
    assert len(data["regs"]) == len(group_regs(own.entries))
