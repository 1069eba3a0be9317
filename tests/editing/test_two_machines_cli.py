"""Two machines edit by hand at once through the CLI (real processes), each in its own copy of
the shared folder as a sync engine would hold it; then the engine copies each machine's file to
the other. Both end with the same board, and neither machine's change is lost (issue 7)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from storage.sync.store import BoardStore
from tests.conftest import LETTER, card_of

ROOT = Path(__file__).resolve().parents[2]


class Machine:
    def __init__(self, tmp: Path, name: str, user: str, board: Path) -> None:
        self.folder = tmp / name
        shutil.copytree(board.parent, self.folder)
        self.board = self.folder / board.name
        self.env = {**os.environ, "BOARD_USER": user, "XDG_STATE_HOME": str(tmp / f"state-{name}"),
                    "BOARD_FILE": str(self.board)}

    def start(self, *argv: str) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "tui", *argv], cwd=ROOT, env=self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def snapshot(self):
        store = BoardStore.open(self.board, user="ผู้ตรวจ", read_only=True)
        try:
            return store.snapshot()
        finally:
            store.close()


def together(*runs: tuple[Machine, list[str]]) -> list[str]:
    """Start every command at once, wait for all; their outputs."""
    procs = [machine.start(*argv) for machine, argv in runs]
    outs = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        outs.append(out.decode())
    return outs


def synced(a: Machine, b: Machine):
    """The sync engine's pass: each machine's replica file copied to the other's folder."""
    for source, target in ((a, b), (b, a)):
        for path in (source.folder / "board.d").glob("*.json"):
            if not (target.folder / "board.d" / path.name).exists():
                shutil.copy2(path, target.folder / "board.d" / path.name)
    first, second = a.snapshot(), b.snapshot()
    assert (dict(first.items), dict(first.cards), dict(first.agencies)) == (
        dict(second.items), dict(second.cards), dict(second.agencies))
    return first


def machines(tmp_path: Path, board: Path) -> tuple[Machine, Machine]:
    return Machine(tmp_path, "a", "somchai", board), Machine(tmp_path, "b", "malee", board)


def test_different_fields_of_one_item_are_both_kept(tmp_path, board) -> None:
    a, b = machines(tmp_path, board)
    together((a, ["edit", f"{LETTER}:6", "--text", "ข้อความที่สมชายแก้"]),
             (b, ["edit", f"{LETTER}:6", "--due", "31/10/2565"]))
    six = next(i for i in synced(a, b).items.values() if i.seq == 6)
    assert (six.text, six.due) == ("ข้อความที่สมชายแก้", "2022-10-31")


def test_the_same_field_takes_the_later_change(tmp_path, board) -> None:
    a, b = machines(tmp_path, board)
    together((a, ["edit", f"{LETTER}:2", "--text", "ก่อน"]))
    together((b, ["edit", f"{LETTER}:2", "--text", "หลัง"]))  # later, and not yet seen by a
    snap = synced(a, b)
    two = next(i for i in snap.items.values() if i.seq == 2)
    assert two.text == "หลัง" and {e.new for e in snap.history_of(two.id)} == {"ก่อน", "หลัง"}


def test_a_merge_and_a_status_change_of_a_merged_card_both_survive(tmp_path, board) -> None:
    a, b = machines(tmp_path, board)
    # พช.ระยอง into สนจ.ระยอง; meanwhile the other machine reports พช.'s item-7 card done.
    together((a, ["agency", "merge", "พช.ระยอง", "สนจ.ระยอง"]), (b, ["move", card_of(7, 1)[:10], "done"]))
    snap = synced(a, b)
    assert "พช.ระยอง" not in {x.short for x in snap.agencies.values()}
    kept = snap.cards[card_of(7, 0)]  # item 7 had both: one card, สนจ.'s
    assert kept.status == "done" and kept.role == "lead"
    assert [e.new for e in snap.history_of(kept.id) if e.field == "status"] == ["done"]


def test_a_delete_and_an_edit_end_in_a_deleted_item_with_the_edit_in_its_history(tmp_path, board) -> None:
    a, b = machines(tmp_path, board)
    outs = together((a, ["delete", f"{LETTER}:4", "--yes"]),
                    (b, ["edit", f"{LETTER}:4", "--recurrence", "ทุกเดือน", "--json"]))
    item = json.loads(outs[1])["id"]
    snap = synced(a, b)
    assert item not in snap.items and not [c for c in snap.cards.values() if c.item_id == item]
    assert sorted((e.field, str(e.new), e.author) for e in snap.history_of(item)) == [
        ("deleted", "True", "somchai"), ("recurrence", "ทุกเดือน", "malee")]
