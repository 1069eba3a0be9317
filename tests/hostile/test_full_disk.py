"""Full disks and read-only folders: a command that reports failure has changed nothing
anywhere, and reading never needs to write.

The real cases run on a small tmpfs the test mounts (root; CI runs as root) and fills; one
case injects ENOSPC instead, so the rule is checked where nothing can be mounted.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from storage.sync import files
from storage.sync.replica import replica_for
from storage.sync.store import BoardStore
from tests.storage.conftest import sample_records
from tui.cli import main


@pytest.fixture
def disk(tmp_path: Path):
    """A 2 MB filesystem of its own (tmpfs), unmounted after the test."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("needs root to mount a small filesystem (CI runs as root)")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0755", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _fill(folder: Path) -> Path:
    """Fill the filesystem of ``folder`` to the last byte."""
    filler = folder / "filler.bin"
    chunk = b"\0" * 65536
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(chunk)
        except OSError as error:
            assert error.errno == errno.ENOSPC
    with open(filler, "ab", buffering=0) as f:  # the last partial block too
        try:
            while True:
                f.write(b"\0")
        except OSError:
            pass
    return filler


def _notes(board: Path, **kwargs) -> set[str]:
    store = BoardStore.open(board, **kwargs)
    try:
        return {n.text for notes in store.snapshot().notes.values() for n in notes}
    finally:
        store.close()


def _cli(capfd: pytest.CaptureFixture, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out, err = capfd.readouterr()
    return code, err


@pytest.fixture
def shared_board(disk: Path) -> tuple[Path, str]:
    board = disk / "share" / "board.json"
    board.parent.mkdir()
    BoardStore.create(board, sample_records(), name="ระยอง")
    store = BoardStore.open(board)
    card = sorted(store.snapshot().cards)[0]
    store.add_note(card, "ก่อนดิสก์เต็ม")  # our own file exists, in the folder and the shadow
    store.close()
    return board, card


def test_a_note_refused_on_a_full_disk_never_turns_up_later(shared_board, capfd) -> None:
    board, card = shared_board
    filler = _fill(board.parent)
    code, err = _cli(capfd, "--board", str(board), "note", card[:10], "ระหว่างดิสก์เต็ม")
    # One line in Thai naming the file whose disk is full (not our temp file), the system's words too.
    assert code == 1 and err.count("\n") == 1 and "ดิสก์เต็ม" in err and "No space left" in err, err
    assert f"{board.parent / 'board.d'}/" in err and ".~" not in err, err
    code, err = _cli(capfd, "--board", str(board), "list")
    assert code == 0 and not err, err  # the officer can still read the board
    filler.unlink()  # space again
    assert "ระหว่างดิสก์เต็ม" not in _notes(board), "the failed note turned up for this officer"
    assert "ระหว่างดิสก์เต็ม" not in _notes(board, user="ผู้ตรวจ", read_only=True)
    code, err = _cli(capfd, "--board", str(board), "note", card[:10], "หลังมีที่ว่าง")
    assert code == 0, err
    assert _notes(board, user="ผู้ตรวจ", read_only=True) == {"ก่อนดิสก์เต็ม", "หลังมีที่ว่าง"}
    assert not list(board.parent.glob("board.d/.~*.tmp")), "temp files left behind"


def test_reading_on_a_full_disk_needs_no_write_even_for_a_new_officer(
        shared_board, disk: Path, capfd, monkeypatch: pytest.MonkeyPatch) -> None:
    board, card = shared_board
    monkeypatch.setenv("XDG_STATE_HOME", str(disk / "state-of-a-new-officer"))  # on the full disk too
    monkeypatch.setenv("BOARD_USER", "สมศรี")
    filler = _fill(disk)
    code, err = _cli(capfd, "--board", str(board), "list")
    assert code == 0 and not err, err
    code, err = _cli(capfd, "--board", str(board), "summary")
    assert code == 0, err
    code, err = _cli(capfd, "--board", str(board), "--lang", "en", "move", card[:10], "doing")
    assert code == 1 and err.count("\n") == 1 and "the disk is full" in err, err
    assert str(disk / "state-of-a-new-officer") in err, "the message names the state dir's disk"
    filler.unlink()
    assert BoardStore.open(board, user="ผู้ตรวจ", read_only=True).snapshot().cards[card].status == "todo"
    code, err = _cli(capfd, "--board", str(board), "move", card[:10], "doing")
    assert code == 0, err


def test_a_read_only_folder_is_read_and_a_change_refused_in_one_line(
        shared_board, disk: Path, capfd) -> None:
    board, card = shared_board
    own = next((board.parent / "board.d").glob("*.json"))
    own.unlink()  # our synced copy is gone: opening would repair it from the shadow, if it could
    done = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"cannot remount read-only here: {done.stderr.strip()}")
    try:
        code, err = _cli(capfd, "--board", str(board), "list")
        assert code == 0 and not err, err
        assert "ก่อนดิสก์เต็ม" in _notes(board), "our own note (in the shadow) is still shown"
        code, err = _cli(capfd, "--board", str(board), "note", card[:10], "บนแชร์อ่านอย่างเดียว")
        assert code == 1 and err.count("\n") == 1 and "อ่านได้อย่างเดียว" in err and "Read-only" in err, err
        assert str(board.parent) in err and ".~" not in err, err
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(disk)], capture_output=True)
    assert "บนแชร์อ่านอย่างเดียว" not in _notes(board)


def test_a_refused_copy_puts_the_other_back_without_a_real_disk(
        board: Path, monkeypatch: pytest.MonkeyPatch, capfd) -> None:
    """The same rule where nothing can be mounted: the shared folder refuses the synced copy
    (ENOSPC injected) after the shadow in the state dir was written."""
    store = BoardStore.open(board)
    card = sorted(store.snapshot().cards)[0]
    store.add_note(card, "ก่อน")
    store.close()
    real = files.write_atomic

    def full_share(path: Path, data: bytes, **kwargs) -> None:
        if path.parent.name == "board.d":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, data, **kwargs)

    monkeypatch.setattr("storage.sync.tables.write_atomic", full_share)
    code, err = _cli(capfd, "--board", str(board), "--lang", "en", "note", card[:10], "ไม่ควรเห็น")
    assert code == 1 and "No space left" in err
    monkeypatch.setattr("storage.sync.tables.write_atomic", real)
    assert _notes(board) == {"ก่อน"}, "the refused note is in the shadow and would come back"
    assert _notes(board, user="ผู้ตรวจ", read_only=True) == {"ก่อน"}


async def test_the_board_opened_where_nothing_can_be_saved_says_so_at_once(
        board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new officer whose state dir is on a full disk (injected: no mount needed) sees the
    board, is told on opening that changes cannot be saved, and a move changes nothing."""
    from tui.app import BoardApp

    def full_state_dir(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "state-a" / "replica.json"))

    real = replica_for
    monkeypatch.setattr("storage.sync.store.replica_for", full_state_dir)
    store = BoardStore.open(board)
    card = sorted(store.snapshot().cards)[0]
    app = BoardApp(store, watch_files=False, poll_seconds=600)
    app.animation_level = "none"
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        told = [n.message for n in app._notifications]
        assert any("บันทึกการเปลี่ยนแปลงไม่ได้" in m and "ดิสก์เต็ม" in m and "replica.json" in m for m in told), told
        assert app.snapshot.cards[card].status == "todo"  # the board is shown
        await pilot.press(">")
        await pilot.pause()
        assert len(app._notifications) > len(told), "the move said nothing"
        assert app.snapshot.cards[app.board.card_id].status == "todo"
    store.close()
    monkeypatch.setattr("storage.sync.store.replica_for", real)
    assert {c.status for c in BoardStore.open(board, user="ผู้ตรวจ", read_only=True).snapshot().cards.values()} == {"todo"}


def test_an_export_refused_by_a_full_disk_leaves_the_last_report_whole(shared_board, disk: Path, capfd) -> None:
    board, _ = shared_board
    report = disk / "รายงาน.xlsx"
    report.write_bytes("รายงานครั้งก่อน".encode())  # last meeting's report: one page of the disk
    filler = _fill(disk)
    # The workbook needs more room than the old report frees: written in place, it was cut short.
    code, err = _cli(capfd, "--board", str(board), "export", "--format", "xlsx", "--out", str(report))
    assert code == 1 and err.count("\n") == 1 and "ดิสก์เต็ม" in err and str(report) in err, err
    assert report.read_bytes() == "รายงานครั้งก่อน".encode(), "the failed export ruined the report that was there"
    code, err = _cli(capfd, "--board", str(board), "export", "--format", "md", "--out", str(disk / "ใหม่.md"))
    assert code == 1 and not (disk / "ใหม่.md").exists(), "half a report left behind"
    assert sorted(p.name for p in disk.iterdir()) == sorted(["share", "รายงาน.xlsx", filler.name])


def test_reading_needs_no_write_where_the_state_dir_may_not_be_written(
        board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd) -> None:
    """Permission denied in the state dir (a home made read-only by the admin): `list` still
    reads the board — the open cache (a write made while reading) is skipped, not fatal."""
    store = BoardStore.open(board)
    card = sorted(store.snapshot().cards)[0]
    store.add_note(card, "ก่อน")
    store.close()
    real_open = os.open
    cache_dir = str(tmp_path / "state-a" / "directive-board" / "cache")
    shutil.rmtree(cache_dir, ignore_errors=True)  # so `list` would write it: another officer changed the board

    def refused(path, flags, *args, **kwargs):
        if str(path).startswith(cache_dir) and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(files.os, "open", refused)
    code, err = _cli(capfd, "--board", str(board), "list")
    assert code == 0 and not err, err
    assert "ก่อน" in _notes(board)
