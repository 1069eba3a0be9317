"""BoardStore basics: create, open, move, note, reopen, two replicas, import idempotence."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.errors import AmbiguousCard, BadStatus, BoardError, UnknownCard
from storage.sync.store import BoardStore
from tinydb import TinyDB

from tests.storage.conftest import sample_records


def test_a_move_is_on_disk_when_it_returns(board: Path) -> None:
    store = BoardStore.open(board)
    card = next(iter(store.snapshot().cards.values()))
    moved = store.move(card.id, "doing", note="เริ่มดำเนินการแล้ว")
    assert moved.status == "doing" and moved.updated_by == "somchai"
    reopened = BoardStore.open(board).snapshot()
    assert reopened.cards[card.id].status == "doing"
    assert [n.text for n in reopened.notes_of(card.id)] == ["เริ่มดำเนินการแล้ว"]
    (event,) = reopened.history_of(card.id)
    assert (event.field, event.old, event.new, event.author) == ("status", "todo", "doing", "somchai")


def test_files_are_tinydb_files_with_readable_thai(board: Path) -> None:
    store = BoardStore.open(board)
    store.add_note(next(iter(store.snapshot().cards)), "ติดปัญหางบประมาณ")
    assert "ติดปัญหางบประมาณ".encode() in store.own_path.read_bytes()
    assert len(TinyDB(store.own_path).table("events")) == 1
    assert TinyDB(board).table("board").all()[0]["name"] == "ระยอง"


def test_two_replicas_see_each_other_after_refresh(board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = BoardStore.open(board)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state-b"))
    theirs = BoardStore.open(board, user="somsri")
    assert theirs.replica_id != mine.replica_id
    a, b = sorted(mine.snapshot().cards)[:2]
    theirs.move(a, "blocked")
    mine.move(b, "done")
    assert mine.changed_on_disk() and theirs.changed_on_disk()
    changes = mine.refresh()
    assert [(c.kind, c.card_id, c.author, c.detail) for c in changes] == [("status", a, "somsri", "blocked")]
    theirs.refresh()
    for store in (mine, theirs):
        assert (store.snapshot().cards[a].status, store.snapshot().cards[b].status) == ("blocked", "done")
    assert mine.refresh() == [] and not mine.changed_on_disk()


def test_importing_the_same_letter_twice_changes_nothing(board: Path) -> None:
    store = BoardStore.open(board)
    assert store.add_records(sample_records()) == 0
    assert store.add_records(sample_records(items=4)) == 4  # one item + its three cards
    assert len(store.snapshot().cards) == 12
    assert store.add_records(sample_records(items=4)) == 0


def test_create_refuses_to_replace_a_board(board: Path) -> None:
    before = board.read_bytes()
    with pytest.raises(BoardError, match="already exists"):
        BoardStore.create(board, sample_records())
    assert board.read_bytes() == before


def test_user_errors_are_board_errors(board: Path) -> None:
    store = BoardStore.open(board)
    card = next(iter(store.snapshot().cards))
    with pytest.raises(BadStatus):
        store.move(card, "finished")
    with pytest.raises(UnknownCard):
        store.move("ffffffff", "done")
    with pytest.raises(UnknownCard):
        store.resolve_card("zz")
    assert store.resolve_card(card[:12].upper()).id == card
    with pytest.raises(AmbiguousCard):
        store.resolve_card(_common_prefix(store))


def _common_prefix(store: BoardStore) -> str:
    ids = sorted(store.snapshot().cards)
    for a, b in zip(ids, ids[1:]):
        if a[0] == b[0]:
            return a[0]
    pytest.skip("no two ids share a first digit")


def test_reading_a_board_leaves_no_file_behind(board: Path) -> None:
    store = BoardStore.open(board, user="reader")
    store.refresh()
    assert list((board.parent / "board.d").iterdir()) == []


def test_an_import_adds_new_aliases_of_known_agencies_without_counting_them(board: Path) -> None:
    from dataclasses import replace

    store = BoardStore.open(board)
    records = sample_records()
    agency = records.agencies[0]
    records = replace(records, agencies=(replace(agency, aliases=("สนง.จังหวัดระยอง",)), *records.agencies[1:]))
    assert store.add_records(records) == 0
    assert store.snapshot().agencies[agency.id].aliases == ("สนง.จังหวัดระยอง",)
    assert store.add_records(records) == 0
    assert BoardStore.open(board, user="x").snapshot().agencies[agency.id].aliases == ("สนง.จังหวัดระยอง",)


def test_add_alias_and_set_rank(board: Path) -> None:
    store = BoardStore.open(board)
    agency = next(iter(store.snapshot().agencies))
    assert "ผวจ." in store.add_alias(agency, "ผวจ.").aliases
    card = sorted(store.snapshot().cards)[0]
    assert store.set_rank(card, -1.5).rank == -1.5
    assert BoardStore.open(board).snapshot().cards[card].rank == -1.5


def test_a_long_session_compacts_its_own_file_and_loses_nothing(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import storage.sync.store as store_module

    monkeypatch.setattr(store_module, "COMPACT_AT", 10)
    store = BoardStore.open(board)
    card = sorted(store.snapshot().cards)[0]
    for i in range(25):
        store.add_note(card, f"บันทึก {i}")
    assert list((board.parent / "board.d").glob("base-*.json")), "no compaction happened"
    assert len(TinyDB(store.own_path).table("events")) < 10
    fresh = BoardStore.open(board, user="reader").snapshot()
    assert [n.text for n in fresh.notes_of(card)] == [f"บันทึก {i}" for i in range(25)]


def test_a_write_that_fails_is_not_shown_and_not_saved_later(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import storage.sync.files as files_module

    store = BoardStore.open(board)
    a, b = sorted(store.snapshot().cards)[:2]
    real = files_module._write_temp

    def full_disk(path: Path, *args: object) -> Path:
        raise OSError(28, "No space left on device", str(path))

    # Every atomic write, wherever it is called from, makes its temp file here first.
    monkeypatch.setattr(files_module, "_write_temp", full_disk)
    with pytest.raises(OSError):
        store.move(a, "done")
    assert store.snapshot().cards[a].status == "todo"
    monkeypatch.setattr(files_module, "_write_temp", real)
    store.move(b, "doing")
    fresh = BoardStore.open(board, user="reader").snapshot()
    assert (fresh.cards[a].status, fresh.cards[b].status) == ("todo", "doing")


def test_two_sessions_of_one_user_share_a_replica_and_see_each_other(board: Path) -> None:
    tui, script = BoardStore.open(board), BoardStore.open(board)
    assert tui.replica_id == script.replica_id
    a, b = sorted(tui.snapshot().cards)[:2]
    script.move(a, "blocked", note="รองบประมาณ")
    assert tui.changed_on_disk()
    assert {c.kind for c in tui.refresh()} == {"status", "note"}
    tui.move(b, "done")  # must not drop the script's write from the shared replica file
    script.add_note(b, "ปิดงานแล้ว")
    fresh = BoardStore.open(board, user="reader").snapshot()
    assert (fresh.cards[a].status, fresh.cards[b].status) == ("blocked", "done")
    assert [n.text for n in fresh.notes_of(a) + fresh.notes_of(b)] == ["รองบประมาณ", "ปิดงานแล้ว"]


def test_a_deleted_card_stays_deleted_everywhere_and_keeps_its_notes(board: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    store = BoardStore.open(board)
    card = sorted(store.snapshot().cards)[0]
    store.add_note(card, "ก่อนลบ")
    store.delete_card(card)
    assert card not in store.snapshot().cards
    with pytest.raises(UnknownCard):
        store.move(card, "done")
    assert store.add_records(sample_records()) == 0  # re-importing the letter does not bring it back
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state-b"))
    other = BoardStore.open(board, user="somsri").snapshot()
    assert card not in other.cards and [n.text for n in other.notes_of(card)] == ["ก่อนลบ"]


def test_reading_a_bare_board_file_creates_nothing_beside_it(tmp_path: Path, state_home: Path) -> None:
    import shutil

    ROOT = Path(__file__).resolve().parents[2]
    board = tmp_path / "board.json"
    shutil.copy(ROOT / "board.json", board)  # the bundled board, as shipped
    store = BoardStore.open(board)
    assert store.snapshot().cards and store.problems == ()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.json", "state-a"]
    store.move(next(iter(store.snapshot().cards)), "doing")
    assert (tmp_path / "board.d" / f"{store.replica_id}.json").exists()
