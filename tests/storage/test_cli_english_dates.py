"""English CLI output never uses Thai month names (issue 8): dates are ISO, as English
readers and scripts take them; Thai output keeps B.E. dates with ASCII digits."""

from __future__ import annotations

from pathlib import Path

from tui.cli import main


def test_list_in_english_shows_iso_due_dates(board_path: Path, capsys) -> None:
    assert main(["--board", str(board_path), "--lang", "en", "list"]) == 0
    out = capsys.readouterr().out
    assert "2022-09-30" in out and "2022-08-31" in out
    assert "ก.ย." not in out and "ส.ค." not in out


def test_list_in_thai_keeps_be_dates(board_path: Path, capsys) -> None:
    assert main(["--board", str(board_path), "list"]) == 0
    out = capsys.readouterr().out
    assert "30 ก.ย. 65" in out and "2022-09-30" not in out
