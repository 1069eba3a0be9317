"""Palette 'go to card' searches every card, anywhere in its text (issue 8): it offered
only the first 2,000 cards and matched only the start of the item's text."""

from __future__ import annotations

from storage.ids import agency_id, card_id, directive_id, item_id
from storage.models import Agency, Card, Directive, Item, Records
from storage.sync.store import BoardStore
from tests.conftest import TODAY, card_of
from tui.app import BoardApp
from tui.commands import BoardCommands


async def _titles(provider: BoardCommands, query: str) -> list[str]:
    return [str(hit.text) async for hit in provider.search(query) if "ไปที่การ์ด" in str(hit.text)]


async def test_go_to_card_finds_words_at_the_end_of_a_long_item(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        provider = BoardCommands(app.screen, None)
        # Item 6 ends "…ผ่านกลไกศูนย์อำนวยการขับเคลื่อนการแก้ไขปัญหาความยากจน (ศจพ.)", far past
        # the 40 characters a title shows.
        titles = await _titles(provider, "ศจพ")
        assert titles and all("๖ ·" in title for title in titles), titles
        assert len(titles) == 3  # item 6 has three agencies' cards
        assert all("ศจพ" in title for title in titles)  # the title shows where it was found
        hits = [hit async for hit in provider.search("ศจพ พช")]  # words of the text and agency
        go = [hit for hit in hits if "ไปที่การ์ด" in str(hit.text)]
        assert len(go) == 1
        go[0].command()
        await pilot.pause()
        assert app.board.card_id == card_of(6, 1)


def _big_board(path, n: int) -> None:
    letter = "ทดสอบ 1/2565"
    d = Directive(directive_id(letter), letter, "2022-07-17", "เรื่องทดสอบ", "จังหวัด")
    a = Agency(agency_id("สำนักงานทดสอบ"), "สำนักงานทดสอบ", "สทส.")
    items = tuple(Item(item_id(letter, i), d.id, i, f"งานลำดับที่ {i} ของจังหวัด") for i in range(1, n + 1))
    items = items[:-1] + (Item(item_id(letter, n), d.id, n, "งานสุดท้ายเรื่องอุทกภัยของจังหวัด"),)
    cards = tuple(Card(card_id(letter, i, a.name), item_id(letter, i), a.id, "lead", "todo", float(i))
                  for i in range(1, n + 1))
    BoardStore.create(path, Records((d,), items, (a,), cards))


async def test_go_to_card_reaches_past_the_first_2000_cards(tmp_path) -> None:
    path = tmp_path / "big" / "board.json"
    path.parent.mkdir()
    _big_board(path, 2100)
    store = BoardStore.open(path)
    app = BoardApp(store, today=TODAY, watch_files=False)
    app.animation_level = "none"
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            provider = BoardCommands(app.screen, None)
            titles = await _titles(provider, "อุทกภัย")
            assert len(titles) == 1 and "๒๑๐๐" in titles[0], titles
            many = await _titles(provider, "จังหวัด")  # every card matches: a bounded list
            assert 0 < len(many) <= 100
    finally:
        store.close()
