"""The review screen and the activity log in the board, driven like a terminal (Pilot) at
80×24 and 120×40, and followed live while another officer works."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from storage.sync.store import BoardStore
from rich.cells import cell_len as cell_width  # what the terminal draws
from tests.conftest import TODAY, card_of
from tests.tui.helpers import screen_lines
from tui.screens.activity_log import ActivityLogScreen
from tui.screens.review import ReviewScreen
from widgets.review_summary import SummaryTable

NOON = 1663650000000
"""2022-09-20 12:00 Bangkok (05:00 UTC): a fixed clock, so pages and snapshots never move."""


def worked(board_path: Path, user: str = "มาลี", at: int = NOON) -> None:
    """Another officer's morning: item 6 of พช.ระยอง blocked with a note, item 2 done."""
    minutes = iter(range(at, at + 3_600_000, 60_000))  # one write a minute from noon
    store = BoardStore.open(board_path, user=user, clock=lambda: next(minutes))
    store.move(card_of(6, 1), "doing", note="เริ่มประสานอำเภอแล้ว")
    store.move(card_of(6, 1), "blocked", note="รองบประมาณจากกรม ยังไม่ได้รับการจัดสรร")
    store.move(card_of(2), "done", note="จัดประชุมสัญจรครบทุกอำเภอแล้ว")
    store.close()


def text(app) -> str:
    return "\n".join(screen_lines(app))


async def open_review(app, pilot) -> ReviewScreen:
    await pilot.pause()
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_summary_page_sorts_and_opens_an_agency(make_app, board_path, bangkok, size) -> None:
    worked(board_path)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        review = await open_review(app, pilot)
        table = review.query_one(SummaryTable)
        names = lambda: [table.get_row_at(i)[0].plain for i in range(table.row_count)]  # noqa: E731
        assert table.row_count == 5 and names()[0] == "พช.ระยอง"  # most overdue first (items 6)
        assert all(cell_width(line) <= size[0] for line in screen_lines(app))
        await pilot.press("s")  # by done %: least done first
        assert names()[-1] == "สนจ.ระยอง" and "ร้อยละที่เสร็จ" in text(app)
        await pilot.press("s")  # by name
        assert names() == sorted(names())
        table.move_cursor(row=names().index("วธ.ระยอง"))
        await pilot.press("enter")
        await pilot.pause()
        assert review.page and review.agency_id == app.snapshot.agencies[review.agency_id].id
        assert "สำนักงานวัฒนธรรมจังหวัดระยอง (วธ.ระยอง)" in text(app)


async def test_a_long_agency_name_leaves_every_number_on_screen_at_80_columns(make_app, board_path, bangkok) -> None:
    from tests.meeting.conftest import LONG_NAME, second_letter

    store = BoardStore.open(board_path)
    store.add_records(second_letter())  # an agency with an 83-character name and no short name
    store.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(app, pilot)
        lines = [line.strip() for line in screen_lines(app)]
        head = next(line for line in lines if line.startswith("หน่วยงาน"))
        assert head.split()[1:] == ["ยังไม่ทำ", "กำลังทำ", "ติดปัญหา", "เสร็จแล้ว", "รวม", "เสร็จ%", "เลยกำหนด"]
        long = next(line for line in lines if line.startswith(LONG_NAME[:10]))
        name, numbers = long.split("…")
        assert LONG_NAME.startswith(name) and numbers.split() == ["๑", "๐", "๐", "๐", "๑", "๐%", "๐"]
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        wide = next(line.strip() for line in screen_lines(app) if line.strip().startswith(LONG_NAME[:10]))
        assert LONG_NAME[:60] in wide and wide.split()[-1] == "๐"  # wider: more of the name


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_agency_page_shows_late_blocked_changes_and_letters(make_app, board_path, bangkok, size) -> None:
    worked(board_path)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        review = await open_review(app, pilot)
        await pilot.press("right")  # the first agency after the summary: พช.ระยอง (most overdue)
        await pilot.pause()
        shown = text(app)
        assert "พช.ระยอง · หน้า ๒/๖" in shown
        assert "⚠ ข้อ ๖ · เลย ๒๐ วัน" in shown  # due 31 Aug, today 20 Sep
        assert "■ ข้อ ๖" in shown and "มาลี ๒๐ ก.ย. ๖๕ ๑๒:๐๑" in shown
        body = review.query_one("#review-body").content
        from tests.tui.helpers import plain

        page = plain(body, size[0] - 2)
        assert "รองบประมาณจากกรม ยังไม่ได้รับการจัดสรร" in page  # the blocker's latest note
        assert "ความเคลื่อนไหวตั้งแต่ ๒๑ ส.ค. ๖๕" in page
        assert "ย้าย กำลังดำเนินการ → ติดปัญหา" in page and "ย้าย ติดปัญหา → กำลังดำเนินการ" in page
        assert "ความคืบหน้าตามหนังสือ" in page and "๐/๓ รย ๐๐๑๗.๒/ว ๓๓๖๒" in page
        assert all(cell_width(line) <= size[0] for line in screen_lines(app))
        await pilot.press("left", "left")  # back past the summary: wraps to the last agency
        await pilot.pause()
        assert review.page == len(review.order)
        await pilot.press("g")
        await pilot.pause()
        for char in "สนจ":
            await pilot.press(char)
        await pilot.press("enter")
        await pilot.pause()
        assert app.snapshot.agencies[review.agency_id].short == "สนจ.ระยอง"
        assert "ย้าย กำลังดำเนินการ → ดำเนินการแล้ว" in plain(review.query_one("#review-body").content, 118)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReviewScreen)


async def test_since_narrows_the_changes_and_a_bad_day_is_refused(make_app, board_path, bangkok) -> None:
    worked(board_path, at=NOON - 40 * 86_400_000)  # 11 Aug: before the default 30 days
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        review = await open_review(app, pilot)
        await pilot.press("right")
        await pilot.pause()
        from tests.tui.helpers import plain

        assert "ย้าย" not in plain(review.query_one("#review-body").content, 118)
        await pilot.press("t")
        await pilot.pause()
        box = app.screen.query_one("#since-text")
        box.value = "1 ส.ค. 65"
        await pilot.press("enter")
        await pilot.pause()
        assert "ย้าย กำลังดำเนินการ → ติดปัญหา" in plain(review.query_one("#review-body").content, 118)
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one("#since-text").value = "เมื่อวาน"
        await pilot.press("enter")
        await pilot.pause()
        assert review.since.isoformat() == "2022-08-01"  # kept; a notice said why


async def test_another_officers_move_shows_on_the_open_page(make_app, board_path, bangkok) -> None:
    worked(board_path)
    app = make_app(poll_seconds=0.2, watch_files=False)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(app, pilot)
        await pilot.press("right")
        await pilot.pause()
        assert review.agency_id == card_agency(app, card_of(6, 1))
        assert not any(line.strip().startswith("⟳") for line in screen_lines(app))  # nothing said yet
        other = BoardStore.open(board_path, user="สมชาย")
        other.move(card_of(6, 1), "done", note="ได้รับงบแล้ว ดำเนินการเสร็จ")
        other.close()
        deadline = time.monotonic() + 10
        # The page and the line above the keys repaint separately: wait for both (a loaded machine).
        while time.monotonic() < deadline and not ("ได้รับงบแล้ว" in text(app)
                                                   and screen_lines(app)[-2].strip().startswith("⟳")):
            await pilot.pause(0.1)
        shown = text(app)
        assert "บันทึก: ได้รับงบแล้ว ดำเนินการเสร็จ" in shown and "สมชาย" in shown
        assert "ความคืบหน้า ๑/๓ (๓๓%)" in shown and isinstance(app.screen, ReviewScreen)
        assert review.agency_id == card_agency(app, card_of(6, 1))  # the same page, not back to the summary
        # Who did it, in the line the board shows under its columns, just above the keys.
        said = screen_lines(app)[-2].strip()
        assert said.startswith("⟳ ") and "สมชาย ย้ายข้อ ๖ (พช.ระยอง) → ดำเนินการแล้ว" in said
        assert cell_width(screen_lines(app)[-2]) == 80


def card_agency(app, card_id: str) -> str:
    return app.snapshot.cards[card_id].agency_id


async def test_log_on_the_board_and_on_a_card(make_app, board_path, bangkok) -> None:
    worked(board_path)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, ActivityLogScreen)
        shown = text(app)
        assert "บันทึกกิจกรรม · ทั้งกระดาน" in shown and "๖ รายการ" in shown
        assert "๒๐ ก.ย. ๖๕ ๑๒:๐๒ · มาลี · ข้อ ๒ · สนจ.ระยอง" in shown
        assert all(cell_width(line) <= 80 for line in screen_lines(app))
        await pilot.press("escape")
        await pilot.pause()
        app.board.query_one("BoardGrid").select(card_of(6, 1))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("L")
        await pilot.pause()
        shown = text(app)
        assert "บันทึกกิจกรรม · ข้อ ๖ · พช.ระยอง" in shown and "๔ รายการ" in shown
        assert "ย้าย กำลังดำเนินการ → ติดปัญหา" in shown and "สนจ.ระยอง" not in shown.split("รายการ")[0][-200:]


async def test_board_review_opens_read_only_on_the_review_and_q_quits(board_path, bangkok) -> None:
    from tui.factory import make_app

    worked(board_path)
    app = make_app(board_path, read_only=True, start="review", start_agency="วธ", today=TODAY, keymap={})
    try:
        assert app.store.read_only
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ReviewScreen)
            assert app.screen.agency_id and app.snapshot.agencies[app.screen.agency_id].short == "วธ.ระยอง"
            await pilot.press("q")
            await pilot.pause()
        assert app.return_code == 0 and not app.is_running
    finally:
        app.store.close()


async def test_cards_name_their_letter_when_the_board_has_several(make_app, board_path) -> None:
    from storage.ids import agency_id, card_id, directive_id, item_id
    from storage.models import Card, Directive, Item, Records
    from tests.tui.helpers import board_text

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:  # one letter: no tags anywhere
        await pilot.pause()
        assert "#" not in board_text(app)
    letter = "รย 0023.4/ว 1234"
    pc = agency_id("สำนักงานพัฒนาชุมชนจังหวัดระยอง")
    item = Item(item_id(letter, 1), directive_id(letter), 1, "เร่งรัดการเบิกจ่ายงบประมาณ", due="2022-10-15")
    store = BoardStore.open(board_path)
    store.add_records(Records((Directive(directive_id(letter), letter, "2022-08-01", "เบิกจ่าย", "จังหวัดระยอง"),),
                              (item,), (), (Card(card_id(letter, 1, "พช"), item.id, pc, "lead"),)))
    store.close()
    for size in ((120, 40), (80, 24)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            app.select_agency(pc)
            await pilot.pause()
            shown = board_text(app)
            assert ("#๑๒๓๔" in shown) and ("#๓๓๖๒" in shown), shown
            assert all(cell_width(line) <= size[0] for line in screen_lines(app))
            app.board.query_one("BoardGrid").select(card_id(letter, 1, "พช"))
            await pilot.press("enter")
            await pilot.pause()
            assert "ข้อ ๑ · สำนักงานพัฒนาชุมชนจังหวัดระยอง · หนังสือ รย ๐๐๒๓.๔/ว ๑๒๓๔" in text(app)
            await pilot.press("escape", "n")
            await pilot.pause()
            assert "ข้อ ๑ · พช.ระยอง · หนังสือ รย ๐๐๒๓.๔/ว ๑๒๓๔" in text(app)


@pytest.mark.parametrize(("lang", "words"), [("th", "ไม่มีหน่วยงานที่ตรงกับ"), ("en", "no agency matches")])
async def test_an_agency_the_review_cannot_find_is_said_in_the_interface_language(make_app, lang, words) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        app.open_review(agency_id="ไม่มีหน่วยงานนี้")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        (told,) = [n.message for n in app._notifications]
        assert words in told.lower() and "ไม่มีหน่วยงานนี้" in told
