"""Another officer imports a letter: the agency list gains its agencies and new counts at
once (filtering finds them without a restart), and the status line calls it an import."""

from __future__ import annotations

from storage.ids import agency_id, card_id, directive_id, item_id
from storage.models import Agency, Card, Directive, Item, Records
from storage.sync.store import BoardStore
from tests.conftest import AGENCIES
from tests.tui.helpers import settle, type_text
from widgets.agency_list import AgencyPane
from widgets.status_line import StatusLine

LETTER = "รย 0023.3/ว 1200"
NEW_AGENCY = ("สำนักงานเกษตรจังหวัดระยอง", "กษ.ระยอง")


def _letter() -> Records:
    """Two items: one for a new agency, one more card for a known one (สนจ.ระยอง)."""
    d = Directive(directive_id(LETTER), LETTER, "2022-09-01", "ส่งเสริมการเกษตร", "จังหวัดระยอง")
    items = (Item(item_id(LETTER, 1), d.id, 1, "ส่งเสริมเกษตรอินทรีย์"),
             Item(item_id(LETTER, 2), d.id, 2, "รายงานผลผลิตทุกเดือน"))
    new, known = NEW_AGENCY[0], AGENCIES[0][0]
    cards = (Card(card_id(LETTER, 1, new), items[0].id, agency_id(new), "lead", "todo", 1.0),
             Card(card_id(LETTER, 2, known), items[1].id, agency_id(known), "lead", "todo", 2.0))
    return Records((d,), items, (Agency(agency_id(new), *NEW_AGENCY),), cards)


def _another_officer_imports(board_path) -> None:
    store = BoardStore.open(board_path, user="มาลี")
    try:
        store.add_records(_letter())
    finally:
        store.close()


def _rows(app) -> dict[str, tuple[int, int]]:
    pane = app.screen_stack[0].query_one(AgencyPane)
    return {row.short: (row.done, row.total) for row in pane.rows}


async def test_another_officers_import_shows_in_the_agency_list_at_once(make_app, board_path) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert NEW_AGENCY[1] not in _rows(app)
        before = _rows(app)[AGENCIES[0][1]]
        _another_officer_imports(board_path)
        app.poll_disk()
        await pilot.pause()
        rows = _rows(app)
        assert rows[NEW_AGENCY[1]] == (0, 1)  # the new agency, with its count
        assert rows[AGENCIES[0][1]] == (before[0], before[1] + 1)  # a known one counts its new card
        await pilot.press("a")
        await settle(pilot)
        await type_text(pilot, "เกษตร")  # filtering finds it without a restart
        await pilot.pause()
        shown = [row.short for row in app.screen.query_one(AgencyPane).rows if row.short]
        options = app.screen.query_one("#agency-options")
        labels = " ".join(str(options.get_option_at_index(i).prompt) for i in range(options.option_count))
        assert NEW_AGENCY[1] in labels, (shown, labels)


async def test_another_officers_import_is_reported_as_an_import(make_app, board_path) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _another_officer_imports(board_path)
        app.poll_disk()
        await pilot.pause()
        message = app.screen.query_one(StatusLine).message
        assert "มาลี" in message and "นำเข้า ๑ หนังสือ ๒ ข้อ ๒ การ์ด" in message, message
        assert "ย้าย" not in message  # not a move


async def test_another_officers_import_in_english(make_app, board_path) -> None:
    app = make_app(watch_files=False, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _another_officer_imports(board_path)
        app.poll_disk()
        await pilot.pause()
        message = app.screen.query_one(StatusLine).message
        assert "มาลี" in message and "Imported 1 letter(s) 2 item(s) 2 card(s)" in message, message
