"""Odd files in a board folder: regular files only, links not followed out of the folder,
bounded sizes — each refused with one line naming the file, the rest of the board still opens.

The commands run as real processes under a memory cap (``resource.setrlimit``), so a
command that reads a 3 GB file whole fails the test instead of the machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from storage.sync.files import MAX_FILE_BYTES
from storage.sync.store import BoardStore

ROOT = Path(__file__).resolve().parents[2]
CAP = 600 * 1024 * 1024
"""Address space of a `board` command here: several times what it needs, far below 3 GB."""

RUN = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))
from tui.cli import main
sys.exit(main(sys.argv[1:]))
"""


def board_cmd(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """``board ARGV`` in its own process, memory-capped; a hang fails after ``timeout`` s."""
    return subprocess.run([sys.executable, "-c", RUN.format(cap=CAP), *argv], cwd=ROOT, env=dict(os.environ),
                          capture_output=True, text=True, timeout=timeout)


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as f:  # no blocks on disk: a hole of ``size`` bytes
        f.truncate(size)
    return path


@pytest.fixture
def written(board: Path) -> Path:
    """The board with one change of ours, so NAME.d/ holds a replica file."""
    store = BoardStore.open(board)
    store.move(sorted(store.snapshot().cards)[0], "doing")
    store.close()
    return board


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_a_link_to_a_huge_file_outside_the_folder_is_not_followed(written: Path, tmp_path: Path) -> None:
    huge = _sparse(tmp_path / "elsewhere.bin", 3 * 1024**3)
    (written.parent / "board.d" / "0123456789abcdef.json").symlink_to(huge)
    done = board_cmd("--board", str(written), "--lang", "en", "list")
    assert done.returncode == 0, done.stderr[-800:]
    assert len(_lines(done.stdout)) == 9  # every card of the board still listed
    warning, = _lines(done.stderr)
    assert "0123456789abcdef.json" in warning and "outside the board folder" in warning
    assert str(huge) in warning


def test_a_huge_file_in_the_folder_is_refused_by_its_size(written: Path) -> None:
    _sparse(written.parent / "board.d" / "fedcba9876543210.json", 3 * 1024**3)
    done = board_cmd("--board", str(written), "--lang", "en", "list")
    assert done.returncode == 0, done.stderr[-800:]
    warning, = _lines(done.stderr)
    assert "fedcba9876543210.json" in warning and f"over the {MAX_FILE_BYTES >> 20} MB" in warning


def test_a_link_inside_the_folder_is_still_read(board: Path, tmp_path: Path) -> None:
    """A link that stays inside the board folder is followed: only links out of it are not."""
    other_state = tmp_path / "other-machine"
    os.environ["XDG_STATE_HOME"], saved = str(other_state), os.environ["XDG_STATE_HOME"]
    try:
        store = BoardStore.open(board, user="สมชาย")
        card = sorted(store.snapshot().cards)[0]
        store.add_note(card, "ส่งแล้ว")
        store.close()
    finally:
        os.environ["XDG_STATE_HOME"] = saved
    theirs = next((board.parent / "board.d").glob("*.json"))
    kept = board.parent / "kept-copy.bin"  # not .json: the link is the only way it is read
    theirs.rename(kept)
    theirs.symlink_to(Path("..") / kept.name)
    store = BoardStore.open(board)
    assert [n.text for n in store.snapshot().notes_of(card)] == ["ส่งแล้ว"]
    assert not store.problems


def test_board_at_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "board.json"
    os.mkfifo(fifo)
    done = board_cmd("--board", str(fifo), "--lang", "en", "list", timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip() == f"board: {fifo}: not a regular file (a pipe, a device or a socket)"


def test_board_at_a_device_is_refused(tmp_path: Path) -> None:
    done = board_cmd("--board", "/dev/zero", "--lang", "en", "summary")
    assert done.returncode == 1 and "not a regular file" in done.stderr and len(_lines(done.stderr)) == 1


def test_a_fifo_in_the_replica_folder_is_named_and_skipped(written: Path) -> None:
    os.mkfifo(written.parent / "board.d" / "0000000000000001.json")
    done = board_cmd("--board", str(written), "--lang", "en", "list")
    assert done.returncode == 0, done.stderr[-800:]
    warning, = _lines(done.stderr)
    assert "0000000000000001.json" in warning and "not a regular file" in warning


def test_a_replica_folder_that_links_out_of_the_board_folder_is_not_read(board: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    _sparse(outside / "0123456789abcdef.json", 3 * 1024**3)
    (board.parent / "board.d").rmdir()
    (board.parent / "board.d").symlink_to(outside)
    done = board_cmd("--board", str(board), "--lang", "en", "list")
    assert done.returncode == 0, done.stderr[-800:]
    warning, = _lines(done.stderr)
    assert "board.d" in warning and "outside the board folder" in warning


def test_links_that_stay_inside_but_lead_nowhere_readable_say_so(written: Path, tmp_path: Path) -> None:
    """A link to a file not synced yet, or to a folder: named for what it is — not as a link
    out of the board folder, which would send the officer looking in the wrong place."""
    folder = written.parent / "board.d"
    (folder / "dangling.json").symlink_to(folder / "not-here-yet.json")
    (folder / "folder.json").symlink_to(folder)
    store = BoardStore.open(written, user="ผู้ตรวจ", read_only=True)
    said = {Path(p.path).name: p.text("en") for p in store.problems}
    assert "not there" in said["dangling.json"] and "outside" not in said["dangling.json"], said
    assert "not a regular file" in said["folder.json"] and "outside" not in said["folder.json"], said
    assert store.snapshot().cards  # the rest of the board still opens
