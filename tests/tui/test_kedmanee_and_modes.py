"""Thai-layout keys, read-only meetings, config keymaps, and live updates from
another process — all checked on the saved board."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import card_of
from tests.tui.helpers import press_alone, type_text
from tui.keymap import load_keymap
from tui.screens.note_input import NoteScreen
from widgets.board_grid import BoardGrid
from widgets.kedmanee import US_TO_KEDMANEE, thai_keys

SIZE = (80, 24)
ROOT = Path(__file__).resolve().parents[2]


def test_kedmanee_table_matches_the_layout() -> None:
    assert [US_TO_KEDMANEE[k] for k in "hjkl"] == ["้", "่", "า", "ส"]
    assert [US_TO_KEDMANEE[k] for k in "1234"] == ["ๅ", "/", "-", "ภ"]
    assert US_TO_KEDMANEE["<"] == "ฒ" and US_TO_KEDMANEE[">"] == "ฬ" and US_TO_KEDMANEE["?"] == "ฦ"
    assert thai_keys("left,h") == "left,h,้"


async def test_thai_layout_keys_do_what_the_us_keys_do(make_app, reopen) -> None:
    app = make_app()
    app.keys.typing.gap = 0.1  # each key below is pressed on its own, as a command
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(BoardGrid)
        await press_alone(pilot, "่")  # j
        assert (grid.column, grid.row) == (0, 1)
        await press_alone(pilot, "ส")  # l
        assert grid.column == 1
        await press_alone(pilot, "้")  # h
        assert grid.column == 0
        await press_alone(pilot, "า")  # k
        assert grid.row == 0 and grid.card_id == card_of(1)
        await press_alone(pilot, "ภ")  # 4
        assert reopen().cards[card_of(1)].status == "done"
        await press_alone(pilot, "ๅ")  # 1
        assert reopen().cards[card_of(1)].status == "todo"
        await pilot.press("-")  # 3 under Kedmanee
        assert reopen().cards[card_of(1)].status == "blocked"
        await pilot.press("/")  # 2 under Kedmanee (a Thai key was just pressed)
        assert reopen().cards[card_of(1)].status == "doing"
        await press_alone(pilot, "ฒ")  # <
        assert reopen().cards[card_of(1)].status == "todo"
        await press_alone(pilot, "ฬ")  # >
        assert reopen().cards[card_of(1)].status == "doing"
        await press_alone(pilot, "ี")  # u: undo
        assert reopen().cards[card_of(1)].status == "todo"


async def test_thai_layout_reorder_note_and_search(make_app, reopen) -> None:
    app = make_app()
    app.keys.typing.gap = 0.1
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(BoardGrid)
        first, second = grid.column_ids()[:2]
        grid.select(second)
        await press_alone(pilot, "ษ")  # K: move up
        saved = reopen().cards
        assert saved[second].rank < saved[first].rank
        await press_alone(pilot, "ื")  # n: note
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press("escape")
        await pilot.pause()
        await press_alone(pilot, "ฝ")  # the / key under Kedmanee: search
        await pilot.pause()
        assert app.screen.query_one("#search").has_focus


async def test_slash_searches_with_the_us_layout(make_app, reopen) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "slash")
        await pilot.pause()
        assert app.screen.query_one("#search").has_focus
        assert reopen().cards[card_of(6)].status == "todo"


async def test_read_only_refuses_every_edit_visibly(make_app, reopen) -> None:
    app = make_app(read_only=True)
    app.keys.typing.gap = 0.1
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        before = reopen()
        for key in (">", "<", "shift+right", "1", "2", "3", "4", "K", "J", "n", "u"):
            await pilot.press(key)
        await press_alone(pilot, "ฬ", "ภ")
        await pilot.pause()
        after = reopen()
        assert after.cards == before.cards and after.notes == before.notes
        assert not isinstance(app.screen, NoteScreen)
        assert any("อ่านอย่างเดียว" in n.message for n in app._notifications)
        bindings = app.screen.active_bindings
        assert bindings["greater_than_sign"].enabled is False  # dimmed in the footer
        assert "อ่านอย่างเดียว" in str(app.screen.query_one("#status").render())
        await pilot.press("enter")  # reading is still allowed
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CardDetailScreen"


async def test_keymap_from_config_file_remaps_with_thai_twin(make_app, reopen, tmp_path, monkeypatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[keys]\n"card.note" = "m"\n"card.status_done" = "9"\n', encoding="utf-8")
    monkeypatch.setenv("BOARD_CONFIG", str(config))
    keymap = load_keymap()
    assert keymap["card.note"] == "m,ท"
    app = make_app(keymap=keymap)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("9")
        assert reopen().cards[card_of(1)].status == "done"
        await press_alone(pilot, "ท")
        assert isinstance(app.screen, NoteScreen)


def test_bad_config_is_a_one_line_error(tmp_path) -> None:
    from storage.errors import BoardError

    bad = tmp_path / "config.toml"
    bad.write_text("[keys\n", encoding="utf-8")
    with pytest.raises(BoardError, match="config"):
        load_keymap(bad)


async def test_change_by_another_process_appears_with_who_changed_it(make_app, board_path, tmp_path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(BoardGrid)
        grid.select(card_of(7))
        env = dict(os.environ, BOARD_USER="สมชาย", XDG_STATE_HOME=str(tmp_path / "other-state"))
        subprocess.run([sys.executable, "-m", "tui", "--board", str(board_path), "move", card_of(6), "blocked"],
                       cwd=ROOT, env=env, check=True, capture_output=True, timeout=60)
        for _ in range(30):
            await pilot.pause(0.1)
            if app.snapshot.cards[card_of(6)].status == "blocked":
                break
        assert app.snapshot.cards[card_of(6)].status == "blocked"
        await pilot.pause()
        assert grid.card_id == card_of(7)  # focus stays on the same card
        assert card_of(6) in grid.lanes[0].columns[2]
        status = str(app.screen.query_one("#status").render())
        assert "สมชาย" in status and "ข้อ ๖" in status and "ติดปัญหา" in status


def test_every_single_character_binding_has_its_kedmanee_twin() -> None:
    from textual.keys import _character_to_key

    from tui.screens.board import board_bindings
    from widgets.board_grid import BoardGrid

    # How Textual names keys: a Thai consonant is itself, a combining mark gets its Unicode name.
    assert _character_to_key("ส") == "ส" and _character_to_key("้") == "thai_character_mai_tho"
    bindings = [*board_bindings("th"), *BoardGrid.BINDINGS]
    missing = []
    for binding in bindings:
        keys = [k.strip() for k in binding.key.split(",")]
        assert binding.id and binding.description and binding.tooltip, binding
        for key in keys:
            char = {"slash": "/", "question_mark": "?", "minus": "-"}.get(key, key)
            twin = US_TO_KEDMANEE.get(char) if len(char) == 1 else None
            if twin and twin not in US_TO_KEDMANEE and twin not in keys and binding.id != "app.quit":
                missing.append((binding.id, key, twin))
    assert missing == []
    # q's twin ๆ is bound too, but never to quit (tests/tui/test_quit_twin.py)
    assert [b.action for b in bindings if b.key == "ๆ"] == ["quit_hint"]


async def test_store_errors_are_shown_not_crashes(make_app, monkeypatch) -> None:
    from storage.errors import BoardError

    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()

        def broken(*_args, **_kwargs):
            raise OSError(28, "No space left on device")

        def unreadable() -> bool:
            raise BoardError("board.json: not valid JSON")

        monkeypatch.setattr(app.store, "move", broken)
        monkeypatch.setattr(app.store, "changed_on_disk", unreadable)
        await pilot.press(">")
        app.poll_disk()
        await pilot.pause()
        assert any("No space left" in n.message for n in app._notifications)
        assert "not valid JSON" in str(app.screen.query_one("#status").render())
        assert app.is_running


async def test_note_by_another_process_is_announced(make_app, board_path, tmp_path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        env = dict(os.environ, BOARD_USER="วิภา", XDG_STATE_HOME=str(tmp_path / "third-state"))
        subprocess.run([sys.executable, "-m", "tui", "--board", str(board_path), "note", card_of(2), "ส่งรายงานแล้ว"],
                       cwd=ROOT, env=env, check=True, capture_output=True, timeout=60)
        for _ in range(30):
            await pilot.pause(0.1)
            if app.snapshot.notes_of(card_of(2)):
                break
        assert [n.text for n in app.snapshot.notes_of(card_of(2))] == ["ส่งรายงานแล้ว"]
        await pilot.pause()
        assert "วิภา" in str(app.screen.query_one("#status").render())
