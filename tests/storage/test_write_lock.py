"""The local write lock (storage/sync/replica.py ``WriteLock``): ``flock`` on ``write.lock``,
the lock filelock takes on Unix too, so a process of this version and one of an older
version (or filelock itself) never write our file at once (DESIGN.md §3, Writes)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from storage.errors import BoardError
from storage.sync.replica import WriteLock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock is Unix's")

HOLD = """
import sys, time
kind, path = sys.argv[1], sys.argv[2]
if kind == "filelock":
    from filelock import FileLock
    lock = FileLock(path)
    lock.acquire()
else:
    from storage.sync.replica import WriteLock
    lock = WriteLock(__import__("pathlib").Path(path))
    lock.__enter__()
print("held", flush=True)
time.sleep(60)
"""


def _holder(kind: str, path: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, kind, str(path)], stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


@pytest.mark.parametrize("kind", ["ours", "filelock"])
def test_a_lock_held_by_another_process_is_waited_for_then_named(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "write.lock"
    holder = _holder(kind, path)
    try:
        with pytest.raises(BoardError) as raised:
            with WriteLock(path, timeout=0.3):
                pass
        assert raised.value.key == "error.lock_busy" and str(path) in raised.value.text("en")
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_of_a_killed_process_is_free_at_once(tmp_path: Path) -> None:
    path = tmp_path / "write.lock"
    holder = _holder("ours", path)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    taken = False
    with WriteLock(path, timeout=5):  # a lock still held would raise BoardError (error.lock_busy) here
        taken = True
    assert taken  # the kernel let go of the dead one's lock


def test_our_lock_keeps_filelock_out_and_lets_it_in_after(tmp_path: Path) -> None:
    path = tmp_path / "write.lock"
    other = FileLock(str(path), timeout=0.2)
    with WriteLock(path):
        code = subprocess.run([sys.executable, "-c", "import sys; from filelock import FileLock, Timeout\n"
                               "try:\n FileLock(sys.argv[1], timeout=0.2).acquire()\nexcept Timeout:\n sys.exit(3)",
                               str(path)]).returncode
        assert code == 3
    other.acquire()
    other.release()
    assert path.exists()  # left in place: a waiter's descriptor and a newcomer's name one file
