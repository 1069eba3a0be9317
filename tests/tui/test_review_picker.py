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


async def test_a_dropped_agency_added_in_review_is_on_the_saved_board(tmp_path) -> None:
    """From the board: i, the Nan letter, review, item 3 gets the commerce office the letter
    names for item 1 (picked, not retyped), save; the board reopened from disk has its card."""
    import shutil

    from storage.sync.store import BoardStore
    from tests.tui.edit_helpers import on_screen
    from tests.tui.test_import_and_palette import FIXTURES, _empty_app

    app, store, path = _empty_app(tmp_path)
    shutil.copy(FIXTURES / "nan-multiline-cells.txt", path.parent / "nan.txt")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await on_screen(pilot, "OpenLetterScreen")
        await type_text(pilot, "nan.txt")
        await pilot.press("enter")
        await on_screen(pilot, "ImportReviewScreen")
        await pilot.press(*"jjjjj", "a")  # item 3's first agency row
        await on_screen(pilot, "AgencyPickerScreen")
        await type_text(pilot, "พาณิช")
        await pilot.press("enter")
        await on_screen(pilot, "ImportReviewScreen")
        await pilot.press("ctrl+s")
        await on_screen(pilot, "BoardScreen")
    store.close()
    again = BoardStore.open(path, user="ผู้ตรวจ")
    try:
        snap = again.snapshot()
    finally:
        again.close()
    three = next(i for i in snap.items.values() if i.seq == 3)
    names = {snap.agencies[c.agency_id].name for c in snap.cards.values() if c.item_id == three.id}
    assert "สำนักงานพาณิชย์จังหวัดน่าน" in names, names
    one = next(i for i in snap.items.values() if i.seq == 1)  # one agency, not two spellings of it
    assert [c.agency_id for c in snap.cards.values() if c.item_id == one.id and
            snap.agencies[c.agency_id].name == "สำนักงานพาณิชย์จังหวัดน่าน"] == \
        [c.agency_id for c in snap.cards.values() if c.item_id == three.id and
         snap.agencies[c.agency_id].name == "สำนักงานพาณิชย์จังหวัดน่าน"]
