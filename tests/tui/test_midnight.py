"""A meeting that runs past midnight: overdue and due-soon marks, the overdue filter and
the open review follow the new day without a restart (the app asks the day again)."""

from __future__ import annotations

from datetime import date

from tests.conftest import card_of
from tests.tui.helpers import board_text
from widgets.board_grid import BoardGrid

DUE_DAY = date(2022, 9, 30)  # item 2's due date (tests/conftest.py DUES)


def _shown(app) -> set[str]:
    grid = app.screen_stack[0].query_one(BoardGrid)
    return {cid for lane in grid.lanes for col in lane.columns for cid in col}


def _item2_lines(app) -> list[str]:
    return [line for line in board_text(app).splitlines() if "ข้อ ๒" in line]


async def test_overdue_marks_follow_midnight(make_app) -> None:
    day = [DUE_DAY]
    app = make_app(watch_files=False, today=None, clock=lambda: day[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.toggle_overdue()  # the chair shows only what is late
        await pilot.pause()
        assert card_of(2) not in _shown(app)  # due today: not late yet
        day[0] = date(2022, 10, 1)  # the meeting runs past midnight
        app.follow_date()
        await pilot.pause()
        assert card_of(2) in _shown(app)  # now late, without a restart
        assert any("⚠" in line for line in _item2_lines(app))


async def test_a_fixed_day_never_rolls_over(make_app) -> None:
    app = make_app(watch_files=False)  # today=TODAY: tests and --today pin the day
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = app.today
        app.follow_date()
        assert app.today == before


async def test_the_open_review_follows_midnight(make_app) -> None:
    day = [DUE_DAY]
    app = make_app(watch_files=False, today=None, clock=lambda: day[0])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_review()
        await pilot.pause()
        review = app.screen
        assert review.today == DUE_DAY
        day[0] = date(2022, 10, 1)
        app.follow_date()
        await pilot.pause()
        assert review.today == date(2022, 10, 1)
