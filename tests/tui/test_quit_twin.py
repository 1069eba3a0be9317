"""ๆ, the q key under the Thai layout, never ends the session (widgets/kedmanee.QUIT_TWIN):
Thai text is full of it, and one that reached a screen with no text field (a card's detail,
the review screen) quit the program. It closes what q closes; where q would quit it says how."""

from __future__ import annotations

import pytest

from tests.tui.helpers import press_alone, send_together, until_board_focused
from tui.screens.card_detail import CardDetailScreen
from tui.screens.review import ReviewScreen

NOTICE = "ๆ ไม่ออกจากโปรแกรม"


def notices(app) -> list[str]:
    return [n.message for n in app._notifications]


@pytest.mark.parametrize("keys", [["ๆ"], ["enter", "ๆ", "ๆ"], ["r", "ๆ", "ๆ"], ["L", "ๆ", "ๆ"]],
                         ids=["board", "card detail", "review", "activity log"])
async def test_thai_q_alone_closes_a_screen_but_never_quits(make_app, keys) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await until_board_focused(pilot)
        await press_alone(pilot, *keys)  # the first ๆ closes what was opened; the last is on the board
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert app.screen is app.board
        assert any(n.startswith(NOTICE) for n in notices(app))  # says how to quit instead
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running


@pytest.mark.parametrize("opener", ["enter", "r"])
async def test_thai_q_typed_together_on_a_screen_without_a_field_never_quits(make_app, opener) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_board_focused(pilot)
        await send_together(pilot, opener, "มากๆๆ")
        await pilot.pause(0.5)
        assert app.is_running and app.return_code is None


async def test_board_review_closes_on_q_but_not_on_thai_q(board_path) -> None:
    """``board review`` ends when its screen closes: Esc or q, never ๆ."""
    from tests.conftest import TODAY
    from tui.factory import make_app

    app = make_app(board_path, read_only=True, start="review", today=TODAY, keymap={})
    try:
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ReviewScreen)
            await press_alone(pilot, "ๆ")
            assert app.is_running and isinstance(app.screen, ReviewScreen)
            assert any(n.startswith(NOTICE) for n in notices(app))
            await pilot.press("q")
            await pilot.pause()
        assert app.return_code == 0 and not app.is_running
    finally:
        app.store.close()


async def test_thai_q_still_closes_a_card_detail(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_board_focused(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CardDetailScreen)
        await pilot.press("ๆ")
        await pilot.pause()
        assert app.screen is app.board and app.is_running


def test_a_remapped_quit_key_gets_no_thai_twin(tmp_path, monkeypatch) -> None:
    from tui.keymap import load_keymap

    config = tmp_path / "config.toml"
    config.write_text('[keys]\n"app.quit" = "x"\n"card.note" = "m"\n', encoding="utf-8")
    assert load_keymap(config) == {"app.quit": "x", "card.note": "m,ท"}
