"""``board`` (no subcommand) → run_tui: arguments reach the app, bad input is one line."""

from __future__ import annotations

import argparse
import gc

from tests.conftest import TODAY
from tui.app import BoardApp, run_tui
from tui.cli import main


def test_missing_board_is_a_one_line_error(tmp_path, capsys) -> None:
    code = main(["--board", str(tmp_path / "nowhere" / "board.json")])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("board: ") and err.count("\n") == 1
    # The collector paused for the start-up runs again though no first frame was drawn.
    assert gc.isenabled()


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


def test_read_only_meeting_writes_nothing_anywhere(board_path, tmp_path, monkeypatch) -> None:
    def files() -> set[str]:
        return {str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")}

    before = files()
    seen = {}
    monkeypatch.setattr(BoardApp, "run", lambda self: seen.update(store_read_only=self.store.read_only,
                                                                   cards=len(self.snapshot.cards)))
    assert run_tui(argparse.Namespace(board_path=board_path, lang="th", read_only=True)) == 0
    assert seen == {"store_read_only": True, "cards": 14}
    assert files() == before  # no board.d/, no replica file, no state dir


def test_ascii_digits_setting_reaches_the_app(board_path, tmp_path, monkeypatch) -> None:
    config = tmp_path / "digits.toml"
    config.write_text('[display]\ndigits = "ascii"\n', encoding="utf-8")
    monkeypatch.setenv("BOARD_CONFIG", str(config))
    seen = {}
    monkeypatch.setattr(BoardApp, "run", lambda self: seen.update(lang=self.lang))
    assert run_tui(argparse.Namespace(board_path=board_path, lang="th", read_only=False)) == 0
    assert seen["lang"] == "th-ascii"


async def test_thai_interface_with_ascii_digits(make_app) -> None:
    from tests.tui.helpers import board_text

    app = make_app(lang="th-ascii")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = board_text(app)
        assert "ยังไม่ดำเนินการ 10" in text and "ข้อ 6" in text and "31 ส.ค. 65" in text
        assert "๖" not in text.replace("ทั้ง ๗ ภาคี", "")
