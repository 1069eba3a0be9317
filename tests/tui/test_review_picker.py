"""The import review's 'add agency' picker offers the letter's own new agencies too (an
agency the letter names for one item, dropped from another, is picked, not retyped), and
says which item it adds to."""

from __future__ import annotations

from tests.tui.helpers import type_text
from tests.tui.test_import_review import _Harness, _open
from tui.screens.agency_picker import AgencyPickerScreen
from tui.screens.import_review import ImportReviewScreen


async def test_a_new_agency_of_the_letter_is_offered_for_another_item() -> None:
    app = _Harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await pilot.press("j", "j", "a")  # item 6's row
        await pilot.pause()
        assert isinstance(app.screen, AgencyPickerScreen)
        assert "ข้อ ๖" in str(app.screen.query_one(".picker-title").render())
        await type_text(pilot, "ทุกอำ")  # อำเภอทุกอำเภอ: new on the board, named for item 1
        shown = [a.name for a in app.screen.shown]
        assert shown == ["อำเภอทุกอำเภอ"], shown  # first: Enter picks it
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportReviewScreen)
        await pilot.press("a")  # and once on item 6, it is not offered there again
        await pilot.pause()
        await type_text(pilot, "ทุกอำ")
        assert not app.screen.shown
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    (draft,) = app.results
    assert [(a.name, a.agency_id) for a in draft.items[1].agencies][-1] == ("อำเภอทุกอำเภอ", None)
