"""Column titles: whole words at every size — short titles where the full ones do not fit."""

from __future__ import annotations

import pytest

from tests.tui.helpers import board_text


def header(app) -> list[str]:
    return [cell.strip() for cell in board_text(app).splitlines()[0].split("│")]


@pytest.mark.parametrize("lang, expected", [
    ("th", ["ยังไม่ทำ ๑๐", "กำลังทำ ๒", "ติดปัญหา ๑", "ดำเนินการแล้ว ๑"]),  # the last column is wider: full
    ("en", ["To do 10", "In progress 2", "Blocked 1", "Done 1"]),  # full where it fits
])
async def test_80x24_uses_short_titles_not_cut_words(make_app, lang, expected) -> None:
    app = make_app(watch_files=False, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("A", "v")  # the agency list and all four columns: 14 cells each
        assert header(app) == expected


async def test_one_column_header_names_every_status_with_its_count(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert header(app) == ["▸ยังไม่ดำเนินการ ๑๐", "กำลังดำเนินการ ๒", "ติดปัญหา ๑", "ดำเนินการแล้ว ๑"]
        await pilot.press("l")
        assert header(app)[:2] == ["ยังไม่ดำเนินการ ๑๐", "▸กำลังดำเนินการ ๒"]


async def test_120x40_keeps_the_full_titles(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert header(app) == ["ยังไม่ดำเนินการ ๑๐", "กำลังดำเนินการ ๒", "ติดปัญหา ๑", "ดำเนินการแล้ว ๑"]
