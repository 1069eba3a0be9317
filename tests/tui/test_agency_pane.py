"""The agency pane as the officer sees it: typed filter text, the chosen agency's marker."""

from __future__ import annotations

import pytest

from tests.tui.helpers import screen_lines, type_text


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
        assert any(line.startswith("พช.ระยอง") for line in lines[2:5])
