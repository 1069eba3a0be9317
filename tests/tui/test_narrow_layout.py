"""Narrow terminals (issue 14): the agency list folds into the title line, one status at a
time below 100 columns, help and the agency picker lie over the board, search hits in view."""

from __future__ import annotations

from rich.cells import cell_len

from tests.conftest import ITEM_TEXTS, DUES, card_of
from tests.tui.helpers import board_text, screen_lines, type_text
from widgets.agency_list import AgencyPane
from widgets.board_grid import BoardGrid
from widgets.textfit import format_date


def grid(app) -> BoardGrid:
    return app.screen_stack[0].query_one(BoardGrid)


def list_shown(app) -> bool:
    return app.screen_stack[0].query_one(AgencyPane).display


async def test_the_collapse_key_folds_and_shows_the_agency_list(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert list_shown(app) and grid(app).size.width < 100
        await pilot.press("A")
        await pilot.pause()
        assert not list_shown(app) and grid(app).size.width == 120  # the columns get the full width
        assert "▾ ทั้งหมด" in screen_lines(app)[0]  # the title line names the agency shown
        await pilot.press("A")
        await pilot.pause()
        assert list_shown(app) and "▾" not in screen_lines(app)[0]


async def test_the_list_folds_by_itself_below_120_columns_until_the_officer_chooses(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        assert list_shown(app)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not list_shown(app) and grid(app).size.width == 100
        assert not grid(app).one_column  # 100 columns: all four statuses, the list folded
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert grid(app).one_column
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        assert list_shown(app) and not grid(app).one_column
        await pilot.press("A")  # the officer's choice now wins over the width
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert not list_shown(app)


async def test_v_switches_between_one_status_and_four(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        g = grid(app)
        assert g.one_column
        await pilot.press("v")
        assert not g.one_column and board_text(app).splitlines()[0].count("│") == 3
        await pilot.resize_terminal(85, 24)
        await pilot.pause()
        assert not g.one_column  # chosen: resizing keeps it
        await pilot.press("v")
        assert g.one_column


async def test_80x24_shows_15_cards_with_30_cells_of_text_and_the_due_date(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # any status: the one with most cards is ยังไม่ดำเนินการ; go there and back
        await pilot.press("h")
        await pilot.pause()
        g = grid(app)
        cards = [line for line in board_text(app).splitlines()[1:] if line.strip() and not line.startswith("▌")]
        assert len(cards) >= 10  # the fixture board has 10 to-do cards; the bench board shows ≥ 15
        for line in cards:
            seq = next(n for n in ITEM_TEXTS if f"ข้อ {'๐๑๒๓๔๕๖๗๘๙'[n]} " in line)
            shown = line.split(f"ข้อ {'๐๑๒๓๔๕๖๗๘๙'[seq]} ", 1)[1]
            text = ITEM_TEXTS[seq]
            assert cell_len(_common_prefix(shown, text)) >= 30, line
            if seq in DUES:
                assert format_date(DUES[seq], "th") in line, line
        assert g.one_column


async def test_80x24_shows_15_cards_of_the_bundled_letter(tmp_path) -> None:
    import shutil
    from datetime import date
    from pathlib import Path

    from storage.sync.store import BoardStore
    from tui.app import BoardApp

    path = tmp_path / "board.json"
    shutil.copy(Path(__file__).resolve().parents[2] / "board.json", path)
    store = BoardStore.open(path)
    app = BoardApp(store, today=date(2022, 9, 20), watch_files=False)
    app.animation_level = "none"
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            lines = board_text(app).splitlines()[1:]
            cards = [line for line in lines if line.strip() and not line.startswith("▌")]
            assert len(cards) >= 15
            snap = app.snapshot
            for line in cards:
                item = next(i for i in snap.items.values() if f"ข้อ {_thai(i.seq)} " in line)
                shown = line.split(f"ข้อ {_thai(item.seq)} ", 1)[1]
                assert cell_len(_common_prefix(shown, item.text)) >= 30, line
                assert not item.due or format_date(item.due, "th") in line, line
    finally:
        store.close()


def _thai(n: int) -> str:
    return "".join("๐๑๒๓๔๕๖๗๘๙"[int(d)] for d in str(n))


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


async def test_a_drops_the_list_over_the_board_and_enter_puts_it_away(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = grid(app).size
        await pilot.press("a")
        await type_text(pilot, "พช")
        await pilot.pause()
        assert list_shown(app) and grid(app).size == before  # over the board, not beside it
        await pilot.press("enter")
        await pilot.pause()
        assert not list_shown(app) and isinstance(app.focused, BoardGrid)
        assert "▾ พช.ระยอง" in screen_lines(app)[0]
        await pilot.press("a", "escape")  # Esc puts it away and keeps the choice
        await pilot.pause()
        assert not list_shown(app) and "▾ พช.ระยอง" in screen_lines(app)[0]


async def test_help_lies_over_the_board_instead_of_squeezing_it(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = grid(app).size
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.query("HelpPanel") and grid(app).size == before


async def test_a_search_hit_deep_in_the_text_is_shown(make_app) -> None:
    # ศจพ ends item 6 (~170 characters): a one-line card scrolls its line to the hit.
    app = make_app(watch_files=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.search("ศจพ")
        await pilot.pause()
        lines = [line for line in board_text(app).splitlines() if "ข้อ ๖" in line]
        assert lines and all("…" in line and "(ศจพ.)" in line for line in lines)
        assert all(format_date(DUES[6], "th") in line for line in lines)


async def test_a_search_hit_past_two_lines_shows_in_a_normal_card(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.search("ศจพ")
        await pilot.pause()
        assert "(ศจพ.)" in board_text(app)
        assert card_of(6, 1) in {c for lane in grid(app).lanes for col in lane.columns for c in col}
