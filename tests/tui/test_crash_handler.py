"""An error nobody foresaw: one line (never a traceback with the board's data, which may be on
a projector), the full traceback in a log file under the user's state directory and named in
that line, a non-zero exit status, and the board file untouched."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from tests.conftest import card_of
from tui.app import BoardApp
from tui.crash import CRASH_EXIT

SECRET = "ข้อมูลลับของกระดาน-7f3a"
"""Stands for the board data an unhandled error carries in its message and locals."""


def logs(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "state").rglob("crash-*.log"))


def boom(self, *args, **kwargs):
    cards = {SECRET: self.snapshot.cards}  # a local full of board data, as real bugs have
    raise KeyError(f"{SECRET} {len(cards)}")


async def test_a_crash_in_the_app_leaves_one_line_a_log_and_a_nonzero_status(make_app, board_path, tmp_path,
                                                                              monkeypatch) -> None:
    before = board_path.read_bytes()
    mine = sorted((board_path.parent / "board.d").glob("*.json"))
    monkeypatch.setattr(BoardApp, "move_by", boom)
    app = make_app(watch_files=False)
    with pytest.raises(KeyError):  # Pilot re-raises the app's error at the end, as Textual does
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press(">")
            await pilot.pause()
    assert app.return_code == CRASH_EXIT
    line = app.crash_message
    assert "\n" not in line and "KeyError" in line and SECRET not in line
    [log] = logs(tmp_path)
    assert str(log) in line
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "in boom" in text and "move_by" not in line
    assert board_path.read_bytes() == before  # the board itself: untouched
    assert sorted((board_path.parent / "board.d").glob("*.json")) == mine


def test_a_crash_in_a_command_is_one_line_and_a_log(board_path, tmp_path, monkeypatch, capsys) -> None:
    from tui.cli import board_commands, main

    def broken(*args, **kwargs):
        raise RuntimeError(SECRET)

    monkeypatch.setattr(board_commands, "_card_line", broken)
    assert main(["--board", str(board_path), "list"]) == CRASH_EXIT
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and err.startswith("board: ") and "RuntimeError" in err
    assert SECRET not in err and "Traceback" not in err
    [log] = logs(tmp_path)
    assert str(log) in err and SECRET in log.read_text(encoding="utf-8")


def test_english_crash_line(board_path, tmp_path, monkeypatch, capsys) -> None:
    from tui.cli import board_commands, main

    monkeypatch.setattr(board_commands, "_card_line", lambda *a, **k: 1 / 0)
    assert main(["--board", str(board_path), "--lang", "en", "list"]) == CRASH_EXIT
    err = capsys.readouterr().err
    assert "internal error (ZeroDivisionError)" in err and str(logs(tmp_path)[0]) in err


CHILD = """
import sys
from tui.app import BoardApp
def boom(self, *args, **kwargs):
    cards = {%r: self.snapshot.cards}
    raise KeyError(%r)
BoardApp.move_by = boom
from tui.cli import main
sys.exit(main(["--board", sys.argv[1]]))
""" % (SECRET, SECRET)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a pty")
def test_a_real_terminal_sees_one_line_and_no_traceback(board_path, tmp_path) -> None:
    """The whole path, as on the officer's terminal: Textual started in a pty, '>' hits the bug."""
    import pty
    import select
    import time

    before = board_path.read_bytes()
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.environ.update(TERM="xterm-256color", XDG_STATE_HOME=str(tmp_path / "state"), BOARD_USER="สมหญิง")
        os.chdir(Path(__file__).resolve().parents[2])
        os.execv(sys.executable, [sys.executable, "-c", CHILD, str(board_path)])
    import fcntl
    import struct
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    out = bytearray()

    def pump(seconds: float, until: bytes = b"") -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if until and until in out:
                return True
            if select.select([fd], [], [], 0.05)[0]:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return False
                if not chunk:
                    return False
                out.extend(chunk)
        return False

    try:
        assert pump(60, until="▌".encode()), "the board never painted"
        os.write(fd, b">")
        pump(30, until=b".log")
        pump(2)
        _, status = os.waitpid(pid, 0)
    finally:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.close(fd)
    assert os.WEXITSTATUS(status) == CRASH_EXIT
    shown = re.sub(rb"\x1b\[[0-9;?<>$]*[A-Za-z~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)", b"", bytes(out)).decode("utf-8", "replace")
    tail = shown[shown.rfind("board: "):]
    assert "KeyError" in tail and ".log" in tail
    assert "Traceback" not in shown and "locals" not in shown and SECRET not in shown
    assert card_of(1) not in shown  # no card id from a locals dump either
    [log] = logs(tmp_path)
    assert str(log) in tail.replace("\r\n", "").replace("\n", "")
    assert board_path.read_bytes() == before
