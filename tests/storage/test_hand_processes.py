"""Real OS processes editing one board by hand at once (issue 7, DESIGN.md §3): add items with
agencies, edit them, assign and unassign agencies, add spellings to one agency, retire items —
through the CLI entry point, each command opening, writing and closing the board. Nothing an
acknowledged command did is lost, whether the writers are several users (a file each) or two
sessions of one user (one file, the lock)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storage.sync.store import BoardStore
from tests.storage.conftest import LETTER

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 6

# One writer: ROUNDS rounds of hand edits through main(), printing each acknowledged result
# as a JSON line. It waits at a barrier (a file the test makes once every writer is up), and
# again after its first item until every writer has made its first one, so the writers really
# overlap: left to the scheduler, one session of a user could take the lock for all its rounds
# while the other slept between two tries (WriteLock.POLL), and nothing would be concurrent.
# (Their first and last commands are printed for the test to check.)
WRITER = """
import contextlib, glob, io, json, os, sys, time
from tui.cli import main
board, tag, go, writers = sys.argv[1:5]
open(go + "." + tag, "w").close()
while not os.path.exists(go):
    time.sleep(0.001)

def run(*argv):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--board", board, *argv])
    assert code == 0, (argv, code)
    return json.loads(out.getvalue()) if "--json" in argv else None

start = time.monotonic()
for i in range({rounds}):
    made = run("add-item", {letter!r}, f"{{tag}} ข้อ {{i}}", "--agency", f"หน่วยงาน {{tag}}:lead", "--json")
    print(json.dumps({{"made": made["id"]}}), flush=True)
    if i == 0:
        first = time.monotonic()
        open(go + ".first." + tag, "w").close()
        deadline = first + 60  # a writer that died is reported by its exit code, not a hang here
        while len(glob.glob(go + ".first.*")) < int(writers) and time.monotonic() < deadline:
            time.sleep(0.001)
    run("edit", made["id"][:12], "--due", "30/9/2568", "--text", f"{{tag}} ข้อ {{i}} (แก้)")
    card = run("assign", made["id"][:12], "สนจ.ระยอง", "--json")
    shared = run("assign", {letter!r} + ":1", f"หน่วยงานร่วม {{tag}} {{i}}", "--json")
    print(json.dumps({{"card": card["id"], "shared": shared["id"]}}), flush=True)
    run("agency", "alias", "สนจ.ระยอง", f"สะกด {{tag}} {{i}}")
    if i % 3 == 2:
        run("delete", made["id"][:12], "--yes")
        print(json.dumps({{"deleted": made["id"]}}), flush=True)
    elif i % 3 == 1:
        run("unassign", card["id"][:12])
        print(json.dumps({{"unassigned": card["id"]}}), flush=True)
print("SPAN", start, first, time.monotonic(), file=sys.stderr)
"""


def _writers(board: Path, tmp_path: Path, users: list[str]) -> list[list[dict]]:
    go = tmp_path / "go"
    procs = []
    for n, user in enumerate(users):
        env = dict(os.environ, BOARD_USER=user, XDG_STATE_HOME=str(tmp_path / f"state-{user}"))
        script = WRITER.format(rounds=ROUNDS, letter=LETTER)
        procs.append(subprocess.Popen([sys.executable, "-c", script, str(board), f"p{n}", str(go), str(len(users))],
                                      cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"go.p{n}").exists() for n in range(len(users))):
        assert time.monotonic() < deadline, "the writers did not start"
        time.sleep(0.01)
    go.touch()
    logs, spans = [], []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()[-4000:]  # the whole traceback
        logs.append([json.loads(line) for line in out.decode().splitlines()])
        spans.append([float(x) for x in err.decode().split("SPAN")[-1].split()])
    # Every writer was still writing when every other had already finished its first item.
    assert max(first for _, first, _ in spans) < min(end for _, _, end in spans), spans
    return logs


@pytest.mark.slow
@pytest.mark.parametrize("users", [["somchai", "malee", "somsri"], ["somchai", "somchai"]],
                         ids=["three users", "two sessions of one user"])
def test_writers_editing_by_hand_at_once_lose_nothing(board: Path, tmp_path: Path, users: list[str]) -> None:
    logs = _writers(board, tmp_path, users)
    assert len({p.name for p in (board.parent / "board.d").glob("*.json")}) == len(set(users))
    snap = BoardStore.open(board, user="auditor", read_only=True).snapshot()
    first = next(i for i in snap.items.values() if i.seq == 1)
    shared_agencies = {snap.agencies[c.agency_id].name for c in snap.cards.values() if c.item_id == first.id}
    office = next(a for a in snap.agencies.values() if a.short == "สนจ.ระยอง")
    if len(set(users)) == 1:  # two sessions of one replica number items in turn, under the lock
        seqs = [i.seq for i in snap.items.values()]
        assert len(seqs) == len(set(seqs)), sorted(seqs)
    for n, log in enumerate(logs):
        made = [e["made"] for e in log if "made" in e]
        deleted = {e["deleted"] for e in log if "deleted" in e}
        unassigned = {e["unassigned"] for e in log if "unassigned" in e}
        assert len(made) == ROUNDS and len(deleted) == ROUNDS // 3 and len(unassigned) == ROUNDS // 3
        for i, item_id in enumerate(made):
            if item_id in deleted:
                assert item_id not in snap.items
                events = snap.history_of(item_id)
                assert [e.field for e in events if e.author == users[n]][-1] == "deleted"
                # Another user who saw the item before its delete may have written down the
                # number it shows under (two users gave one number: hand.settle_numbers),
                # stamped after the delete it had not seen yet; nothing else of theirs.
                assert {e.field for e in events if e.author != users[n]} <= {"seq"}, events
                continue
            item = snap.items[item_id]
            assert (item.text, item.due) == (f"p{n} ข้อ {i} (แก้)", "2025-09-30")
            cards = {snap.agencies[c.agency_id].name: c for c in snap.cards.values() if c.item_id == item_id}
            assert cards[f"หน่วยงาน p{n}"].role == "lead"
            assert ("สำนักงานจังหวัดระยอง" in cards) == (i % 3 == 0), "an assign or unassign went missing"
        assert {f"หน่วยงานร่วม p{n} {i}" for i in range(ROUNDS)} <= shared_agencies
        assert {f"สะกด p{n} {i}" for i in range(ROUNDS)} <= set(office.aliases)

