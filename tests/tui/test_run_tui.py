"""``board`` (no subcommand) → run_tui: arguments reach the app, bad input is one line."""

from __future__ import annotations

import argparse

from tests.conftest import TODAY
from tui.app import BoardApp, run_tui
from tui.cli import main


def test_missing_board_is_a_one_line_error(tmp_path, capsys) -> None:
    code = main(["--board", str(tmp_path / "nowhere" / "board.json")])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("board: ") and err.count("\n") == 1


def test_bad_config_is_a_one_line_error(board_path, tmp_path, monkeypatch, capsys) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('[keys]\n"card.note" = 5\n', encoding="utf-8")
    monkeypatch.setenv("BOARD_CONFIG", str(config))
    assert main(["--board", str(board_path)]) == 1
    assert "[keys]" in capsys.readouterr().err


def test_run_tui_passes_language_read_only_today_and_keymap(board_path, tmp_path, monkeypatch) -> None:
    config = tmp_path / "keys.toml"
    config.write_text('[keys]\n"card.note" = "m"\n', encoding="utf-8")
    monkeypatch.setenv("BOARD_CONFIG", str(config))
    seen = {}

    def fake_run(self):
        seen.update(lang=self.lang, read_only=self.read_only, today=self.today, keymap=dict(self._keymap))

    monkeypatch.setattr(BoardApp, "run", fake_run)
    args = argparse.Namespace(board_path=board_path, lang="en", read_only=True, today=TODAY)
    assert run_tui(args) == 0
    assert seen["lang"] == "en" and seen["read_only"] and seen["today"] == TODAY
    assert seen["keymap"]["card.note"] == "m,ท"
