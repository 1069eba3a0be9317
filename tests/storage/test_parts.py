"""The store's parts on their own: the replica's own file, the folder scan, the pure edits.

The facade tests (test_store_basic, test_sync_files, ...) check the same behaviour through
``BoardStore``; these pin down what each part owns, without the others.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from storage.errors import BadStatus, BoardError, UnknownCard
from storage.sync import edits
from storage.sync.codec import parse_file
from storage.sync.own import Identity, OwnFile
from storage.sync.replica import replica_for
from storage.sync.scan import FolderScan
from storage.sync.state import State, merge_into
from storage.sync.store import BoardStore
from storage.sync.view import view
from tests.storage.conftest import sample_records

STAMP = (1_800_000_000_000, 0, "aaaaaaaaaaaaaaaa")


def _own(board: Path, user: str = "somchai") -> OwnFile:
    base = parse_file(board)
    assert base is not None and base[1] is not None
    replica = replica_for(board, base[1]["board_id"], user)
    return OwnFile(Identity(base[1]["board_id"], "ระยอง", user), replica, board)


def _base(board: Path) -> State:
    parsed = parse_file(board)
    assert parsed is not None and parsed[2] is not None
    return parsed[2]


def _basis(state: State, stamp=STAMP, by: str = "somchai") -> edits.Basis:
    ids = iter(f"event{n}" for n in range(100))
    return edits.Basis(view(state), state, stamp, by, new_id=lambda: next(ids))


# -- the replica's own file -------------------------------------------------------------------


def test_own_file_writes_both_copies_and_a_new_session_loads_them(board: Path) -> None:
    own = _own(board)
    with own.locked():
        assert own.load() is False and not own.path.exists()  # nothing written by reading
        card = sorted(view(_base(board)).cards)[0]
        own.add(edits.move(_basis(_base(board)), card, "doing"))
        own.write()
    assert own.path.read_bytes() == own.replica.shadow_path.read_bytes()
    again = _own(board)
    with again.locked():
        assert again.load() is True
    assert again.entries == own.entries and again.entries.size() == 2  # the status and its history


@pytest.mark.parametrize("damage", ["delete", "rollback"])
def test_own_file_repairs_the_synced_copy_from_the_shadow(board: Path, damage: str) -> None:
    own = _own(board)
    card = sorted(view(_base(board)).cards)[0]
    with own.locked():
        own.add(edits.set_rank(_basis(_base(board)), card, 1.0))
        own.write()
        old = own.path.read_bytes()
        own.add(edits.add_note(_basis(_base(board), stamp=(STAMP[0] + 1, 0, STAMP[2])), card, "บันทึก"))
        own.write()
    full = own.path.read_bytes()
    if damage == "delete":
        own.path.unlink()
    else:
        own.path.write_bytes(old)
        os.utime(own.path, ns=(1, 1))
    assert own.changed()
    fresh = _own(board)
    with fresh.locked():
        fresh.load()
    assert fresh.path.read_bytes() == full and not fresh.changed()


def test_a_damaged_synced_copy_is_moved_aside_and_named(board: Path) -> None:
    own = _own(board)
    card = sorted(view(_base(board)).cards)[0]
    with own.locked():
        own.add(edits.set_rank(_basis(_base(board)), card, 1.0))
        own.write()
    own.path.write_bytes(b"{garbage")
    fresh = _own(board)
    with fresh.locked():
        fresh.load()
    (problem,) = fresh.problems
    assert problem.path == str(own.path) and "moved to" in problem.problem
    assert (own.folder / ".archive" / own.path.name).read_bytes() == b"{garbage"
    assert parse_file(own.path)[2] == fresh.entries  # rewritten from the shadow


def test_forget_drops_unsaved_entries_and_the_next_load_reads_the_disk(board: Path) -> None:
    own = _own(board)
    card = sorted(view(_base(board)).cards)[0]
    with own.locked():
        own.add(edits.set_rank(_basis(_base(board)), card, 1.0))
        own.write()
        own.add(edits.set_rank(_basis(_base(board), stamp=(STAMP[0] + 5, 0, STAMP[2])), card, 9.0))
        own.forget()  # that second write failed
        own.load()
    assert own.entries.records[f"card/{card}"]["rank"][1] == 1.0


def test_own_file_compacts_into_a_new_base_and_keeps_only_what_it_lacks(board: Path) -> None:
    own, base = _own(board), _base(board)
    card = sorted(view(base).cards)[0]
    joined = base.copy()
    with own.locked():
        ops = edits.move(_basis(joined, stamp=(STAMP[0], 0, own.replica.id)), card, "done")
        own.add(ops)
        merge_into(joined, ops)
        done = own.compact(joined, base, (STAMP[0] + 10, 0, STAMP[2]))
        own.write()
    assert done is not None and done.entries == 2 and done.removed == []
    assert own.entries.size() == 0 and own.bases == [{"name": done.base, "changes": 2}]
    written = parse_file(own.folder / done.base)
    assert written is not None and written[2] == ops  # exactly what the board base lacked
    assert parse_file(own.path)[1]["bases"] == own.bases
    with own.locked():
        assert own.compact(joined, base, (STAMP[0] + 20, 0, STAMP[2])) is None  # nothing of ours left


# -- the folder scan --------------------------------------------------------------------------


def _scan(board: Path) -> FolderScan:
    parsed = parse_file(board)
    assert parsed is not None and parsed[1] is not None
    return FolderScan(board, parsed[1]["board_id"], parsed[0])


def test_the_scan_joins_other_replicas_and_skips_unchanged_files(board: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state-b"))
    theirs = BoardStore.open(board, user="somsri")
    card = sorted(theirs.snapshot().cards)[0]
    theirs.move(card, "blocked", note="รองบ")
    scan, state = _scan(board), _base(board)
    scan.remember_dirs()
    delta = scan.scan(state, own=board.parent / "board.d" / "none.json", own_user="somchai", own_bases=[])
    assert delta.records == {f"card/{card}": {"status"}} and len(delta.events) == 2
    assert view(state).cards[card].status == "blocked"
    assert not scan.changed()
    assert not scan.scan(state, own=theirs.own_path, own_user="somchai", own_bases=[])  # nothing re-read
    theirs.move(card, "done")
    assert scan.changed()


def test_the_scan_names_bad_files_and_strays_and_reads_strays_afresh(board: Path) -> None:
    store = BoardStore.open(board)
    card = sorted(store.snapshot().cards)[0]
    store.move(card, "doing")
    folder = board.parent / "board.d"
    stray = folder / f"{store.replica_id}.sync-conflict-20250101-101010-ABCDEFG.json"
    shutil.copy(store.own_path, stray)
    bad = folder / "0123456789abcdef.json"
    bad.write_bytes(b"")
    scan, state = _scan(board), _base(board)
    scan.scan(state, own=store.own_path, own_user="somchai", own_bases=[])
    assert [p.path for p in scan.problems] == [str(bad)] and scan.unread() == {bad}
    assert scan.strays() == [stray]
    assert view(state).cards[card].status == "doing"  # the stray is data
    found, problems = scan.read_strays()
    assert [p for p, _ in found] == [stray] and problems == []


# -- the edits, pure --------------------------------------------------------------------------


def test_edits_build_stamped_operations_from_the_board_as_seen() -> None:
    from storage.sync.codec import records_state

    state = records_state(sample_records())
    card = sorted(view(state).cards)[0]
    ops = edits.move(_basis(state), card, "blocked", note="  รองบ  ")
    assert ops.records == {f"card/{card}": {"status": (STAMP, "blocked", "somchai")}}
    assert [(e["kind"], e["card"], e["s"]) for e in ops.events.values()] == [
        ("history", card, list(STAMP)), ("note", card, list(STAMP))]
    assert ops.events["event1"]["text"] == "รองบ"
    assert edits.move(_basis(state), card, "todo").size() == 0  # already there: nothing to say
    assert state == records_state(sample_records()), "an edit changed the board it was given"


def test_edits_refuse_bad_input_before_building_anything() -> None:
    from storage.sync.codec import records_state

    state = records_state(sample_records())
    card = sorted(view(state).cards)[0]
    with pytest.raises(BadStatus):
        edits.move(_basis(state), card, "finished")
    with pytest.raises(UnknownCard):
        edits.set_rank(_basis(state), "ffff", 1.0)
    with pytest.raises(BoardError, match="needs some text"):
        edits.add_note(_basis(state), card, "   ")
    with pytest.raises(BoardError, match="no agency"):
        edits.add_alias(_basis(state), "nope", "x")


def test_an_import_only_adds_what_the_board_lacks_even_after_a_delete() -> None:
    from storage.sync.codec import records_state

    state = records_state(sample_records())
    card = sorted(view(state).cards)[0]
    merge_into(state, edits.delete_card(_basis(state), card))
    assert edits.add_records(_basis(state), sample_records()).size() == 0
    assert edits.new_records(state, sample_records(items=4)) == 4
    more = edits.add_records(_basis(state), sample_records(items=4))
    assert len(more.records) == 4 and all(reg[0] == (0, 0, "") for f in more.records.values() for reg in f.values())


# -- the facade uses only public parts --------------------------------------------------------


def test_store_and_sync_ops_do_not_import_each_other() -> None:
    import ast

    root = Path(__file__).resolve().parents[2] / "storage" / "sync"
    tree = ast.parse((root / "sync_ops.py").read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert "storage.sync.store" not in imported
    for module in ("sync_ops.py", "own.py", "scan.py", "edits.py"):
        text = (root / module).read_text(encoding="utf-8")
        assert "store._" not in text, f"{module} reaches into the store's private members"
