"""An agency taken off an item: its card leaves the board, but its notes and history stay
readable — on the item's other cards (detail) and in the activity log, named by item and
agency, not by a bare id."""

from __future__ import annotations

from tests.conftest import card_of
from tests.tui.edit_helpers import on_screen
from tests.tui.helpers import plain
from tests.tui.test_edit_keys import start


async def test_the_items_other_cards_show_a_removed_agencys_notes(make_app, board_path, reopen) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, card_of(2))
        app.add_note(card_of(2, 2), "ส่งรายงานครั้งที่ ๑ แล้ว")
        from tui.edit_flows import apply

        apply(app, lambda: app.store.retire("card", card_of(2, 2)))
        await start(pilot, card_of(2))  # another agency's card on the same item
        await pilot.press("enter")
        await on_screen(pilot, "CardDetailScreen")
        text = plain(app.screen._body(), 100)
        agency = reopen().retired[card_of(2, 2)].agency_id
        name = reopen().agencies[agency].name
        assert "เอาออกจากข้อนี้แล้ว" in text and name in text and "ส่งรายงานครั้งที่ ๑ แล้ว" in text, text


async def test_a_letter_deleted_another_day_is_brought_back_from_the_board(make_app, board_path, reopen,
                                                                         tmp_path, monkeypatch) -> None:
    from tests.conftest import LETTER
    from tests.tui.test_live_wording import other_user

    app = make_app(watch_files=False, poll_seconds=600)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        letter = next(iter(app.snapshot.directives))
        await other_user(pilot, board_path, tmp_path, monkeypatch, lambda s: s.retire("letter", letter))
        assert not app.snapshot.cards
        await pilot.press("U")
        await on_screen(pilot, "ConfirmChoiceScreen")
        assert "malee" in plain(app.screen.query_one("OptionList").get_option_at_index(0).prompt)
        await pilot.press("y")  # one delete to bring back: the screen asks at once
        await on_screen(pilot, "BoardScreen")
        assert app.snapshot.cards
    again = reopen()
    assert again.directives[letter].number == LETTER and len(again.cards) == 14
