"""ThaiInput: the cursor and deletions step over whole grapheme clusters."""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult

from widgets.thai_input import ThaiInput


class _Harness(App[None]):
    def compose(self) -> ComposeResult:
        yield ThaiInput(id="field")


async def _typed(pilot, text: str) -> ThaiInput:
    """Type like a terminal does: one Key event per code point, marks included.

    ``pilot.press("ี")`` cannot be used: Pilot turns a Thai mark into a key name it
    then fails to map back to a character, so the mark would never be typed.
    """
    field = pilot.app.query_one("#field", ThaiInput)
    field.cursor_blink = False
    for ch in text:
        field.post_message(events.Key(ch, ch))
        await pilot.pause()
    return field


async def test_typing_tee_then_left_jumps_over_the_whole_cluster() -> None:
    async with _Harness().run_test(size=(60, 10)) as pilot:
        field = await _typed(pilot, "ที่")
        assert field.value == "ที่" and field.cursor_position == 3
        await pilot.press("left")
        assert field.cursor_position == 0
        await pilot.press("right")
        assert field.cursor_position == 3


async def test_backspace_removes_the_whole_last_cluster() -> None:
    async with _Harness().run_test(size=(60, 10)) as pilot:
        field = await _typed(pilot, "ที่นี่")
        await pilot.press("backspace")
        assert field.value == "ที่"
        await pilot.press("backspace")
        assert field.value == ""


async def test_delete_removes_the_cluster_after_the_cursor() -> None:
    async with _Harness().run_test(size=(60, 10)) as pilot:
        field = await _typed(pilot, "น้ำใจ")
        await pilot.press("home", "delete")
        assert field.value == "ใจ"


async def test_cursor_set_inside_a_cluster_snaps_to_its_start() -> None:
    async with _Harness().run_test(size=(60, 10)) as pilot:
        field = await _typed(pilot, "ที่นี่")
        field.cursor_position = 5
        assert field.cursor_position == 3


async def test_shift_right_selects_a_whole_cluster() -> None:
    async with _Harness().run_test(size=(60, 10)) as pilot:
        field = await _typed(pilot, "ที่นี่")
        await pilot.press("home", "shift+right")
        assert field.selected_text == "ที่"


async def test_ctrl_arrows_jump_by_thai_words() -> None:
    async with _Harness().run_test(size=(60, 10)) as pilot:
        field = await _typed(pilot, "ได้มีโอกาส")
        await pilot.press("ctrl+left")
        assert field.cursor_position == len("ได้มี")
        await pilot.press("ctrl+left")
        assert field.cursor_position == len("ได้")
        await pilot.press("ctrl+right")
        assert field.cursor_position == len("ได้มี")
        await pilot.press("ctrl+w")
        assert field.value == "ได้โอกาส"


async def test_click_after_the_text_puts_the_cursor_at_the_end() -> None:
    async with _Harness().run_test(size=(60, 10)) as pilot:
        field = await _typed(pilot, "ที่นี่น้ำ")  # 9 code points, 4 cells
        await pilot.press("home")
        left = field.content_region.x - field.region.x
        # Cell 6 of the content: past the 4 cells of text but below 9, where Input's
        # cells-vs-code-points fallback would land inside the text.
        await pilot.click("#field", offset=(left + 6, 1))
        assert field.cursor_position == len("ที่นี่น้ำ")
        await pilot.click("#field", offset=(left + 1, 1))
        assert field.cursor_position == 3  # the second cluster starts at code point 3
