"""Load: 8 processes × 200 CLI changes on one board, on one machine and as 8 machines.

Each process runs 200 `board` commands through the CLI's entry point (``tui.cli.main``, one
call per command: open the board, re-read, write durably, close — what a shell loop of
`board note` / `board move` does, without paying for 200 interpreter starts), alternating a
note on a card all processes share and a move of a card of its own. All start at once.

* one machine: one officer, one state dir — 8 sessions of one replica, serialised by the
  local lock;
* 8 machines: 8 officers, each with a state dir of its own and (as root, where ``unshare``
  works) a host name of its own in its own UTS namespace — 8 replicas writing one folder.

Afterwards a fresh reader checks that nothing was lost: every acknowledged note of every
process is on the board and every acknowledged move in its card's history — and that no
command refused in one line (exit 1: under heavy load a session may wait longer for the local
lock than its 30 s) left anything behind. Prints operations per second (acknowledged ones;
median of ``--runs``; each run as it ends) and the machine it ran on.

    python bench/bench_load.py [--procs 8] [--ops 200] [--runs 3] [--mode both|one|machines]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WRITER = """
import os, sys, time
from tui.cli import main
board, tag, own, shared, go, ops = sys.argv[1:7]
open(go + "." + tag, "w").close()
while not os.path.exists(go):
    time.sleep(0.001)
statuses = ["doing", "blocked", "done", "todo"]
refused = []
for i in range(int(ops)):
    if i % 2:
        code = main(["--board", board, "note", shared[:12], f"{tag}-{i}"])
    else:
        code = main(["--board", board, "move", own[:12], statuses[(i // 2) % 4]])
    if code == 1:  # said so in one line (a lock held too long under load): must have changed nothing
        refused.append(i)
    elif code:
        sys.exit(f"{tag}: command {i} failed with {code}")
print("REFUSED", *refused)
"""

STATUSES = ["doing", "blocked", "done", "todo"]


def _can_unshare() -> bool:
    if not shutil.which("unshare") or os.geteuid() != 0:
        return False
    return subprocess.run(["unshare", "-u", "true"], capture_output=True).returncode == 0


def _board(folder: Path, procs: int) -> tuple[Path, list[str]]:
    from storage.sync.store import BoardStore
    from tests.storage.conftest import sample_records

    board = folder / "shared" / "board.json"
    board.parent.mkdir(parents=True)
    BoardStore.create(board, sample_records(items=max(3, procs)), name="load")
    store = BoardStore.open(board, user="setup")
    cards = sorted(store.snapshot().cards)
    store.close()
    return board, cards


def run(procs: int, ops: int, machines: bool, hostnames: bool) -> tuple[float, str]:
    """One run: (operations per second, what the check found)."""
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        work = Path(tmp)
        os.environ["XDG_STATE_HOME"] = str(work / "setup-state")
        board, cards = _board(work, procs)
        shared, own = cards[0], cards[1:procs + 1]
        go = work / "go"
        children = []
        for n in range(procs):
            env = dict(os.environ, XDG_STATE_HOME=str(work / ("state" if not machines else f"state-{n}")),
                       BOARD_USER="officer" if not machines else f"officer{n}", PYTHONPATH=str(ROOT))
            argv = [sys.executable, "-c", WRITER, str(board), f"p{n}", own[n], shared, str(go), str(ops)]
            if hostnames:
                argv = ["unshare", "-u", "sh", "-c", f'hostname machine{n} && exec "$@"', "sh", *argv]
            children.append(subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                            stderr=subprocess.PIPE, text=True))
        while not all((work / f"go.p{n}").exists() for n in range(procs)):
            time.sleep(0.01)
        start = time.perf_counter()
        go.touch()
        refused: list[set[int]] = []
        for child in children:
            out, err = child.communicate()
            if child.returncode:
                raise SystemExit(f"a writer failed: {err[-500:]}")
            last = next(line for line in reversed(out.splitlines()) if line.startswith("REFUSED"))
            refused.append({int(i) for i in last.split()[1:]})
        elapsed = time.perf_counter() - start
        done = procs * ops - sum(map(len, refused))
        return done / elapsed, _check(board, shared, own, ops, refused)


def _moves(ops: int, refused: set[int]) -> int:
    """How many status changes one writer's acknowledged moves made (a move to the status the
    card already has, after refused ones, changes nothing and leaves no history)."""
    status, changes = "todo", 0
    for i in range(0, ops, 2):
        wanted = STATUSES[(i // 2) % 4]
        if i not in refused and wanted != status:
            status, changes = wanted, changes + 1
    return changes


def _check(board: Path, shared: str, own: list[str], ops: int, refused: list[set[int]]) -> str:
    """Every acknowledged change is on the board, and no refused one."""
    from storage.sync.store import BoardStore

    os.environ["XDG_STATE_HOME"] = str(board.parent.parent / "auditor-state")
    snap = BoardStore.open(board, user="auditor", read_only=True).snapshot()
    notes = {n.text for n in snap.notes_of(shared)}
    said = {f"p{n}-{i}" for n, no in enumerate(refused) for i in range(1, ops, 2) if i not in no}
    denied = {f"p{n}-{i}" for n, no in enumerate(refused) for i in no if i % 2}
    moves = [len([h for h in snap.history_of(card) if h.field == "status"]) for card in own]
    lost_moves = sum(max(0, _moves(ops, no) - m) for no, m in zip(refused, moves))
    ghosts = len(denied & notes) + sum(max(0, m - _moves(ops, no)) for no, m in zip(refused, moves))
    replicas = len([p for p in (board.parent / "board.d").glob("*.json") if not p.name.startswith("base-")])
    n_refused = sum(map(len, refused))
    if said - notes or lost_moves or ghosts:
        return f"LOST {len(said - notes)} notes, {lost_moves} moves; {ghosts} refused changes turned up"
    return (f"nothing lost ({len(said)} notes, {sum(moves)} moves; {replicas} replica file(s)"
            f"{f'; {n_refused} refused in one line, none turned up' if n_refused else ''})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--procs", type=int, default=8)
    parser.add_argument("--ops", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--mode", choices=("both", "one", "machines"), default="both",
                        help="one machine, several machines, or both (a loaded machine may not have time for both)")
    args = parser.parse_args()
    hostnames = _can_unshare()
    print(f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f} at start", flush=True)
    for machines in {"both": (False, True), "one": (False,), "machines": (True,)}[args.mode]:
        label = "one machine (one replica)" if not machines else (
            f"{args.procs} machines ({'own host names, ' if hostnames else ''}own state dirs)")
        rates, checks = [], []
        for _ in range(args.runs):
            rate, check = run(args.procs, args.ops, machines, hostnames and machines)
            rates.append(rate)
            checks.append(check)
            print(f"  run: {rate:.1f} ops/s, {check}, load average {os.getloadavg()[0]:.1f}", flush=True)
        print(f"{label}: {args.procs} × {args.ops} changes, median {statistics.median(rates):.1f} ops/s "
              f"(runs: {', '.join(f'{r:.1f}' for r in rates)}); {'; '.join(sorted(set(checks)))}", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
