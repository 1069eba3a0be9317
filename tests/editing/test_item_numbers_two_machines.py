"""Two officers on two machines each add "the next item" of one letter before the sync engine
has brought them each other's file: both items stay, under distinct numbers, the same on both
machines, and ``LETTER:N`` names one item again (it said "ambiguous")."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import LETTER
from tui.cli import main


def board_cli(capsys, monkeypatch, board: Path, user: str, *argv: str) -> tuple[int, str, str]:
    with monkeypatch.context() as m:
        m.setenv("BOARD_USER", user)
        m.setenv("XDG_STATE_HOME", str(board.parent.parent / f"state-{user}"))
        code = main(["--board", str(board), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def synced(source: Path, target: Path) -> None:
    """What a sync engine does: the other machine's replica files land in this folder."""
    for path in (source.parent / "board.d").glob("*.json"):
        shutil.copy2(path, target.parent / "board.d" / path.name)


def test_items_added_on_two_machines_at_once_get_distinct_numbers(board: Path, tmp_path: Path, capsys,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    there = tmp_path / "other-machine" / "board.json"
    shutil.copytree(board.parent, there.parent)
    code, out, err = board_cli(capsys, monkeypatch, board, "สมชาย", "add-item", LETTER, "ของสมชาย",
                               "--agency", "พช.ระยอง", "--json")
    assert code == 0, err
    assert json.loads(out)["seq"] == 8
    code, out, err = board_cli(capsys, monkeypatch, there, "มาลี", "add-item", LETTER, "ของมาลี",
                               "--agency", "พช.ระยอง", "--json")
    assert code == 0, err
    assert json.loads(out)["seq"] == 8  # neither machine had seen the other's yet
    synced(there, board)
    synced(board, there)
    for where in (board, there):
        code, out, err = board_cli(capsys, monkeypatch, where, "ผู้ตรวจ", "list", "--json")
        assert code == 0, err
        numbers = {(c["item"]["seq"], c["item"]["text"]) for c in json.loads(out)}
        assert {(8, "ของสมชาย"), (9, "ของมาลี")} <= numbers  # the number given first keeps it
        assert len({seq for seq, _ in numbers}) == len(numbers)  # no two items under one number
    code, out, err = board_cli(capsys, monkeypatch, board, "สมชาย", "edit", f"{LETTER}:8", "--text", "ของสมชาย (แก้)")
    assert code == 0, err  # LETTER:8 names one item again: it said "ambiguous"
    code, out, err = board_cli(capsys, monkeypatch, board, "ผู้ตรวจ", "list", "--json")
    texts = {c["item"]["seq"]: c["item"]["text"] for c in json.loads(out)}
    assert (texts[8], texts[9]) == ("ของสมชาย (แก้)", "ของมาลี")
