"""ThaiInput: a Textual ``Input`` that moves and deletes by grapheme cluster.

Textual's Input moves the cursor one code point at a time, so in ``ที่`` (three code
points, one visible character) the cursor stops twice inside the character, and
backspace strips a tone mark the user cannot see being removed. Here left/right,
backspace/delete and selection extension step over whole clusters
(:mod:`storage.thai.graphemes`), word jumps use the Thai segmenter, and the cursor is
snapped to a cluster boundary however it is set (for example by a mouse click).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from rich.cells import cell_len
from textual.widgets import Input
from textual.widgets.input import Selection

from storage.thai.graphemes import grapheme_boundaries
from widgets.key_order import KeysInOrder


class ThaiInput(KeysInOrder, Input):
    """Input whose cursor never lands inside a grapheme cluster."""

    HELP = ""
    """None of its own: the help panel shows the nearest help above it (its form's, pane's or
    screen's), in the interface's language; a screen without help sets ``help.text_field``."""

    enter_moves_on = False
    """In a form: Enter moves the focus to the next field at once (the form still gets
    ``Submitted``), so what is typed right after Enter lands in the next field."""

    async def action_submit(self) -> None:
        chain = self.screen.focus_chain if self.enter_moves_on else []
        if chain and chain[-1] is not self:
            self.screen.focus_next()
            await super().action_submit()
            return
        await super().action_submit()
        self.hold_after_submit()  # what follows waits until the screen has acted on it

    # -- boundaries -------------------------------------------------------------

    _bounds_text: str | None = None
    _bounds_list: list[int] = []

    def _bounds(self) -> list[int]:
        # One key press asks up to three times (the move, then validate_selection's two
        # snaps): compute the clusters once per value, not once per question.
        if self._bounds_text != self.value:
            self._bounds_text, self._bounds_list = self.value, grapheme_boundaries(self.value)
        return self._bounds_list

    def _prev(self, i: int) -> int:
        bounds = self._bounds()
        at = bisect_left(bounds, i) - 1
        return bounds[at] if at >= 0 else 0

    def _next(self, i: int) -> int:
        bounds = self._bounds()
        at = bisect_right(bounds, i)
        return bounds[at] if at < len(bounds) else len(self.value)

    def _snap(self, i: int) -> int:
        """The cluster boundary at or before ``i``."""
        bounds = self._bounds()
        return bounds[max(0, bisect_right(bounds, i) - 1)]

    def _word_starts(self) -> list[int]:
        """Offsets where a (non-space) word starts, by the Thai segmenter."""
        from storage.thai.segment import segment  # at the first word jump, not at start (issue 11)

        starts, pos = [], 0
        for tok in segment(self.value):
            if not tok.isspace():
                starts.append(pos)
            pos += len(tok)
        return starts

    def _cell_offset_to_index(self, offset: int) -> int:
        """A click past the end of the text puts the cursor at the end.

        Input falls back to ``clamp(cells, 0, len(value))`` there, mixing cells with code
        points: with zero-width marks that lands inside the text (and our snapping would
        then move it back to an earlier cluster).
        """
        if offset + self.scroll_offset.x >= cell_len(self.value):
            return len(self.value)
        return super()._cell_offset_to_index(offset)

    def validate_selection(self, selection: Selection) -> Selection:
        start, end = super().validate_selection(selection)
        return Selection(self._snap(start), self._snap(end))

    # -- cursor movement ----------------------------------------------------------

    def action_cursor_left(self, select: bool = False) -> None:
        """Move (or extend the selection) one grapheme cluster left."""
        start, end = self.selection
        if select:
            self.selection = Selection(start, self._prev(end))
        elif self.selection.is_empty:
            self.cursor_position = self._prev(self.cursor_position)
        else:
            self.cursor_position = min(start, end)

    def action_cursor_right(self, select: bool = False) -> None:
        """Move one cluster right (or accept the suggestion at the end, as Input does)."""
        start, end = self.selection
        if select:
            self.selection = Selection(start, self._next(end))
        elif self.cursor_at_end and self._suggestion:
            super().action_cursor_right()
        elif self.selection.is_empty:
            self.cursor_position = self._next(self.cursor_position)
        else:
            self.cursor_position = max(start, end)

    def _word_left(self) -> int:
        starts = [s for s in self._word_starts() if s < self.cursor_position]
        return starts[-1] if starts else 0

    def _word_right(self) -> int:
        starts = [s for s in self._word_starts() if s > self.cursor_position]
        return starts[0] if starts else len(self.value)

    def action_cursor_left_word(self, select: bool = False) -> None:
        """Jump to the start of the previous Thai (or other) word."""
        if self.password:
            return super().action_cursor_left_word(select)
        target = self._word_left()
        if select:
            self.selection = Selection(self.selection.start, target)
        else:
            self.cursor_position = target

    def action_cursor_right_word(self, select: bool = False) -> None:
        """Jump to the start of the next Thai (or other) word."""
        if self.password:
            return super().action_cursor_right_word(select)
        target = self._word_right()
        if select:
            self.selection = Selection(self.selection.start, target)
        else:
            self.cursor_position = target

    # -- deletion -----------------------------------------------------------------

    def action_delete_left(self) -> None:
        """Backspace: remove the whole cluster before the cursor (``นี่``, not just ``่``)."""
        if self.selection.is_empty:
            self.delete(self._prev(self.cursor_position), self.cursor_position)
        else:
            self.delete_selection()

    def action_delete_right(self) -> None:
        """Delete: remove the whole cluster after the cursor."""
        if self.selection.is_empty:
            self.delete(self.cursor_position, self._next(self.cursor_position))
        else:
            self.delete_selection()

    def action_delete_left_word(self) -> None:
        """Remove back to the start of the previous word."""
        if self.password or not self.selection.is_empty:
            return super().action_delete_left_word()
        self.delete(self._word_left(), self.cursor_position)

    def action_delete_right_word(self) -> None:
        """Remove forward to the start of the next word."""
        if self.password or not self.selection.is_empty:
            return super().action_delete_right_word()
        self.delete(self.cursor_position, self._word_right())
