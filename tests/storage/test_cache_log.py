"""The open cache's log (storage/sync/cache_log.py): our own changes are logged beside the
cache instead of the whole cache being written again, and replayed at the next open — only
when they lead exactly to our file as it is on disk.

Each test compares what a store shows with what the files say (a read-only open, which never
uses the cache) and watches whether the cache was used (the ``used`` spy of test_open_cache).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storage.sync import cache, cache_log, store as store_module
from storage.sync.store import BoardStore

from tests.storage.test_open_cache import _own, _shadow, cache_file, opened, same, truth, used  # noqa: F401


def log_file(board: Path) -> Path:
    return cache_log.log_path(cache_file(board))


@pytest.fixture
def cached(board: Path) -> Path:
    """A board of ours opened once (the cache written) and one move of ours logged."""
    opened(board)
    store = BoardStore.open(board)
    store.move(list(store.snapshot().cards)[0], "doing")
    store.close()
    return board


def _moves(board: Path, *statuses: str, note: str | None = None) -> list[str]:
    store = BoardStore.open(board)
    cards = list(store.snapshot().cards)
    for n, status in enumerate(statuses):
        store.move(cards[n + 1], status)
    if note:
        store.add_note(cards[1], note)
    store.close()
    return cards


def test_a_move_is_logged_and_the_cache_is_not_written_again(cached: Path, used) -> None:
    before = cache_file(cached).stat()
    logged = log_file(cached).stat().st_size
    cards = _moves(cached, "blocked", "done", note="ส่งแล้ว")
    after = cache_file(cached).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert log_file(cached).stat().st_size > logged
    snap = opened(cached)
    assert used[-1] is True and same(snap, truth(cached))
    assert snap.cards[cards[1]].status == "blocked" and snap.cards[cards[2]].status == "done"
    assert [n.text for n in snap.notes_of(cards[1])] == ["ส่งแล้ว"]
    assert [h.new for h in snap.history_of(cards[1])][-1:] == ["blocked"]


def test_moves_replayed_from_the_log_need_no_registers(cached: Path, used, monkeypatch) -> None:
    """A `board list` after moves and notes: the moved cards are rebuilt from the log alone
    (decoding every register of a 10,000-card board is what the cache saves)."""
    _moves(cached, "blocked", note="โทรแล้ว")

    def no_decode(_raw):
        raise AssertionError("the registers were decoded")

    with monkeypatch.context() as patch:
        patch.setattr(cache, "decode_state", no_decode)
        snap = opened(cached)
    assert used[-1] is True and same(snap, truth(cached))


def test_a_store_opened_from_the_log_writes_on_top_of_it(cached: Path, used) -> None:
    """The registers behind a replayed view take the logged changes in when decoded: the
    next change (an undo needs the registers it overwrote) lands on top of them."""
    cards = _moves(cached, "blocked")
    store = BoardStore.open(cached)
    assert used[-1] is True
    store.move(cards[1], "done")
    assert store.last_change is not None and store.undo(store.last_change)
    store.close()
    snap = opened(cached)
    assert used[-1] is True and same(snap, truth(cached)) and snap.cards[cards[1]].status == "blocked"


def test_hand_edits_are_logged_and_replayed_with_the_registers(board: Path, used) -> None:
    """Changes beyond cards (a merge, a retired item, an agency's alias) are replayed through
    the registers: the view derives across records, as a fresh read does."""
    opened(board)
    store = BoardStore.open(board)
    snap = store.snapshot()
    first, second, third = sorted(snap.agencies)
    store.add_alias(third, "อำเภอทั้งหมด")
    store.merge_agencies(second, first)
    store.retire("item", sorted(snap.items)[-1])
    card = next(c for c in store.snapshot().cards.values() if c.agency_id == first)
    store.move(card.id, "done")
    store.close()
    assert log_file(board).stat().st_size > 100
    cached_snap = opened(board)
    fresh = truth(board)
    assert used[-1] is True and same(cached_snap, fresh) and dict(cached_snap.folds) == dict(fresh.folds)


def _cut_last_frame(board: Path) -> None:
    raw = log_file(board).read_bytes()
    log_file(board).write_bytes(raw[:-3])


def _log_of_another_cache(board: Path) -> None:
    """The same frames under the head of another cache's log (another token)."""
    raw = log_file(board).read_bytes()
    _, length = cache_log._FRAME.unpack_from(raw, len(cache_log.MAGIC))
    start = len(cache_log.MAGIC) + cache_log._FRAME.size
    _token, keys = __import__("marshal").loads(raw[start:start + length])
    log_file(board).write_bytes(cache_log._head(os.urandom(8), keys) + raw[start + length:])


STALE = {
    "our file replaced": lambda b: _touch(_own(b)),
    "our shadow replaced": lambda b: _touch(_shadow(b)),
    "log deleted": lambda b: log_file(b).unlink(),
    "last frame cut short": _cut_last_frame,
    "log of another cache": _log_of_another_cache,
    "flipped byte in the log": lambda b: _flip(log_file(b)),
}


def _touch(path: Path) -> None:
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data)


def _flip(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    raw[-5] ^= 0xFF
    path.write_bytes(bytes(raw))


@pytest.mark.parametrize("stale", list(STALE))
def test_a_log_that_does_not_lead_to_our_file_is_never_trusted(cached: Path, used, stale: str) -> None:
    _moves(cached, "blocked", "done")
    STALE[stale](cached)
    snap = opened(cached)
    assert used[-1] is False and same(snap, truth(cached))
    assert same(opened(cached), truth(cached)) and used[-1] is True  # written again by that miss


def test_a_write_that_was_not_logged_makes_the_cache_a_miss(cached: Path, used, monkeypatch) -> None:
    """A change whose frame could not be appended (a full disk, say): our file moved past the
    log's end, so the log no longer leads there — until the store's close writes the cache."""
    with monkeypatch.context() as patch:
        patch.setattr(cache_log, "append", lambda *a, **k: False)
        store = BoardStore.open(cached)
        card = list(store.snapshot().cards)[3]
        store.move(card, "blocked")
        assert opened(cached).cards[card].status == "blocked" and used[-1] is False
        store.close()
    snap = opened(cached)
    assert used[-1] is True and same(snap, truth(cached)) and snap.cards[card].status == "blocked"


def test_two_sessions_of_one_officer_through_the_log(cached: Path, used) -> None:
    """The second session re-reads our file under the lock and finds the first one's change:
    its view is no longer the cache's, so it does not log; its close writes the cache."""
    first, second = BoardStore.open(cached), BoardStore.open(cached)
    cards = list(first.snapshot().cards)
    first.move(cards[6], "doing")
    second.move(cards[7], "blocked")
    first.add_note(cards[6], "ส่งรายงานแล้ว")
    first.close()
    second.close()
    snap = opened(cached)
    assert same(snap, truth(cached))
    assert snap.cards[cards[6]].status == "doing" and snap.cards[cards[7]].status == "blocked"
    assert [n.text for n in snap.notes_of(cards[6])] == ["ส่งรายงานแล้ว"]


def test_a_long_log_is_folded_into_a_new_cache(cached: Path, used, monkeypatch) -> None:
    monkeypatch.setattr(cache_log, "MAX_BYTES", log_file(cached).stat().st_size + 10)
    before = cache_file(cached).stat().st_ino
    cards = _moves(cached, "blocked", "done", "doing")
    assert cache_file(cached).stat().st_ino != before  # the close wrote it again
    snap = opened(cached)
    assert used[-1] is True and same(snap, truth(cached)) and snap.cards[cards[3]].status == "doing"


def test_a_compaction_on_write_is_not_logged(cached: Path, used, monkeypatch) -> None:
    monkeypatch.setattr(store_module, "COMPACT_AT", 1)
    cards = _moves(cached, "blocked", "done")
    assert list(cached.with_name("board.d").glob("base-*.json"))
    snap = opened(cached)
    assert same(snap, truth(cached)) and snap.cards[cards[2]].status == "done"


def test_a_change_killed_before_its_frame_is_not_replayed(cached: Path, used) -> None:
    """Our file written, the process killed before the frame was appended: the log ends one
    version short of our file, so the cache is a miss and the change is read from the file."""
    store = BoardStore.open(cached)
    card = list(store.snapshot().cards)[4]
    saved = log_file(cached).read_bytes()
    store.move(card, "blocked")
    log_file(cached).write_bytes(saved)  # as if killed between the write and the append
    del store
    snap = opened(cached)
    assert used[-1] is False and snap.cards[card].status == "blocked" and same(snap, truth(cached))


def test_the_log_is_private_like_the_cache(cached: Path) -> None:
    assert log_file(cached).parent == cache_file(cached).parent
    assert not any(p.suffix == ".log" for p in cached.parent.rglob("*"))
    assert os.path.getsize(log_file(cached)) < cache_log.MAX_BYTES


def test_the_garbage_collector_is_back_on_after_every_open(cached: Path, used, tmp_path: Path) -> None:
    """Opening pauses the collector (cache.paused_gc): after a hit, a miss, a failed open and
    a decode of the registers it runs again — and a caller who had paused it keeps it paused."""
    import gc

    store = BoardStore.open(cached)
    store.state  # the registers decoded
    store.close()
    cache_file(cached).unlink()
    BoardStore.open(cached).close()
    with pytest.raises(Exception):
        BoardStore.open(tmp_path / "none.json")
    assert used[:2] == [True, False] and gc.isenabled()
    gc.disable()
    try:
        BoardStore.open(cached).close()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_registers_kept_once_in_the_cache_keep_their_values_and_types() -> None:
    """encode_state keeps equal registers of a text once; values Python calls equal but the
    files tell apart (1 and true, 0.0 and -0.0) come back as they were, so the join's
    tie-break by bytes sees what the files hold."""
    from storage.sync.state import State

    stamp = (1_700_000_000_000, 0, "a" * 16)
    state = State({
        "card/1": {"status": (stamp, "todo", "x"), "rank": (stamp, 0.0, "x"), "n": (stamp, 1, "x")},
        "card/2": {"status": (stamp, "todo", "x"), "rank": (stamp, -0.0, "x"), "n": (stamp, True, "x")},
        "card/3": {"text": (stamp, None, "x"), "refs": (stamp, ["a", 1], "x")},
    }, {"e": {"id": "e", "kind": "note", "s": list(stamp)}})
    back = cache.decode_state(cache.encode_state(state))
    assert back == state
    assert back.records["card/1"]["status"] is back.records["card/2"]["status"]
    assert type(back.records["card/2"]["n"][1]) is bool and type(back.records["card/1"]["n"][1]) is int
    assert str(back.records["card/2"]["rank"][1]) == "-0.0" and str(back.records["card/1"]["rank"][1]) == "0.0"
    back.records["card/1"]["status"] = (stamp, "done", "x")  # a register replaced, not changed in place
    assert back.records["card/2"]["status"][1] == "todo"


def test_our_two_copies_holding_the_same_bytes_are_parsed_once(cached: Path, monkeypatch) -> None:
    """A write re-reads our synced copy and its shadow; written alike, the second is not parsed
    again (storage/sync/files.py ``load_raw``). A synced copy that differs (rolled back by a
    sync engine) is parsed on its own, and what only the shadow holds is written back."""
    from storage.sync import files

    parsed: list[str] = []
    real = files._parse

    def counting(path, raw):
        parsed.append(Path(path).name)
        return real(path, raw)

    monkeypatch.setattr(files, "_parse", counting)
    store = BoardStore.open(cached)
    cards = list(store.snapshot().cards)
    store.move(cards[1], "blocked")
    assert parsed == ["shadow.json"]  # the synced copy: the same bytes, the same parse
    store.close()
    older = _own(cached).read_bytes()
    store = BoardStore.open(cached)
    store.move(cards[2], "done")
    store.close()
    own = _own(cached)
    own.write_bytes(older)  # the synced copy rolled back to before that move
    parsed.clear()
    store = BoardStore.open(cached)
    store.move(cards[3], "doing")
    store.close()
    assert own.name in parsed and "shadow.json" in parsed  # (a cache miss: every file read)
    snap = truth(cached)
    assert [snap.cards[c].status for c in cards[1:4]] == ["blocked", "done", "doing"]


def test_a_log_replayed_over_items_sharing_a_number(board: Path, used, tmp_path: Path, monkeypatch) -> None:
    """Two machines each added "the next item" of one letter (the view renumbers one of them
    from the whole board's registers, shown.numbered); then a move and a new card of ours are
    logged. The move is replayed from the log alone, the new card through the registers, and
    the board shows what the files say."""
    import shutil

    from storage.editing.values import AgencyChoice, ItemInput

    there = tmp_path / "other" / "board.json"
    shutil.copytree(board.parent, there.parent)
    letter = next(iter(truth(board).directives))
    for where, home, text in ((board, None, "ของสมชาย"), (there, tmp_path / "state-b", "ของมาลี")):
        with monkeypatch.context() as patch:
            if home is not None:
                patch.setenv("XDG_STATE_HOME", str(home))
            store = BoardStore.open(where)
            store.add_item(letter, ItemInput(text))
            store.close()
    for path in there.with_name("board.d").glob("*.json"):
        shutil.copy2(path, board.with_name("board.d") / path.name)
    opened(board)  # a miss: the cache holds the renumbered items
    store = BoardStore.open(board)
    snap = store.snapshot()
    assert len({(i.directive_id, i.seq) for i in snap.items.values()}) == len(snap.items)
    card = sorted(snap.cards)[0]
    store.move(card, "blocked")
    item = next(i.id for i in snap.items.values() if i.text == "ของสมชาย")
    store.assign(item, AgencyChoice(snap.agencies[sorted(snap.agencies)[0]].name, agency_id=sorted(snap.agencies)[0]))
    store.close()
    cached_snap = opened(board)
    fresh = truth(board)
    assert used[-1] is True and same(cached_snap, fresh) and cached_snap.cards[card].status == "blocked"
    assert len({(i.directive_id, i.seq) for i in fresh.items.values()}) == len(fresh.items)
