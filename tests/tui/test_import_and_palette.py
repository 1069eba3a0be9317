"""Importing a letter from the board, an empty board, and the command palette."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from textual.command import CommandList

from storage.models import Records
from tests.tui.helpers import board_text, type_text
from tui.commands import BoardCommands
from widgets.board_grid import BoardGrid

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "letters"


def _thai(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def _empty_app(tmp_path: Path):
    from storage.sync.store import BoardStore
    from tests.conftest import TODAY
    from tui.app import BoardApp

    path = tmp_path / "empty" / "board.json"
    path.parent.mkdir()
    BoardStore.create(path, Records())
    store = BoardStore.open(path)
    app = BoardApp(store, today=TODAY)
    app.animation_level = "none"
    return app, store, path


async def test_empty_board_opens_and_keys_do_no_harm(tmp_path) -> None:
    app, store, _ = _empty_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j", "l", ">", "1", "enter", "n", "u", "K")
        await pilot.pause()
        assert app.screen.query_one(BoardGrid).card_id is None
        assert "ยังไม่ดำเนินการ ๐" in board_text(app) and "ไม่มีการ์ด" in board_text(app)
    store.close()


async def _until(pilot, condition, seconds: float = 5.0) -> None:
    """Pause until ``condition()`` holds or ``seconds`` pass (a fixed sleep flakes on a busy CI)."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.05)


async def _import(pilot, name: str) -> None:
    await pilot.press("i")
    await pilot.pause()
    assert pilot.app.screen.__class__.__name__ == "OpenLetterScreen"
    await type_text(pilot, name)
    await pilot.press("enter")
    await _until(pilot, lambda: pilot.app.screen.__class__.__name__ == "ImportReviewScreen")
    assert pilot.app.screen.__class__.__name__ == "ImportReviewScreen"
    await pilot.press("enter")
    await _until(pilot, lambda: pilot.app.screen is pilot.app.screen_stack[0])
    assert pilot.app.screen is pilot.app.screen_stack[0]


async def test_import_a_letter_from_the_board(tmp_path) -> None:
    app, store, path = _empty_app(tmp_path)
    shutil.copy(FIXTURES / "rayong-2565-directives.txt", path.parent / "rayong.txt")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await _import(pilot, "rayong.txt")
        saved = store.snapshot()
        told = [n.message for n in app._notifications]
        # What an officer counts (letters, items, cards), not storage records.
        assert told[-1] == f"นำเข้า ๑ หนังสือ ๗ ข้อ {_thai(len(saved.cards))} การ์ด", told
        await _import(pilot, "rayong.txt")  # the same letter again: nothing new
        assert [n.message for n in app._notifications][-1].startswith("ไม่มีอะไรใหม่")
        assert len(store.snapshot().cards) == len(saved.cards)
        assert len(saved.items) == 7 and len(saved.cards) > 7
        assert len(app.screen.query_one(BoardGrid).lanes) == len({c.agency_id for c in saved.cards.values()})
    from storage.sync.store import BoardStore

    again = BoardStore.open(path, user="ผู้ตรวจ")
    assert len(again.snapshot().cards) == len(saved.cards)  # durable
    again.close()
    store.close()


async def test_palette_provider_offers_moves_and_go_to(make_app, reopen) -> None:
    from tests.conftest import card_of

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        provider = BoardCommands(app.screen, None)
        titles = [title for title, _, _ in provider._commands()]
        assert "ย้ายการ์ดไป: ติดปัญหา" in titles and "ซิงก์ตอนนี้" in titles and "นำเข้าหนังสือ" in titles
        hits = [hit async for hit in provider.search("ติดปัญหา")]
        hits[0].command()
        assert reopen().cards[card_of(1)].status == "blocked"
        app.select_agency(app.snapshot.cards[card_of(1)].agency_id)  # another agency is shown
        await pilot.pause()
        cards = dict(provider._cards())
        goto = next(cb for title, cb in cards.items() if "ข้อ ๕" in title and "วธ." in title)
        goto()
        await pilot.pause()
        assert app.screen.query_one(BoardGrid).card_id == card_of(5, 4)
        assert app.agency == app.snapshot.cards[card_of(5, 4)].agency_id
        options = app.screen.query_one("#agency-options")
        assert options.get_option_at_index(options.highlighted).id == app.agency


async def test_palette_end_to_end(make_app, reopen) -> None:
    from tests.conftest import card_of

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "ดำเนินการแล้ว")
        await pilot.pause(0.6)
        await _until(pilot, lambda: app.screen.query_one(CommandList).option_count > 0)  # a slow machine
        await pilot.press("enter")
        await pilot.pause()
        assert reopen().cards[card_of(1)].status == "done"


async def test_palette_offers_no_writes_when_read_only(make_app) -> None:
    app = make_app(read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [title for title, _, _ in BoardCommands(app.screen, None)._commands()]
        assert titles and not any(w in " ".join(titles) for w in ("ย้ายการ์ด", "ซิงก์", "นำเข้า"))


async def test_an_agency_added_in_the_review_is_saved(tmp_path) -> None:
    """The importer dropped an agency: the officer adds it in the review, it is on the board."""
    from storage.sync.store import BoardStore

    app, store, path = _empty_app(tmp_path)
    shutil.copy(FIXTURES / "rayong-2565-directives.txt", path.parent / "rayong.txt")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await type_text(pilot, "rayong.txt")
        await pilot.press("enter")
        await _until(pilot, lambda: pilot.app.screen.__class__.__name__ == "ImportReviewScreen")
        await pilot.press("a")  # on item 1's first agency
        await _until(pilot, lambda: pilot.app.screen.__class__.__name__ == "AgencyPickerScreen")
        await type_text(pilot, "สำนักงานเกษตรจังหวัดระยอง")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await _until(pilot, lambda: pilot.app.screen is pilot.app.screen_stack[0])
    saved = BoardStore.open(path, user="ผู้ตรวจ")
    try:
        snap = saved.snapshot()
        farm = [a for a in snap.agencies.values() if a.name == "สำนักงานเกษตรจังหวัดระยอง"]
        assert len(farm) == 1
        (card,) = [c for c in snap.cards.values() if c.agency_id == farm[0].id]
        assert snap.items[card.item_id].seq == 1 and card.role == "support"
    finally:
        saved.close()
        store.close()
