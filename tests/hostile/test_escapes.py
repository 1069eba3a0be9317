"""Terminal escapes in letters, board files and file names never reach a terminal raw.

A letter full of escapes (OSC 52 clipboard write, OSC 0 window title, CSI 2J, the 8-bit CSI,
backspaces), a note and a user name with escapes written by another machine, and files in
``board.d/`` named with escapes: every command's stdout and stderr, and every line of the
TUI, must hold no control character — and still show that something was there (␛).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from storage.sync.store import BoardStore
from tests.tui.helpers import screen_lines
from tui.cli import main

ESC = "\x1b"
TITLE = f"{ESC}]0;PWNED-TITLE\x07"
CLIP = f"{ESC}]52;c;UFdORUQ=\x07"
WIPE = f"{ESC}[2J"
C1_CSI = "\u009b2J"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Any control character but tab and newline: what must never be printed."""

LETTER = f"""ที่ ขก 0023.4/ว 77{TITLE}
สำนักงานสาธารณสุขจังหวัดขอนแก่น
10 มกราคม 2567
เรื่อง การป้องกันโรค{WIPE}ไข้เลือดออก

| ลำดับ | มาตรการ | หน่วยงานหลัก | หน่วยงานสนับสนุน | ระยะเวลา |
|---|---|---|---|---|
| 1 | รณรงค์กำจัดแหล่ง{CLIP}เพาะพันธุ์ยุงลาย | สำนักงานสาธารณสุขจังหวัดขอนแก่น{WIPE} | อำเภอทุกอำเภอ | 31 มี.ค. 67 |
| 2 | ให้ความรู้แก่นักเรียน{C1_CSI}และผู้ปกครอง\x08\x08 | สำนักงานศึกษา{TITLE}ธิการจังหวัดขอนแก่น | โรงพยาบาลขอนแก่น | ไม่กำหนด |
"""


def _sheet(path: Path) -> Path:
    """The same escapes in a CSV letter (a reader that does not drop C0 by itself)."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([f"ที่ สข 0017.2/ว 400{CLIP}"])
        writer.writerow([f"เรื่อง ข้อสั่งการ{TITLE}"])
        writer.writerow(["seq", "text", "agencies", "due"])
        writer.writerow(["3", f"ตรวจสอบราคาสินค้า{WIPE}{C1_CSI}\x9d0;T\x9c", f"สำนักงานพาณิชย์{CLIP}จังหวัดสงขลา", "-"])
    return path


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A board made from hostile letters, with another machine's hostile note and files."""
    folder = tmp_path / "shared"
    folder.mkdir()
    letter = folder / f"ข่าว{TITLE}.txt"
    letter.write_text(LETTER, encoding="utf-8")
    board = folder / "board.json"
    assert main(["--board", str(board), "import", str(letter), str(_sheet(folder / f"ราคา{WIPE}.csv"))]) == 0
    # Another officer's machine, with a hostile login name, writes a note with escapes.
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "other-machine"))
    other = BoardStore.open(board, user=f"ปลอม{TITLE}")
    card = sorted(other.snapshot().cards)[0]
    other.add_note(card, f"ส่งรายงานแล้ว{CLIP}\r{WIPE}บรรทัดสอง\n{C1_CSI}")
    other.close()
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    # Files in board.d/ named with escapes: a broken one (a warning names it) and a copy.
    (folder / "board.d" / f"{TITLE}broken.json").write_bytes(b"{not json")
    own = next((folder / "board.d").glob("*.json"))
    (folder / "board.d" / f"{WIPE}copy.json").write_bytes(own.read_bytes())
    return board


def _run(capfd: pytest.CaptureFixture, *argv: str) -> str:
    code = main(list(argv))
    out, err = capfd.readouterr()
    assert code == 0, err
    return out + err


def test_no_command_prints_a_control_character(hostile: Path, capfd: pytest.CaptureFixture) -> None:
    capfd.readouterr()
    board = str(hostile)
    letter = next(hostile.parent.glob("ข่าว*.txt"))
    outputs = {
        "dry-run": _run(capfd, "--board", board, "import", "--dry-run", str(letter)),
        "dry-run json": _run(capfd, "--board", board, "import", "--dry-run", "--json", str(letter)),
        "list": _run(capfd, "--board", board, "list"),
        "list en": _run(capfd, "--board", board, "--lang", "en", "list"),
        "list json": _run(capfd, "--board", board, "list", "--json"),
        "summary": _run(capfd, "--board", board, "summary"),
        "export md": _run(capfd, "--board", board, "export", "--format", "md"),
        "export json": _run(capfd, "--board", board, "export", "--format", "json"),
        "sync": _run(capfd, "--board", board, "--lang", "en", "sync"),
    }
    for name, text in outputs.items():
        found = RAW.search(text)
        assert found is None, f"{name} printed {found.group()!r}: {text[max(0, found.start() - 40):found.end() + 40]!r}"
    # Not silently dropped: an officer can see that the letter carried something odd.
    assert "␛]52;c;UFdORUQ=" in outputs["list"] + outputs["export md"]
    assert "␛]0;PWNED-TITLE" in outputs["summary"]  # an agency name
    assert "ส่งรายงานแล้ว␛]52;c;UFdORUQ=␇ ␛[2Jบรรทัดสอง" in outputs["export md"]  # the other machine's note
    assert "ปลอม␛]0;PWNED-TITLE␇" in outputs["export json"]  # and its user
    assert "␛]0;PWNED-TITLE␇broken.json" in outputs["list"]  # the warning names the broken file
    assert "␛[2Jcopy.json" in outputs["sync"]  # and sync the copy it folded


def test_a_cli_error_naming_a_hostile_file_is_one_clean_line(tmp_path: Path, capfd: pytest.CaptureFixture) -> None:
    letter = tmp_path / f"จดหมาย{CLIP}.txt"
    letter.write_bytes(b"")
    assert main(["--board", str(tmp_path / "b.json"), "import", str(letter)]) == 1
    out, err = capfd.readouterr()
    assert not RAW.search(out + err) and "␛]52" in err and err.count("\n") == 1


async def test_the_board_screen_and_card_show_no_control_character(hostile: Path) -> None:
    from tui.app import BoardApp

    store = BoardStore.open(hostile)
    app = BoardApp(store, watch_files=False)
    app.animation_level = "none"
    seen: list[str] = []
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        notices = [n.message for n in app._notifications]  # before they time out, on a busy machine
        seen += screen_lines(app)  # the board, its agency list, the file notices
        snap = app.snapshot
        from_sheet = next(c.id for c in snap.cards.values() if snap.items[c.item_id].seq == 3)
        for card in (sorted(snap.cards)[0], from_sheet):  # the other machine's note; the CSV's item
            app.open_card(card)  # what Enter on it opens
            await pilot.pause()
            seen += screen_lines(app)
            await pilot.press("escape")
    store.close()
    text = "\n".join(seen)
    assert RAW.search(text) is None, RAW.search(text)
    # Shown, made visible: a letter's item, another machine's note, a file notice.
    assert "ตรวจสอบราคาสินค้า␛[2J" in text
    assert "ส่งรายงานแล้ว␛]52;c;UFdORUQ=␇" in text and "ปลอม␛]0;PWNED-TITLE␇" in text
    # The file notices (toasts, wrapped at a width that depends on the temp path) in full.
    assert any("␛]0;PWNED-TITLE␇broken.json" in n for n in notices), notices
    assert not any(RAW.search(n) for n in notices)


def _shown(out: bytes) -> str:
    """Terminal output without colours and cursor moves: the text a person sees, in order."""
    return re.sub(rb"\x1b\[[0-9;?<>$]*[A-Za-z~]", b"", out).decode("utf-8", "replace")


def _terminal_bytes(board: Path, steps: list[tuple[bytes, str]], env: dict[str, str]) -> bytes:
    """Everything ``board`` writes to a real terminal (a pty, 120×40): first wait for the
    board, then for each (key, text) type the key and wait until ``text`` is shown."""
    import fcntl
    import os
    import pty
    import select
    import struct
    import sys
    import termios
    import time

    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.environ.update(env)
        os.chdir(Path(__file__).resolve().parents[2])
        os.execv(sys.executable, [sys.executable, "-m", "tui", "--board", str(board)])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    out = bytearray()

    def pump(seconds: float, until: str = "") -> None:
        # A bounded wait for what the test needs on screen (a hang detector, not a timing).
        end = time.monotonic() + seconds
        while time.monotonic() < end and not (until and until in _shown(bytes(out))):
            if select.select([fd], [], [], 0.05)[0]:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                out.extend(chunk)

    try:
        for key, text in steps:
            os.write(fd, key)
            pump(30, until=text)
        os.write(fd, b"\x11")  # ctrl+q
        pump(10)
    finally:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
    return bytes(out)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs a pty")
def test_a_real_terminal_receives_no_escape_from_the_board(hostile: Path, tmp_path: Path) -> None:
    import os

    env = {**os.environ, "TERM": "xterm-256color", "XDG_STATE_HOME": str(tmp_path / "state")}
    # The board, then the open-letter dialog listing the hostile file names (the card in full
    # is the Pilot test's).
    steps = [(b"", "␛"), (b"i", "ข่าว␛]0;PWNED-TITLE")]
    out = _terminal_bytes(hostile, steps, env)
    shown = _shown(out)
    assert "ข่าว␛]0;PWNED-TITLE" in shown, "the open-letter dialog never showed the letter's name"
    # What Textual itself sends: SGR, cursor moves, modes, OSC 22 (pointer shape). Nothing else.
    oscs = set(re.findall(rb"\x1b\](\d*)", out))
    assert oscs <= {b"22"}, f"an OSC reached the terminal: {oscs}"
    assert not re.search(rb"\x1b\[[0-9;]*J", out), "an erase-display sequence reached the terminal"
    assert not re.search(rb"\xc2[\x80-\x9f]", out), "an 8-bit control reached the terminal"


def test_a_board_named_with_escapes_exports_without_them(tmp_path: Path, capfd: pytest.CaptureFixture) -> None:
    """The board's name is anybody's text too (board.json lives in a shared folder): the
    minutes printed to a terminal carry none of it raw, and the workbook (whose XML refuses
    control characters: the export crashed) is written."""
    from openpyxl import load_workbook

    from tests.storage.conftest import sample_records

    board = tmp_path / "board.json"
    BoardStore.create(board, sample_records(), name=f"ระยอง{TITLE}{WIPE}")
    capfd.readouterr()
    minutes = _run(capfd, "--board", str(board), "export", "--format", "md")
    assert RAW.search(minutes) is None and "ระยอง␛]0;PWNED-TITLE␇␛[2J" in minutes, minutes[:300]
    out = tmp_path / "report.xlsx"
    _run(capfd, "--board", str(board), "export", "--format", "xlsx", "--out", str(out))
    title = load_workbook(out, read_only=True).properties.title  # the workbook is named after the board
    assert title.startswith("ระยอง␛]0;PWNED-TITLE") and RAW.search(title) is None, title
