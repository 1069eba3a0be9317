"""Real OS processes on one board: concurrent writers and kill -9 mid-write lose nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storage.models import STATUSES
from storage.sync.store import BoardStore

ROOT = Path(__file__).resolve().parents[2]
OPS = 100

# One process: OPS `board` commands through the real CLI entry point (main() per command,
# so every command opens the board, re-reads, writes and closes, as a shell loop would).
# All four wait at a barrier (a file the test creates once every process is up) and print
# when their first and last commands ran, so the test can check that they really overlapped.
WRITER = """
import os, sys, time
from tui.cli import main
board, tag, own_card, shared_card, go = sys.argv[1:6]
open(go + "." + tag, "w").close()  # ready
while not os.path.exists(go):
    time.sleep(0.001)
statuses = ["doing", "blocked", "done", "todo"]
start = time.monotonic()
for i in range({ops}):
    if i % 2:
        code = main(["--board", board, "note", shared_card[:10], f"{{tag}}-{{i}}"])
    else:
        code = main(["--board", board, "move", own_card[:10], statuses[(i // 2) % 4]])
    assert code == 0, code
    if i == 0:
        first_done = time.monotonic()
print("SPAN", start, first_done, time.monotonic(), file=sys.stderr)
""".format(ops=OPS)


@pytest.mark.slow
@pytest.mark.parametrize("users", ["same user", "different users"])
def test_four_processes_times_a_hundred_commands_lose_nothing(board: Path, tmp_path: Path, users: str) -> None:
    cards = sorted(BoardStore.open(board).snapshot().cards)
    shared, own = cards[0], cards[1:5]
    go = tmp_path / "go"
    procs = []
    for n in range(4):
        env = dict(os.environ)
        if users == "different users":
            env.update(BOARD_USER=f"user{n}", XDG_STATE_HOME=str(tmp_path / f"state-{n}"))
        procs.append(subprocess.Popen([sys.executable, "-c", WRITER, str(board), f"p{n}", own[n], shared, str(go)],
                                      cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"go.p{n}").exists() for n in range(4)):  # every interpreter is up
        assert time.monotonic() < deadline, "the writers did not start"
        time.sleep(0.01)
    go.touch()
    spans = []
    for proc in procs:
        _, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err.decode()[-500:]
        spans.append([float(x) for x in err.decode().split("SPAN")[-1].split()])
    # Every process was still writing when every other had already finished a command.
    assert max(first for _, first, _ in spans) < min(end for _, _, end in spans), spans
    replicas = {p.name for p in (board.parent / "board.d").glob("*.json")}
    assert len(replicas) == (1 if users == "same user" else 4), replicas
    snap = BoardStore.open(board, user="auditor").snapshot()
    notes = {n.text for n in snap.notes_of(shared)}
    assert notes == {f"p{n}-{i}" for n in range(4) for i in range(1, OPS, 2)}
    final = ["doing", "blocked", "done", "todo"][(OPS // 2 - 1) % 4]
    for n in range(4):
        assert snap.cards[own[n]].status == final
        assert len(snap.history_of(own[n])) == OPS // 2, "a status change went missing"


def _writer_loop(board: Path, tag: str, note_card: str, move_card: str, ack: int) -> None:
    store = BoardStore.open(board)
    os.write(ack, b"open\n")  # the kill timer starts now: a slow open on a busy machine is not the test
    i = 0
    while True:
        store.add_note(note_card, f"{tag}n{i}")
        os.write(ack, f"{tag}n{i}\n".encode())
        status = STATUSES[i % 4]
        store.move(move_card, status)
        os.write(ack, f"m{status}\n".encode())
        i += 1


def _kill_during_writes(board: Path, tag: str, cards: tuple[str, str], rng: random.Random) -> list[str]:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: write until killed
        os.close(read)
        try:
            _writer_loop(board, tag, *cards, write)
        finally:
            os._exit(1)
    os.close(write)
    pipe = os.fdopen(read, "rb")
    with pipe:
        opened = pipe.readline()  # the child has opened the board (or died: b"")
        # Let a few changes through, then kill at a random moment of the next ones: how much
        # gets done is counted in changes, not in milliseconds a busy machine may not give.
        acks = [pipe.readline() for _ in range(rng.randint(2, 6))]
        time.sleep(rng.uniform(0, 0.012))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        assert opened == b"open\n", "the writer died before it opened the board"
        return b"".join(acks).decode().split() + pipe.read().decode().split()


def _transitions(before: str, moves: list[str]) -> int:
    """How many of ``moves`` changed the status (each such move records a history event)."""
    count = 0
    for status in moves:
        count += status != before
        before = status
    return count


def _temps(board: Path, state: Path) -> list[Path]:
    return [*(board.parent / "board.d").glob(".~*.tmp"), *state.rglob(".~*.tmp")]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_kill_9_at_random_moments_never_loses_an_acknowledged_change(board: Path, state_home: Path) -> None:
    rng = random.Random(1234)
    cards = sorted(BoardStore.open(board).snapshot().cards)
    acked: set[str] = set()
    status = dict.fromkeys(cards, "todo")
    history = dict.fromkeys(cards, 0)
    mid_write = 0
    for round_ in range(50):
        note_card, move_card = cards[round_ % 3], cards[3 + round_ % 3]
        acks = _kill_during_writes(board, f"r{round_}", (note_card, move_card), rng)
        mid_write += bool(_temps(board, state_home))  # killed between temp file and rename
        acked |= {a for a in acks if not a.startswith("m")}
        moves = [a[1:] for a in acks if a.startswith("m")]
        expected = history[move_card] + _transitions(status[move_card], moves)
        # A fresh process of the same replica (lock and shadow in the state dir) and another
        # user's view (the synced files only) must both open and hold every acknowledged change.
        for store in (BoardStore.open(board), BoardStore.open(board, user=f"reader{round_}")):
            snap = store.snapshot()
            assert acked <= {n.text for c in cards[:3] for n in snap.notes_of(c)}
            # The move in flight when the kill came may have landed too, nothing else.
            assert expected <= len(snap.history_of(move_card)) <= expected + 1, "a status change went missing"
            if moves:
                assert snap.cards[move_card].status in (moves[-1], STATUSES[(STATUSES.index(moves[-1]) + 1) % 4])
        status[move_card], history[move_card] = snap.cards[move_card].status, len(snap.history_of(move_card))
    assert len(acked) > 50, "the writer hardly got any change through"
    assert mid_write >= 3, f"only {mid_write} of 50 kills landed inside a write: the test proves little"
    assert not _temps(board, state_home), "temp files of killed writes were left behind"


@pytest.mark.slow
def test_separate_board_commands_started_at_once_lose_nothing(board: Path, tmp_path: Path) -> None:
    """The literal shell case: every command its own `python -m tui` process, 4 loops at once."""
    card = sorted(BoardStore.open(board).snapshot().cards)[0]
    loops = []
    for n in range(4):
        env = dict(os.environ, BOARD_USER=f"user{n % 2}")  # two users, two sessions each
        script = " && ".join(
            f'"{sys.executable}" -m tui --board "{board}" note {card[:8]} "p{n}-{i}" >/dev/null' for i in range(8))
        loops.append(subprocess.Popen(["sh", "-c", script], cwd=ROOT, env=env, stderr=subprocess.PIPE))
    for loop in loops:
        _, err = loop.communicate(timeout=120)
        assert loop.returncode == 0, err.decode()[-500:]
    notes = {n.text for n in BoardStore.open(board, user="auditor").snapshot().notes_of(card)}
    assert notes == {f"p{n}-{i}" for n in range(4) for i in range(8)}
