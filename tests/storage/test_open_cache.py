"""The cache of the joined board (storage/sync/cache.py): used only when nothing changed.

Each test compares what a store shows with what the files say — a read-only open, which
never uses the cache — and watches whether the cache was used (a spy on ``cache.read``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from storage.sync import cache
from storage.sync.store import BoardStore

from tests.storage.conftest import sample_records


@pytest.fixture
def used(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """One entry per open that looked for a cache: whether it found one it could use."""
    seen: list[bool] = []
    real = cache.read

    def spy(*args, **kwargs):
        found = real(*args, **kwargs)
        seen.append(found is not None)
        return found

    monkeypatch.setattr(cache, "read", spy)
    return seen


def truth(board: Path):
    """What the files say (read-only: never reads or writes the cache)."""
    store = BoardStore.open(board, read_only=True)
    try:
        return store.snapshot()
    finally:
        store.close()


def same(a, b) -> bool:
    return (dict(a.cards) == dict(b.cards) and dict(a.items) == dict(b.items) and dict(a.agencies) == dict(b.agencies)
            and dict(a.directives) == dict(b.directives) and dict(a.notes) == dict(b.notes)
            and dict(a.history) == dict(b.history))


def opened(board: Path, **kwargs):
    store = BoardStore.open(board, **kwargs)
    snap = store.snapshot()
    store.close()
    return snap


def cache_file(board: Path) -> Path:
    return cache.cache_path(board, os.environ["BOARD_USER"])


@pytest.fixture
def worked(board: Path) -> Path:
    """A board with a move and a note of ours, another replica's file and a compacted base of
    ours, opened once so that the cache is written."""
    store = BoardStore.open(board)
    first, second = list(store.snapshot().cards)[:2]
    store.move(first, "doing", note="เริ่มแล้ว")
    store.sync()  # a compacted base-….json of ours, named by our emptied file
    store.move(second, "blocked")
    store.close()
    other = BoardStore.open(board, user="somsri")  # no identity of hers here: same state dir, other user
    other.move(second, "done")
    other.close()
    opened(board)
    return board


def test_an_unchanged_board_opens_from_the_cache_without_parsing(worked: Path, used, monkeypatch) -> None:
    from storage.sync import store as store_module

    def no_parse(*_args, **_kwargs):
        raise AssertionError("a file was parsed")

    monkeypatch.setattr(store_module, "parse_file", no_parse)
    snap = opened(worked)
    assert used[-1] is True
    monkeypatch.undo()
    assert same(snap, truth(worked))
    assert snap.cards[list(snap.cards)[1]].status == "done"


def _touch_same_size(path: Path) -> None:
    """The same bytes under a new inode and mtime (what a sync engine's replace does)."""
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data)


CHANGES = {
    "base rewritten": lambda b: _touch_same_size(b),
    "own synced copy replaced": lambda b: _touch_same_size(_own(b)),
    "own shadow replaced": lambda b: _touch_same_size(_shadow(b)),
    "another replica's file replaced": lambda b: _touch_same_size(_theirs(b)),
    "another replica's file deleted": lambda b: _theirs(b).unlink(),
    "our compacted base deleted": lambda b: next(b.with_name("board.d").glob("base-*.json")).unlink(),
    "conflict copy dropped in": lambda b: shutil.copy(_theirs(b), _theirs(b).with_name("x.sync-conflict-20250101-000000-AB.json")),
    "copy beside the board": lambda b: shutil.copy(b, b.with_name("board (1).json")),
    "odd entry in the folder": lambda b: os.mkfifo(b.with_name("board.d") / "pipe.json"),
}


def _replica(board: Path):
    from storage.sync.replica import find_replica

    store = BoardStore.open(board, read_only=True)
    store.close()
    return find_replica(board, store.board_id, os.environ["BOARD_USER"])


def _own(board: Path) -> Path:
    return board.with_name("board.d") / f"{_replica(board).id}.json"


def _shadow(board: Path) -> Path:
    return _replica(board).shadow_path


def _theirs(board: Path) -> Path:
    mine = _replica(board).id
    return next(p for p in sorted(board.with_name("board.d").glob("*.json"))
                if p.stem != mine and not p.name.startswith("base-"))


@pytest.mark.parametrize("change", list(CHANGES))
def test_any_changed_file_makes_the_cache_a_miss(worked: Path, used, change: str) -> None:
    CHANGES[change](worked)
    snap = opened(worked)
    assert used[-1] is False
    assert same(snap, truth(worked))


def test_a_replaced_file_of_the_same_size_and_mtime_is_still_seen(worked: Path, used) -> None:
    """Another replica's file replaced by one of the same size with its mtime put back (a
    sync engine keeps mtimes): the inode differs, so the key (inode, size, mtime_ns) does."""
    theirs = _theirs(worked)
    stat = theirs.stat()
    data = theirs.read_bytes().replace(b'"done"', b'"todo"')
    assert len(data) == stat.st_size
    temp = theirs.with_name(".incoming.tmp")  # how a sync engine lands a file: a temp, then rename
    temp.write_bytes(data)
    os.utime(temp, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    temp.replace(theirs)
    snap = opened(worked)
    assert used[-1] is False
    assert snap.cards[list(snap.cards)[1]].status == "todo" and same(snap, truth(worked))


def test_a_file_rewritten_in_place_with_its_mtime_put_back_is_still_seen(worked: Path, used) -> None:
    """``cp -p`` of a backup over the file, or ``rsync -t --inplace``: same inode, same size
    (todo and done are both four letters), mtime restored. Only the change time (ctime,
    which no program can set back) tells, and it is part of the key."""
    theirs = _theirs(worked)
    stat = theirs.stat()
    data = theirs.read_bytes().replace(b'"done"', b'"todo"')
    with open(theirs, "r+b") as handle:
        handle.write(data)
    os.utime(theirs, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    after = theirs.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    snap = opened(worked)
    assert used[-1] is False
    assert snap.cards[list(snap.cards)[1]].status == "todo" and same(snap, truth(worked))


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage", "flipped byte", "other program"])
def test_a_damaged_cache_is_ignored_and_written_again(worked: Path, used, damage: str) -> None:
    path = cache_file(worked)
    raw = path.read_bytes()
    with pytest.MonkeyPatch.context() as patch:
        if damage == "empty":
            path.write_bytes(b"")
        elif damage == "truncated":
            path.write_bytes(raw[: len(raw) // 2])
        elif damage == "garbage":
            path.write_bytes(os.urandom(4096))
        elif damage == "flipped byte":
            path.write_bytes(raw[:-100] + bytes([raw[-100] ^ 0xFF]) + raw[-99:])
        else:  # written by another version of the program: its code key differs
            patch.setattr(cache, "_code_key", lambda: ("another version",))
        assert same(opened(worked), truth(worked)) and used[-1] is False
    opened(worked)  # (after "other program": this version's miss, which writes its own again)
    assert same(opened(worked), truth(worked)) and used[-1] is True


def test_read_only_opening_neither_writes_nor_reads_the_cache(worked: Path, used) -> None:
    path = cache_file(worked)
    path.unlink()
    store = BoardStore.open(worked, read_only=True)
    store.close()
    assert not path.exists() and used == []


def test_a_board_with_a_bad_file_is_not_cached_and_still_warns(board: Path, used) -> None:
    BoardStore.open(board).close()
    bad = board.with_name("board.d") / "0123456789abcdef.json"
    bad.parent.mkdir(exist_ok=True)
    bad.write_text("{ not json", encoding="utf-8")
    for _ in range(2):
        store = BoardStore.open(board)
        assert [p.path for p in store.problems] == [str(bad)]
        store.close()
    assert used == [False, False, False]  # the clean board's cache, written first, is not used


def test_writes_from_a_cached_store_land_and_keep_the_cache_fresh(worked: Path, used) -> None:
    store = BoardStore.open(worked)
    assert used[-1] is True
    cards = list(store.snapshot().cards)
    for status in ("doing", "blocked", "done"):  # the same field again: superseded in place
        store.move(cards[2], status)
    store.add_note(cards[3], "ประชุมแล้ว")
    store.close()
    assert same(opened(worked), truth(worked))
    assert used[-1] is True  # close() wrote the cache again
    fresh = truth(worked)
    assert fresh.cards[cards[2]].status == "done" and [n.text for n in fresh.notes_of(cards[3])] == ["ประชุมแล้ว"]


def test_a_cached_store_with_a_slow_clock_still_wins(worked: Path, used) -> None:
    """The newest stamp the cache saw is observed: a clock a little behind it (within the
    drift bound) still writes a winner, from the cache."""
    from storage.sync.clock import MAX_DRIFT_MS, wall_ms

    behind = wall_ms() - MAX_DRIFT_MS // 2
    store = BoardStore.open(worked, clock=lambda: behind)
    assert used[-1] is True
    second = list(store.snapshot().cards)[1]
    store.move(second, "todo")
    store.close()
    assert truth(worked).cards[second].status == "todo"


def test_a_clock_set_back_past_the_drift_bound_reads_the_files(worked: Path, used, monkeypatch) -> None:
    """What the cache saw is now far ahead of this machine's clock (set back by hours): the files
    are read instead, so what is ahead is named (clock.py), and a move here still wins."""
    from storage.sync import clock

    real = clock.wall_ms
    monkeypatch.setattr(clock, "wall_ms", lambda: real() - 3 * clock.MAX_DRIFT_MS)
    store = BoardStore.open(worked)
    assert used[-1] is True  # found, and still not used:
    assert any(p.reason == "ahead" for p in store.problems)
    second = list(store.snapshot().cards)[1]
    store.move(second, "todo")
    store.close()
    assert truth(worked).cards[second].status == "todo"


def test_a_cached_store_compacts_with_the_base_read_when_needed(worked: Path, used) -> None:
    store = BoardStore.open(worked)
    assert used[-1] is True
    card = list(store.snapshot().cards)[4]
    store.move(card, "doing")
    report = store.sync()
    store.close()
    assert report.compacted and truth(worked).cards[card].status == "doing"
    assert same(opened(worked), truth(worked))


def test_another_machine_change_after_the_cache_is_seen(worked: Path, used, tmp_path: Path, state_home: Path,
                                                       monkeypatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "elsewhere"))
    theirs = BoardStore.open(worked, user="somsri")
    card = list(theirs.snapshot().cards)[5]
    theirs.move(card, "blocked")
    theirs.close()
    monkeypatch.setenv("XDG_STATE_HOME", str(state_home))
    snap = opened(worked)
    assert used[-1] is False and snap.cards[card].status == "blocked"


def test_a_new_board_of_many_records_is_cached(tmp_path: Path, used) -> None:
    board = tmp_path / "big.json"
    BoardStore.create(board, sample_records())
    first = opened(board)
    assert same(opened(board), first) and used == [False, True]


def test_a_cached_board_shows_hand_edits_as_the_files_do(board: Path, used) -> None:
    """Merged agencies (cards joined), a retired item, a retracted note: what the view derives
    across records comes back from the cache exactly as a fresh read builds it."""
    store = BoardStore.open(board)
    snap = store.snapshot()
    first, second, third = sorted(snap.agencies)
    card = next(c for c in snap.cards.values() if c.agency_id == first)
    note = store.add_note(card.id, "รายงานผิดฉบับ")
    store.retract_note(card.id, note.id)
    store.merge_agencies(second, first)
    store.retire("item", sorted(snap.items)[-1])
    store.move(card.id, "done")
    store.close()
    cached = opened(board)
    assert used[-1] is True
    fresh = truth(board)
    assert same(cached, fresh) and dict(cached.folds) == dict(fresh.folds) and fresh.folds
    assert len(fresh.items) == len(snap.items) - 1 and second not in fresh.agencies


def test_a_store_opened_from_the_cache_sees_a_newcomers_first_file(worked: Path, used, tmp_path: Path,
                                                                   state_home: Path, monkeypatch) -> None:
    """A reader who never wrote (no file of hers to re-read) opens from the cache; another
    officer's first write adds a file to board.d/: the folder's listing changed, so the open
    board notices (what the TUI's poll and watcher ask) and shows it."""
    opened(worked, user="reader")
    store = BoardStore.open(worked, user="reader")
    assert used[-1] is True
    card = list(store.snapshot().cards)[5]
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "elsewhere"))
    theirs = BoardStore.open(worked, user="malee")
    theirs.move(card, "blocked")
    theirs.close()
    monkeypatch.setenv("XDG_STATE_HOME", str(state_home))
    assert store.changed_on_disk()
    assert [c.detail for c in store.refresh()] == ["blocked"]
    assert store.snapshot().cards[card].status == "blocked"
    store.close()


def test_two_sessions_of_one_officer_never_cache_less_than_the_files(worked: Path, used) -> None:
    """Two sessions of one user on one machine (one replica file, one cache) writing and closing
    in turn: whichever closes last, the next open from the cache shows every write."""
    first, second = BoardStore.open(worked), BoardStore.open(worked)
    cards = list(first.snapshot().cards)
    first.move(cards[6], "doing")
    second.move(cards[7], "blocked")  # reads our file under the lock: the first's move is kept
    first.add_note(cards[6], "ส่งรายงานแล้ว")
    second.close()  # its cache lacks the note: our file changed after it read it
    first.close()
    snap = opened(worked)
    assert same(snap, truth(worked))
    assert snap.cards[cards[6]].status == "doing" and snap.cards[cards[7]].status == "blocked"
    assert [n.text for n in snap.notes_of(cards[6])] == ["ส่งรายงานแล้ว"]


def test_models_from_the_cache_are_the_models_the_files_give(worked: Path, used) -> None:
    """The cache makes its models the fast way (``cache._maker``: a plain class with the same
    slots, then the model's class): each is of the model's own class, equal to and hashing
    like the one its constructor makes, as frozen, and replaceable field by field."""
    import dataclasses

    snap = opened(worked)
    assert used[-1] is True
    files = truth(worked)
    for name in ("cards", "items", "agencies", "directives"):
        for key, model in getattr(snap, name).items():
            cls = type(model)
            assert cls in cache._MODELS.values() and cache._maker(cls)[0] is not cls
            made = cls(*(getattr(model, f.name) for f in dataclasses.fields(cls)))
            assert model == made and hash(model) == hash(made) and repr(model) == repr(made)
            assert model == getattr(files, name)[key]
            with pytest.raises(dataclasses.FrozenInstanceError):
                model.id = "x"  # type: ignore[misc]
            assert dataclasses.replace(model, id="x").id == "x"


def test_a_model_the_fast_way_cannot_stand_for_is_made_by_its_class() -> None:
    from dataclasses import dataclass

    @dataclass(frozen=True, slots=True)
    class Checked:
        id: str

        def __post_init__(self) -> None:
            if not self.id:
                raise ValueError("no id")

    @dataclass(frozen=True)
    class Unslotted:
        id: str

    for cls in (Checked, Unslotted):
        cache._FIELDS[cls] = ("id",)
        try:
            assert cache._maker(cls) == (cls, cls)
        finally:
            del cache._FIELDS[cls], cache._MAKERS[cls]


def test_the_cache_keeps_the_columns_of_the_board_it_holds(worked: Path, used) -> None:
    """The board's first paint takes the columns the cache kept when the view is the one they
    were made from (storage/columns.py); after our own change replayed from the cache's log
    they are only an order to sort in; a board read from its files has none."""
    from storage.columns import fill

    store = BoardStore.open(worked)
    try:
        assert used[-1] is True
        columns, exact = store.cached_columns()
        assert exact and columns == fill(store.snapshot())[0] and sum(map(len, columns.values())) > 0
        assert store.cached_columns() == (None, False)  # handed out once
        card = next(iter(store.snapshot().cards))
        store.move(card, "blocked")
    finally:
        store.close()
    store = BoardStore.open(worked)  # the cache is written at close: replayed from its log, or new
    try:
        columns, exact = store.cached_columns()
        assert columns is not None and not exact  # the move is in the cache's log, not in its columns
        assert sorted(c for by in columns.values() for ids in by.values() for c in ids) == sorted(store.snapshot().cards)
    finally:
        store.close()
    store = BoardStore.open(worked, read_only=True)
    try:
        assert store.cached_columns() == (None, False)
    finally:
        store.close()
