"""The agency pane as the officer sees it: typed filter text, the chosen agency's marker."""

from __future__ import annotations

import pytest

from tests.tui.helpers import board_text, screen_lines, type_text


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_typed_agency_filter_is_visible(make_app, size) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await type_text(pilot, "พัฒนา")
        await pilot.pause()
        lines = screen_lines(app)
        assert lines[1].startswith("พัฒนา"), lines[:3]  # the box's one row, right under the header
        assert any(line.startswith("▸พช.ระยอง") for line in lines[2:5])  # the first match, chosen


async def test_single_agency_search_without_hits_says_no_cards(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "▾ ทั้งหมด" in screen_lines(app)[0]  # 80 columns: the list is folded into the title
        await pilot.press("a")
        await type_text(pilot, "พช")
        await pilot.press("enter", "slash")
        await type_text(pilot, "ไม่มีคำนี้")
        await pilot.pause()
        text = board_text(app)
        assert "ไม่มีการ์ด" in text and "พช.ระยอง" in text.splitlines()[1]


async def test_the_list_redraws_only_rows_whose_counts_changed(make_app) -> None:
    """A move between two open statuses changes no count or bar: the list is not redrawn
    (it was, after every write); a card done redraws its agency's row and the total's."""
    from widgets.agency_list import AgencyOptions, AgencyPane

    app = make_app(watch_files=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        options = app.screen.query_one(AgencyOptions)
        rebuilt, replaced = [], []
        set_options, replace = options.set_options, options.replace_option_prompt
        options.set_options = lambda items: rebuilt.append(items) or set_options(items)
        options.replace_option_prompt = lambda oid, prompt: replaced.append(oid) or replace(oid, prompt)
        await pilot.press("escape")  # the board has the focus: its first card is สนจ.ระยอง's item 1, to do
        await pilot.press(">")
        await pilot.pause()
        assert app.snapshot.cards[app.screen.card_id].status == "doing"
        assert rebuilt == [] and replaced == []
        agency = app.snapshot.cards[app.screen.card_id].agency_id
        done_before = next(r.done for r in app.screen.query_one(AgencyPane).rows if r.agency_id == agency)
        await pilot.press("4")  # done
        await pilot.pause()
        assert rebuilt == [] and sorted(replaced) == sorted([agency, "__all__"])
        assert next(r.done for r in app.screen.query_one(AgencyPane).rows if r.agency_id == agency) == done_before + 1
