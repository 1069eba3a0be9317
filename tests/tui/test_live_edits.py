"""Another officer's edits by hand, as the live status line says them (their store writes
the board on disk, as another replica would; the app picks it up on its next look)."""

from __future__ import annotations

from storage.ids import item_id
from tests.conftest import LETTER, card_of
from tests.tui.test_live_wording import other_user, status_text


async def test_an_item_corrected_elsewhere_says_which_item_field_and_value(make_app, board_path, tmp_path,
                                                                           monkeypatch) -> None:
    app = make_app(watch_files=False, poll_seconds=600)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await other_user(pilot, board_path, tmp_path, monkeypatch,
                         lambda s: s.edit_item(item_id(LETTER, 6), due="2025-09-30"))
        line = status_text(app)
        assert "malee แก้ข้อ ๖ · กำหนดเสร็จ → ๓๐ ก.ย. ๖๘" in line, line
        await other_user(pilot, board_path, tmp_path, monkeypatch, lambda s: s.set_role(card_of(1), "support"))
        assert "บทบาท → หน่วยงานสนับสนุน" in status_text(app) and "role" not in status_text(app)
