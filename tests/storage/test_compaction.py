"""Compaction seen from another machine: an emptied replica file that arrives before its base.

Sync engines copy files in any order. After somsri compacts (her entries go into a new
``base-….json`` and her own file is emptied), a machine may receive the emptied file first.
The board there must say what it is waiting for, and must not compact on top of that
incomplete view.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import orjson
import pytest

from storage.sync import store as store_module
from storage.sync.bases import WaitingForBase
from storage.sync.store import BoardStore
from tui.cli import main


def _machine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / f"state-{name}"))
    monkeypatch.setenv("BOARD_USER", name)


def _bases(board: Path) -> list[str]:
    return sorted(p.name for p in (board.parent / "board.d").glob("base-*.json"))


def _meta(path: Path) -> dict:
    return orjson.loads(path.read_bytes())["board"]["1"]


def _meta_name(raw: bytes) -> str:
    return orjson.loads(raw)["board"]["1"]["bases"][0]["name"]


def _somsri_compacts(board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[BoardStore, str]:
    """somsri moves a card with a note and compacts; returns her store and the card."""
    with monkeypatch.context() as m:
        _machine(m, tmp_path, "somsri")
        theirs = BoardStore.open(board)
        card = sorted(theirs.snapshot().cards)[0]
        theirs.move(card, "blocked", note="รองบประมาณ")  # status + history + note = 3 changes
        report = theirs.sync()
    assert report.compacted == 3
    return theirs, card


def test_the_emptied_file_names_its_base_and_keeps_naming_it(
        board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    theirs, card = _somsri_compacts(board, tmp_path, monkeypatch)
    (base,) = _bases(board)
    meta = _meta(theirs.own_path)
    assert meta["bases"] == [{"name": base, "changes": 3}]
    assert orjson.loads(theirs.own_path.read_bytes())["regs"] == {}, "the own file was not emptied"
    with monkeypatch.context() as m:  # a later session of somsri, reading her shadow
        _machine(m, tmp_path, "somsri")
        later = BoardStore.open(board)
        later.add_note(card, "ได้รับงบแล้ว")
    assert _meta(later.own_path)["bases"] == [{"name": base, "changes": 3}]


def test_a_machine_that_gets_the_emptied_file_first_says_what_it_waits_for(
        board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    theirs, card = _somsri_compacts(board, tmp_path, monkeypatch)
    (base,) = _bases(board)
    in_transit = tmp_path / base
    shutil.move(board.parent / "board.d" / base, in_transit)  # the engine has not copied it yet

    mine = BoardStore.open(board)  # somchai's machine
    (waiting,) = mine.problems
    assert isinstance(waiting, WaitingForBase) and waiting.path == str(theirs.own_path)
    assert str(waiting).endswith(f"waiting for {base} from somsri to arrive; their 3 changes show once it does")
    assert mine.snapshot().cards[card].status == "todo"  # her change is not here yet

    assert main(["--board", str(board), "list", "--lang", "en"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [f"board: warning: {waiting}"]
    assert main(["--board", str(board), "list"]) == 0  # Thai by default
    err = capsys.readouterr().err.splitlines()
    assert err == [f"board: คำเตือน: {theirs.own_path}: รอไฟล์ {base} จาก somsri มาถึง "
                   "การเปลี่ยนแปลง 3 รายการของเขาจะแสดงเมื่อไฟล์มาถึง"]

    shutil.move(in_transit, board.parent / "board.d" / base)  # it arrives
    assert mine.changed_on_disk()
    mine.refresh()
    assert mine.problems == () and mine.waiting == ()
    assert mine.snapshot().cards[card].status == "blocked"
    assert [n.text for n in mine.snapshot().notes_of(card)] == ["รองบประมาณ"]


def test_no_compaction_or_pruning_on_top_of_an_incomplete_view(
        board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = BoardStore.open(board)
    cards = sorted(mine.snapshot().cards)
    mine.move(cards[5], "doing")
    mine.sync()  # somchai has an older base of his own
    (my_old_base,) = _bases(board)
    theirs, _ = _somsri_compacts(board, tmp_path, monkeypatch)
    (their_base,) = set(_bases(board)) - {my_old_base}
    in_transit = tmp_path / their_base
    shutil.move(board.parent / "board.d" / their_base, in_transit)

    fresh = BoardStore.open(board)  # a new session of somchai sees the incomplete view
    fresh.move(cards[6], "done")
    before = {p.name: p.read_bytes() for p in (board.parent / "board.d").iterdir() if p.is_file()}
    lines = fresh.sync().lines("en")
    assert any(line.startswith("not compacting: ") and their_base in line for line in lines), lines
    assert not any("in sync" in line for line in lines)
    after = {p.name: p.read_bytes() for p in (board.parent / "board.d").iterdir() if p.is_file()}
    assert after == before, "sync changed files while a base was missing"

    monkeypatch.setattr(store_module, "COMPACT_AT", 3)  # a long session would auto-compact now
    fresh.add_note(cards[6], "ส่งรายงานแล้ว")
    assert _bases(board) == [my_old_base]
    assert "ส่งรายงานแล้ว" in fresh.own_path.read_text(encoding="utf-8")

    shutil.move(in_transit, board.parent / "board.d" / their_base)
    fresh.refresh()
    assert fresh.sync().compacted > 0  # now it may
    (my_new_base,) = set(_bases(board)) - {their_base}
    assert my_new_base != my_old_base
    snap = BoardStore.open(board, user="auditor").snapshot()
    assert [snap.cards[c].status for c in cards[5:7]] == ["doing", "done"]


def test_a_newer_base_of_the_same_person_covers_an_older_name(
        board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    theirs, card = _somsri_compacts(board, tmp_path, monkeypatch)
    stale_copy = theirs.own_path.read_bytes()  # names her first base
    with monkeypatch.context() as m:
        _machine(m, tmp_path, "somsri")
        again = BoardStore.open(board)
        again.move(card, "done")
        again.sync()  # a second base; the first is removed
    (base,) = _bases(board)
    assert _meta(theirs.own_path)["bases"][0]["name"] == base != _meta_name(stale_copy)
    theirs.own_path.write_bytes(stale_copy)  # an engine delivers her older file late
    os.utime(theirs.own_path)
    mine = BoardStore.open(board)
    assert mine.problems == ()
    assert mine.snapshot().cards[card].status == "done"


def test_a_second_session_that_auto_compacts_keeps_what_the_first_compacted(
        board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two terminals of one user: the first compacts; the second, which never refreshed,
    compacts next and removes the first's base - it must have read that base first."""
    first, second = BoardStore.open(board), BoardStore.open(board)
    a, b = sorted(first.snapshot().cards)[:2]
    first.add_note(a, "บันทึกจากหน้าต่างแรก")
    first.sync()
    monkeypatch.setattr(store_module, "COMPACT_AT", 1)
    second.add_note(b, "บันทึกจากหน้าต่างที่สอง")  # compacts on write
    assert len(_bases(board)) == 1
    snap = BoardStore.open(board, user="auditor").snapshot()
    assert [n.text for n in snap.notes_of(a)] == ["บันทึกจากหน้าต่างแรก"]
    assert [n.text for n in snap.notes_of(b)] == ["บันทึกจากหน้าต่างที่สอง"]


def test_an_import_larger_than_the_compaction_threshold_into_a_board_without_its_folder(
        tmp_path: Path, state_home: Path) -> None:
    """35 letters at once into a board whose NAME.d/ does not exist yet (a board.json copied
    on its own): the write compacts on the way, and the base must land in a folder made for it."""
    from storage.models import Records
    from tests.storage.conftest import sample_records

    board = tmp_path / "board.json"
    BoardStore.create(board, sample_records())
    (tmp_path / "board.d").rmdir()
    letters = [sample_records(items=20, letter=f"รย 0017.2/ว {n}") for n in range(35)]
    records = Records(*(tuple(r for part in letters for r in getattr(part, kind))
                        for kind in ("directives", "items", "agencies", "cards")))
    store = BoardStore.open(board)
    assert store.add_records(records) == 35 + 35 * 20 * 4 + 0  # letters, items + cards; agencies known
    assert _bases(board), "no compaction happened: the test proves little"
    snap = BoardStore.open(board, user="auditor").snapshot()
    assert len(snap.directives) == 36 and len(snap.cards) == 9 + 35 * 20 * 3
