"""What the live status line says about another user's change (written in-process by a
second store, as another replica would; the app picks it up on its next look at the disk)."""

from __future__ import annotations

from storage.sync.store import BoardStore
from tests.conftest import card_of

SIZE = (120, 40)


def status_text(app) -> str:
    return str(app.screen_stack[0].query_one("#status").render())


async def other_user(pilot, board_path, tmp_path, monkeypatch, write) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state-malee"))
    store = BoardStore.open(board_path, user="malee")
    try:
        write(store)
    finally:
        store.close()
    pilot.app.poll_disk()
    await pilot.pause()


async def test_a_move_with_a_note_says_both(make_app, board_path, tmp_path, monkeypatch) -> None:
    app = make_app(watch_files=False, poll_seconds=600)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await other_user(pilot, board_path, tmp_path, monkeypatch,
                         lambda s: s.move(card_of(2, 2), "blocked", note="ไม่มีงบ"))
        line = status_text(app)
        assert "malee ย้ายข้อ ๒ (อำเภอทุกอำเภอ) → ติดปัญหา" in line, line
        assert "บันทึก: ไม่มีงบ" in line
        assert app.snapshot.cards[card_of(2, 2)].status == "blocked"


async def test_a_plain_move_and_a_plain_note_each_say_theirs(make_app, board_path, tmp_path, monkeypatch) -> None:
    app = make_app(watch_files=False, poll_seconds=600)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await other_user(pilot, board_path, tmp_path, monkeypatch, lambda s: s.move(card_of(1), "doing"))
        assert "malee ย้ายข้อ ๑ (สนจ.ระยอง) → กำลังดำเนินการ" in status_text(app)
        assert "บันทึก" not in status_text(app)
        await other_user(pilot, board_path, tmp_path, monkeypatch, lambda s: s.add_note(card_of(1), "ประชุมแล้ว"))
        assert "malee บันทึก ข้อ ๑ (สนจ.ระยอง): ประชุมแล้ว" in status_text(app)


async def test_card_detail_at_80_columns_shows_the_whole_change(make_app, board_path, tmp_path, monkeypatch) -> None:
    from rich.cells import cell_len

    from tests.tui.helpers import plain
    from tui.screens.card_detail import CardDetailScreen

    app = make_app(watch_files=False, poll_seconds=600)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("BoardGrid").select(card_of(2, 2))
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, CardDetailScreen)
        await other_user(pilot, board_path, tmp_path, monkeypatch,
                         lambda s: s.move(card_of(2, 2), "blocked", note="ไม่มีงบประมาณสำหรับจัดงานประชุมประจำเดือนนี้"))
        frame = detail.query_one("#detail")
        assert cell_len(str(frame.border_subtitle)) <= frame.size.width - 4  # fits the frame
        live = plain(detail.query_one("#detail-live").content, width=60)
        assert "malee" in live and "ติดปัญหา" in live and "จัดงานประชุมประจำเดือนนี้" in live.replace("\n", "")
        body = plain(detail.query_one("#detail-body").content, width=70)
        history = next(line for line in body.splitlines() if "malee" in line and "→" in line)
        assert not any(ch.isascii() and ch.isdigit() for ch in history.split("·")[0]), history  # ๒๕ พ.ย. ๖๙ ๒๐:๔๓


async def test_at_80_columns_badges_shrink_so_the_change_is_read(make_app, board_path, tmp_path, monkeypatch) -> None:
    (board_path.parent / "board.d").mkdir(exist_ok=True)
    (board_path.parent / "board.d" / "zz.json").write_text("garbage")
    app = make_app(watch_files=False, poll_seconds=600)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "[⚠ ๑ ไฟล์อ่านไม่ได้]" in status_text(app)  # room enough: the whole badge
        await other_user(pilot, board_path, tmp_path, monkeypatch,
                         lambda s: s.move(card_of(2, 2), "blocked", note="ไม่มีงบ"))
        line = status_text(app)
        assert "→ ติดปัญหา · บันทึก: ไม่มีงบ" in line and line.rstrip().endswith("[⚠ ๑]"), line
