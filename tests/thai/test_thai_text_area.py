"""ThaiTextArea: multi-line text whose cursor and deletions step over whole clusters."""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult

from widgets.thai_text_area import ThaiTextArea


class _Harness(App[None]):
    def compose(self) -> ComposeResult:
        yield ThaiTextArea(id="field")


async def _typed(pilot, text: str) -> ThaiTextArea:
    field = pilot.app.query_one("#field", ThaiTextArea)
    field.cursor_blink = False
    field.focus()
    for ch in text:
        key = "enter" if ch == "\n" else ch
        field.post_message(events.Key(key, None if ch == "\n" else ch))
        await pilot.pause()
    return field


async def test_left_and_right_step_over_whole_clusters() -> None:
    async with _Harness().run_test(size=(60, 10)) as pilot:
        field = await _typed(pilot, "ที่นี่")
        assert field.text == "ที่นี่" and field.cursor_location == (0, 6)
        await pilot.press("left")
        assert field.cursor_location == (0, 3)
        await pilot.press("left")
        assert field.cursor_location == (0, 0)
        await pilot.press("right")
        assert field.cursor_location == (0, 3)


async def test_backspace_and_delete_remove_whole_clusters() -> None:
    async with _Harness().run_test(size=(60, 10)) as pilot:
        field = await _typed(pilot, "น้ำใจที่")
        await pilot.press("backspace")
        assert field.text == "น้ำใจ"
        await pilot.press("home", "delete")
        assert field.text == "ใจ"


async def test_enter_starts_a_line_and_up_down_snap_to_clusters() -> None:
    async with _Harness().run_test(size=(60, 10)) as pilot:
        field = await _typed(pilot, "ที่นี่\nabcdef")
        assert field.text == "ที่นี่\nabcdef"
        field.move_cursor((1, 1))  # one cell in: inside ที่ on the line above
        await pilot.press("up")
        row, column = field.cursor_location
        assert row == 0 and column in (0, 3)
        field.move_cursor((0, 2))
        assert field.cursor_location == (0, 0)


async def test_a_paste_keeps_every_line() -> None:
    async with _Harness().run_test(size=(60, 10)) as pilot:
        field = await _typed(pilot, "")
        pilot.app.post_message(events.Paste("ข้อ ๑ ให้ทุกอำเภอ\nรายงานผล\r\nทุกเดือน"))
        await pilot.pause()
        assert field.text.splitlines() == ["ข้อ ๑ ให้ทุกอำเภอ", "รายงานผล", "ทุกเดือน"]


async def test_word_jumps_use_thai_words() -> None:
    async with _Harness().run_test(size=(60, 10)) as pilot:
        field = await _typed(pilot, "รายงานผลทุกเดือน")
        await pilot.press("ctrl+left")
        assert field.cursor_location == (0, len("รายงานผลทุก"))
        await pilot.press("home", "ctrl+right")
        assert field.cursor_location == (0, len("รายงาน"))
