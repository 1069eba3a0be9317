"""What the board shows: agencies, swimlanes, search, filters, compact mode, help, size."""

from __future__ import annotations

import pytest
from textual.widgets import Input
from textual.widgets._help_panel import HelpPanel

from tests.conftest import card_of
from tests.tui.helpers import board_text, screen_lines, type_text
from tui.commands import BoardCommands
from widgets.board_grid import BoardGrid
from widgets.card_lines import NORMAL_HEIGHT

SIZE = (80, 24)


def shown_ids(app) -> set[str]:
    grid = app.screen_stack[0].query_one(BoardGrid)
    return {cid for lane in grid.lanes for col in lane.columns for cid in col}


async def test_all_agencies_view_has_one_swimlane_per_agency(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = board_text(app)
        for short in ("สนจ.ระยอง", "พช.ระยอง", "อำเภอทุกอำเภอ", "พศจ.ระยอง", "วธ.ระยอง"):
            assert f"▌{short}" in text
        assert "▸ยังไม่ดำเนินการ ๑๐" in text and "ติดปัญหา ๑" in text  # one status at 80 columns, all four counted
        assert "⚠" in text  # item 6 is overdue on the fixed today
        assert len(shown_ids(app)) == 14


async def test_english_labels_with_lang_en(make_app) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = board_text(app)
        assert "To do 10" in text and "Blocked 1" in text and "Item 6" in text


async def test_agency_list_filters_as_you_type_and_switches_the_board(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await type_text(pilot, "พช")
        await pilot.pause()
        options = app.screen.query_one("#agency-options")
        assert options.option_count == 2  # ทั้งหมด + พช.ระยอง
        await pilot.press("enter")
        await pilot.pause()
        agency = app.snapshot.cards[card_of(4, 1)].agency_id
        assert app.agency == agency
        assert isinstance(app.focused, BoardGrid)
        assert shown_ids(app) == {c.id for c in app.snapshot.cards.values() if c.agency_id == agency}
        text = board_text(app)
        assert text.count("▌") == 1  # one agency: one title naming it, in full and short
        assert text.splitlines()[1].startswith("▌สำนักงานพัฒนาชุมชนจังหวัดระยอง · พช.ระยอง (")
        assert "▾ พช.ระยอง" in screen_lines(app)[0]  # the folded list names it in the title line


async def test_agency_list_arrows_choose_all_again(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", "down")
        await pilot.pause()
        assert app.agency is not None
        await pilot.press("up")
        await pilot.pause()
        assert app.agency is None and len(shown_ids(app)) == 14


async def test_search_is_thai_normalised_and_highlighted(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await type_text(pilot, "ผ้าไทย")
        await pilot.pause()
        assert shown_ids(app) == {card_of(4, 1), card_of(4, 2)}
        await pilot.press("enter")
        assert isinstance(app.focused, BoardGrid)
        # ํา (nikhahit + sara aa) finds ำ: the same word typed two ways
        app.search("ทำนุบ\u0e4d\u0e32รุง".replace("\u0e33", "\u0e4d\u0e32"))
        await pilot.pause()
        assert shown_ids(app) == {card_of(5, 3), card_of(5, 4)}
        await pilot.press("escape")
        await pilot.pause()
        assert len(shown_ids(app)) == 14
        assert app.screen.query_one("#search", Input).display is False


async def test_search_match_is_highlighted(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.search("ทำนุ")
        await pilot.pause()
        grid = app.screen.query_one(BoardGrid)
        styled = [seg for y in range(grid.size.height) for seg in grid.render_line(y) if seg.text == "ทำนุ"]
        assert styled and styled[0].style.reverse


async def test_status_and_overdue_filters(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f", "f")  # all → todo → doing
        await pilot.pause()
        assert app.filter.status == "doing"
        assert {app.snapshot.cards[c].status for c in shown_ids(app)} == {"doing"}
        assert "กรอง" in str(app.screen.query_one("#status").render())
        await pilot.press("escape", "o")
        await pilot.pause()
        assert shown_ids(app) == {card_of(6, 0), card_of(6, 1), card_of(6, 2)}  # due 31 Aug, today 20 Sep


async def test_compact_mode_shows_fifteen_cards_at_80x24(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(BoardGrid)
        assert grid.card_height == 1
        assert grid.size.height - 1 >= 15  # rows for cards under the column header
        await pilot.press("c")
        await pilot.pause()
        assert grid.card_height > 1


@pytest.mark.parametrize(("size", "rows_per_card"), [((80, 24), 1), ((100, 40), 1), ((120, 30), 1),
                                                       ((120, 40), NORMAL_HEIGHT), ((160, 50), NORMAL_HEIGHT)])
async def test_start_mode_follows_the_terminal_size(make_app, size, rows_per_card) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.screen.query_one(BoardGrid).card_height == rows_per_card


async def test_resize_follows_the_size_until_the_officer_picks_a_mode(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(BoardGrid)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert grid.card_height == NORMAL_HEIGHT  # nobody chose: the bigger window gets whole cards
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert grid.card_height == 1
        await pilot.press("c")  # the officer wants whole cards even at 80×24
        await pilot.pause()
        assert grid.card_height == NORMAL_HEIGHT
        for size in ((120, 40), (80, 24), (70, 20), (100, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert grid.card_height == NORMAL_HEIGHT, size  # their choice sticks


async def test_agency_bars_do_not_shift_when_the_list_is_refreshed(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#agency-options")

        def labels() -> list[str]:
            return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]

        first = labels()
        app.redraw_board(full=True)  # what every live update or import does
        await pilot.pause()
        assert labels() == first


async def test_help_key_toggles_the_key_panel(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.query(HelpPanel)
        await pilot.press("f1")
        await pilot.pause()
        assert not app.screen.query(HelpPanel)


async def test_small_terminal_gets_a_message_not_a_broken_layout(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        message = app.screen.query_one("#too-small")
        assert message.display and "80×24" in str(message.render())
        assert app.screen.query_one("#main").styles.display == "none"
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.query_one("#main").styles.display == "block" and not message.display


def actions_offered(app) -> set[str]:
    """Board-screen actions the footer and key panel offer right now."""
    return {b.binding.action.split("(")[0] for b in app.screen.active_bindings.values()
            if b.node is app.screen and b.enabled and not b.binding.action.startswith("app.")}


async def test_too_small_terminal_keys_do_not_touch_the_hidden_board(make_app, reopen) -> None:
    app = make_app()
    async with app.run_test(size=(70, 20)) as pilot:
        await pilot.pause()
        before = reopen()
        first = app.board.card_id
        await pilot.press(">", "j", "4", "u", "n", "x", "enter")
        await pilot.pause()
        assert reopen().cards == before.cards and reopen().notes == before.notes  # nothing saved
        assert app.screen is app.board and app.board.card_id == first  # no modal, cursor unmoved
        assert actions_offered(app) <= {"quit", "quit_hint", "help"}  # the footer offers only what works (ๆ says how to quit)
        palette = BoardCommands(app.screen, None)
        assert palette._commands() == [] and list(palette._cards()) == []  # nor does ctrl+p
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert {"move", "note", "open"} <= actions_offered(app)
        await pilot.press(">")  # back to full size: the board has the focus and its keys work again
        await pilot.pause()
        assert reopen().cards[first].status != before.cards[first].status


async def test_no_color_keeps_meaning_in_symbols(make_app, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "c", "j")
        await pilot.pause()
        assert app.no_color
        app.save_screenshot(path=str(pilot.app.store.path.parent), filename="nc.svg")  # renders every line
        text = board_text(app)
        assert "⚠" in text and "★" in text
