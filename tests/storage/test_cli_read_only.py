"""``--read-only`` refuses every write from the command line, before or after the command:
one line, exit 1, the board folder and the state dir exactly as they were. Reading commands
work and leave no trace either."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import card_of
from tui.cli import main

ROOT = Path(__file__).resolve().parents[2]
LETTER = ROOT / "tests" / "fixtures" / "letters" / "khonkaen-pipe-table.txt"


def tree(*folders: Path) -> dict[str, bytes]:
    """Every file under ``folders`` and its bytes (what a refused command must not change)."""
    return {str(p): p.read_bytes() for folder in folders if folder.exists()
            for p in sorted(folder.rglob("*")) if p.is_file()}


WRITES = [
    ["move", card_of(1)[:8], "doing"],
    ["move", card_of(1)[:8], "done", "--note", "เสร็จแล้ว"],
    ["note", card_of(1)[:8], "ประชุมแล้ว"],
    ["sync"],
    ["import", str(LETTER)],
    ["unassign", card_of(1)[:8]],
    ["serve", "--users", "users.txt", "--allow-edits"],  # browsers that would edit the board
]


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize("command", WRITES, ids=lambda c: " ".join(c[:1] + c[2:3]))
def test_read_only_refuses_every_write(board_path: Path, tmp_path: Path, capsys, command, where) -> None:
    state = tmp_path / "state"
    before = tree(board_path.parent, state)
    flag = ["--read-only"]
    argv = ["--board", str(board_path), *(flag if where == "before" else []), *command,
            *(flag if where == "after" else [])]
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith("board: ")
    assert "--read-only" in err and command[0] in err
    assert tree(board_path.parent, state) == before
    assert not (board_path.parent / "board.d").exists() or not any((board_path.parent / "board.d").iterdir())


def test_read_only_refusal_in_english(board_path: Path, capsys) -> None:
    assert main(["--board", str(board_path), "--read-only", "--lang", "en", "note", card_of(1)[:8], "x"]) == 1
    assert "read-only" in capsys.readouterr().err


def test_read_only_refuses_creating_a_board_by_import(tmp_path: Path, capsys) -> None:
    board = tmp_path / "new" / "board.json"
    board.parent.mkdir()
    assert main(["--board", str(board), "--read-only", "import", str(LETTER)]) == 1
    assert not board.exists() and list(board.parent.iterdir()) == []


@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["summary"], ["log"],
                                     ["export", "--format", "md", "--out", "-"], ["import", str(LETTER), "--dry-run"]])
def test_reading_commands_work_read_only_and_leave_no_trace(board_path: Path, tmp_path: Path, capsys, command) -> None:
    state = tmp_path / "state"
    before = tree(board_path.parent, state)
    assert main(["--board", str(board_path), "--read-only", *command]) == 0
    assert capsys.readouterr().out
    assert tree(board_path.parent, state) == before
    assert not state.exists()  # not even a replica identity for the chair
