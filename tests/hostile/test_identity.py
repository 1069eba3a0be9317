"""One identity on two machines: a state directory copied to another machine (a restored
backup, a cloned laptop, a roaming profile) makes two writers share one replica file. The
newcomer is moved to a fresh replica id — at start when the copy came from other hardware,
on the next read when a clone wrote our file — and every entry of both is kept. Temp files
are swept only when provably ours and abandoned."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from storage.sync import host
from storage.sync.store import BoardStore

ROOT = Path(__file__).resolve().parents[2]


def _as_machine(monkeypatch: pytest.MonkeyPatch, state: Path) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(state))


def _clone(state: Path, to: Path) -> Path:
    shutil.copytree(state, to)  # what a restored backup, a disk image or a roaming profile does
    return to


def _notes(board: Path) -> set[str]:
    snap = BoardStore.open(board, user="ผู้ตรวจ", read_only=True).snapshot()
    return {n.text for notes in snap.notes.values() for n in notes}


def _replica_files(board: Path) -> set[str]:
    return {p.name for p in (board.parent / "board.d").glob("*.json")}


def test_a_clone_that_finds_our_file_written_by_the_other_moves_to_a_fresh_id(
        board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state_home: Path) -> None:
    a = BoardStore.open(board)
    card = sorted(a.snapshot().cards)[0]
    a.add_note(card, "ก่อนโคลน")
    twin = _clone(state_home, tmp_path / "state-b")
    a.add_note(card, "เครื่อง ก")  # machine A goes on writing our file
    _as_machine(monkeypatch, twin)
    b = BoardStore.open(board)  # machine B's start: our file holds an entry B never wrote
    assert b.replica_id != a.replica_id
    b.add_note(card, "เครื่อง ข")
    _as_machine(monkeypatch, state_home)
    a.add_note(card, "เครื่อง ก อีกครั้ง")
    assert BoardStore.open(board).replica_id == a.replica_id, "the first machine keeps its id"
    assert _notes(board) == {"ก่อนโคลน", "เครื่อง ก", "เครื่อง ข", "เครื่อง ก อีกครั้ง"}
    assert _replica_files(board) == {f"{a.replica_id}.json", f"{b.replica_id}.json"}
    saved = orjson.loads((twin / "directive-board" / "boards").glob("*/replica.json").__next__().read_bytes())
    assert saved["replica"] == b.replica_id and saved["earlier"][0]["replica"] == a.replica_id


def test_a_lost_race_for_the_file_is_seen_on_the_next_read(
        board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state_home: Path) -> None:
    """A share where the last writer wins (SMB, NFS): B's write is overwritten by A's; B's
    next command — only a read — moves B to a fresh id and puts B's note back in the folder."""
    a = BoardStore.open(board)
    card = sorted(a.snapshot().cards)[0]
    a.add_note(card, "ก่อนโคลน")
    twin = _clone(state_home, tmp_path / "state-b")
    own = a.own_path
    _as_machine(monkeypatch, twin)
    BoardStore.open(board).add_note(card, "เครื่อง ข")  # B writes first ...
    _as_machine(monkeypatch, state_home)
    # ... and A, which read the file before B's write landed, overwrites it: B's note is gone.
    a_state = orjson.loads(own.read_bytes())
    a_state["events"] = {k: v for k, v in a_state["events"].items() if v.get("text") != "เครื่อง ข"}
    a_state["events"]["99"] = {**next(iter(a_state["events"].values())), "id": "a" * 26, "text": "เครื่อง ก"}
    own.write_bytes(orjson.dumps(a_state))
    assert "เครื่อง ข" not in _notes(board)
    _as_machine(monkeypatch, twin)
    b = BoardStore.open(board)  # B's next command, a `board list`
    assert b.replica_id != a.replica_id
    assert {"เครื่อง ข", "เครื่อง ก", "ก่อนโคลน"} <= _notes(board)


def test_a_state_dir_from_other_hardware_is_renewed_before_it_writes(
        board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state_home: Path) -> None:
    a = BoardStore.open(board)
    card = sorted(a.snapshot().cards)[0]
    a.add_note(card, "บนเครื่องเดิม")
    theirs = a.own_path.read_bytes()
    restored = _clone(state_home, tmp_path / "state-restored")
    _as_machine(monkeypatch, restored)
    monkeypatch.setattr(host, "fingerprint", lambda: "f" * 16)  # same host name, other machine id
    b = BoardStore.open(board)
    assert b.replica_id != a.replica_id, "the copied identity was taken over"
    assert a.own_path.read_bytes() == theirs, "the newcomer wrote the other machine's file"
    b.add_note(card, "บนเครื่องใหม่")
    assert orjson.loads(b.own_path.read_bytes())["board"]["1"]["host"] == "f" * 16
    assert _notes(board) == {"บนเครื่องเดิม", "บนเครื่องใหม่"}
    # The shadow it brought was kept: its entries are in the new file too.
    assert "บนเครื่องเดิม".encode() in b.own_path.read_bytes()


def test_temp_files_are_swept_only_when_provably_ours_and_abandoned(board: Path) -> None:
    store = BoardStore.open(board)
    store.move(sorted(store.snapshot().cards)[0], "doing")
    folder, name = store.own_path.parent, store.own_path.name
    me = f"{host.fingerprint()[:8]}{host.boot()}"
    gone = _dead_pid()
    temps = {
        "ours, writer gone": folder / f".~{name}.{me}-{gone}.0a0a0a0a.tmp",
        "ours, writer alive": folder / f".~{name}.{me}-{os.getpid()}.0b0b0b0b.tmp",
        "a clone's, being written": folder / f".~{name}.{host.fingerprint()[:8]}0000ffff-{gone}.0c0c0c0c.tmp",
        "another machine's": folder / f".~{name}.deadbeef{host.boot()}-{gone}.0d0d0d0d.tmp",
        "before this boot": folder / f".~{name}.{host.fingerprint()[:8]}0000ffff-{gone}.0e0e0e0e.tmp",
    }
    for path in temps.values():
        path.write_bytes(b"{}")
    began = host.boot_time()
    if began is not None:
        os.utime(temps["before this boot"], (began - 3600, began - 3600))
    # A start-up that reads the files sweeps; one from the open cache (this one: our move was
    # logged beside it) sweeps at its first write.
    BoardStore.open(board).move(sorted(store.snapshot().cards)[0], "todo")
    left = {what for what, path in temps.items() if path.exists()}
    expected = {"ours, writer alive", "a clone's, being written", "another machine's"}
    if began is None or not host.boot():  # pragma: no cover - not Linux: nothing is provably ours
        expected = set(temps)
    assert left == expected


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


# Two machines with one identity, as real processes writing at once through the CLI entry
# point (one main() per command: open, re-read, write, close), on one shared folder where the
# last writer wins. Every command must succeed and every acknowledged note must be in the
# folder at the end, without either machine opening the board again.
WRITER = """
import os, sys, time
from tui.cli import main
board, tag, card, go, count = sys.argv[1:6]
open(go + "." + tag, "w").close()
while not os.path.exists(go):
    time.sleep(0.001)
for i in range(int(count)):
    code = main(["--board", board, "note", card[:10], f"{tag}-{i}"])
    if code != 0:
        print("FAILED", i, file=sys.stderr)
        sys.exit(code)
    print(f"ACK {tag}-{i}", flush=True)
"""


@pytest.mark.slow
def test_two_machines_with_one_identity_writing_at_once_lose_nothing(
        board: Path, tmp_path: Path, state_home: Path) -> None:
    count = 80
    first = BoardStore.open(board)
    card = sorted(first.snapshot().cards)[0]
    first.add_note(card, "ก่อนโคลน")
    states = [state_home, _clone(state_home, tmp_path / "state-clone")]
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(board), f"m{n}", card, str(go), str(count)],
                              cwd=ROOT, env={**os.environ, "XDG_STATE_HOME": str(state)},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for n, state in enumerate(states)]
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"go.m{n}").exists() for n in range(2)):
        assert time.monotonic() < deadline, "the writers did not start"
        time.sleep(0.01)
    go.touch()
    acked = set()
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err[-800:]
        acked |= {line.split()[1] for line in out.splitlines() if line.startswith("ACK ")}
    assert len(acked) == 2 * count
    assert acked | {"ก่อนโคลน"} == _notes(board), "acknowledged notes are missing from the folder"
    ids = {orjson.loads(p.read_bytes())["replica"] for state in states for p in state.rglob("replica.json")}
    assert len(ids) == 2, "the two machines still write under one identity"
