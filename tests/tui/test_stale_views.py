"""Nothing on screen goes stale: another replica's edits to an item's text or an agency's
name repaint, searches find the new text, and due marks follow the real date."""

from __future__ import annotations

from storage.ids import agency_id, item_id
from storage.models import Card, Item
from tests.conftest import AGENCIES, LETTER, card_of, rayong_records
from tests.tui.helpers import another_replica_edits, board_text
from widgets.board_grid import BoardGrid
from widgets.board_index import BoardFilter, BoardIndex

WIDE = (120, 40)


async def test_another_replicas_item_text_edit_repaints_the_card(make_app, board_path) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert "ให้ความสำคัญกับ" in board_text(app)  # item 2 drawn (and now cached)
        another_replica_edits(board_path, f"item/{item_id(LETTER, 2)}", "text", "ประชุมทุกเดือน")
        app.poll_disk()
        await pilot.pause()
        text = board_text(app)
        assert "ประชุมทุกเดือน" in text
        assert "ให้ความสำคัญกับ “การสื่อสาร" not in text


async def test_another_replicas_agency_rename_repaints_every_card_of_it(make_app, board_path) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert "อำเภอทุกอำเภอ" in board_text(app)  # the support agency's short name on its cards
        another_replica_edits(board_path, f"agency/{agency_id(AGENCIES[2][0])}", "short", "ทุกอำเภอ.รย")
        app.poll_disk()
        await pilot.pause()
        cards_area = board_text(app)
        assert "ทุกอำเภอ.รย" in cards_area
        # Every card line that named the agency now shows the new short name (the lane title
        # is drawn from the index; the card lines are what went stale).
        lines = [line for line in cards_area.splitlines() if not line.startswith("▌")]
        assert not any("อำเภอทุกอำเภอ" in line for line in lines)


async def test_search_finds_an_items_new_text_after_another_replica_edits_it(make_app, board_path) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.search("ศาสนา")  # normalises (and caches) every item's text once
        await pilot.pause()
        another_replica_edits(board_path, f"item/{item_id(LETTER, 1)}", "text", "สนับสนุนงานศาสนาในชุมชน")
        app.poll_disk()
        await pilot.pause()
        shown = {cid for lane in app.screen.query_one(BoardGrid).lanes for col in lane.columns for cid in col}
        assert card_of(1) in shown


def test_index_search_keys_follow_an_items_text_not_its_id() -> None:
    from datetime import date

    from storage.models import BoardSnapshot

    records = rayong_records()

    def snap(items):
        return BoardSnapshot(items={i.id: i for i in items}, agencies={a.id: a for a in records.agencies},
                             cards={c.id: c for c in records.cards})

    index = BoardIndex(snap(records.items))
    card = next(c for c in records.cards if c.id == card_of(1))
    assert not index.matches(card.id, "ศาสนา")  # item 1's text is cached under its old words
    edited = tuple(Item(i.id, i.directive_id, i.seq, "สนับสนุนงานศาสนา", i.due) if i.seq == 1 else i
                   for i in records.items)
    moved = Card(card.id, card.item_id, card.agency_id, card.role, "doing", card.rank)
    after = snap(edited)
    after = BoardSnapshot(items=after.items, agencies=after.agencies, cards={**after.cards, card.id: moved})
    index.update(after, card, moved)
    assert index.matches(card.id, "ศาสนา")
    lanes = index.lanes(None, BoardFilter(query="ศาสนา"), date(2022, 9, 20))
    assert any(card.id in col for lane in lanes for col in lane.columns)
