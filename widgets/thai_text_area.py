"""ThaiTextArea: a multi-line Textual ``TextArea`` whose cursor moves by grapheme cluster.

Textual's TextArea, like its Input, steps one code point at a time, so in ``ที่`` the cursor
stops inside the character and backspace strips a tone mark nobody sees go. Here left/right,
backspace/delete and selections step over whole clusters (:mod:`storage.thai.graphemes`),
word jumps use the Thai segmenter, and a cursor put anywhere else (up/down through a line
of other widths, a click) is snapped back to a cluster boundary. A paste keeps every line:
item texts are often several paragraphs, and a one-line Input would keep only the first.
Tab moves the focus on (a form field, not a code editor).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from textual.widgets import TextArea
from textual.widgets.text_area import Location

from storage.thai.graphemes import grapheme_boundaries
from storage.thai.segment import segment
from widgets.key_order import KeysInOrder


@lru_cache(maxsize=64)
def _bounds(line: str) -> tuple[int, ...]:
    # Up/down and snapping ask about the same few lines many times per key press.
    return tuple(grapheme_boundaries(line)) or (0,)


@lru_cache(maxsize=64)
def _word_starts(line: str) -> tuple[int, ...]:
    starts, pos = [], 0
    for token in segment(line):
        if not token.isspace():
            starts.append(pos)
        pos += len(token)
    return tuple(starts)


def snap(line: str, column: int) -> int:
    """The cluster boundary at or before ``column`` in ``line``."""
    if column >= len(line):
        return len(line)
    bounds = _bounds(line)
    return bounds[max(0, bisect_right(bounds, column) - 1)]


class ThaiTextArea(KeysInOrder, TextArea):
    """TextArea whose cursor never lands inside a grapheme cluster."""

    HELP = ""
    """None of its own: the help panel shows its form's (``edits.item_help`` says what Enter
    and a paste do), in the interface's language."""

    def __init__(self, text: str = "", **kwargs) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("tab_behavior", "focus")
        kwargs.setdefault("show_line_numbers", False)
        super().__init__(text, **kwargs)

    def types(self, event) -> bool:
        return event.is_printable or event.key == "enter" or (event.key == "tab" and self.tab_behavior == "indent")

    def _line(self, row: int) -> str:
        try:
            return self.document[row]
        except IndexError:
            return ""

    def clamp_visitable(self, location: Location) -> Location:
        row, column = super().clamp_visitable(location)
        return row, snap(self._line(row), column)

    def get_cursor_left_location(self) -> Location:
        row, column = self.cursor_location
        if column == 0:
            return super().get_cursor_left_location()
        bounds = _bounds(self._line(row))
        return row, bounds[max(0, bisect_left(bounds, column) - 1)]

    def get_cursor_right_location(self) -> Location:
        row, column = self.cursor_location
        line = self._line(row)
        if column >= len(line):
            return super().get_cursor_right_location()
        bounds = _bounds(line)
        at = bisect_right(bounds, column)
        return row, bounds[at] if at < len(bounds) else len(line)

    def get_cursor_word_left_location(self) -> Location:
        row, column = self.cursor_location
        if column == 0:
            return super().get_cursor_word_left_location()
        starts = [s for s in _word_starts(self._line(row)) if s < column]
        return row, starts[-1] if starts else 0

    def get_cursor_word_right_location(self) -> Location:
        row, column = self.selection.end
        line = self._line(row)
        if column >= len(line):
            return super().get_cursor_word_right_location()
        starts = [s for s in _word_starts(line) if s > column]
        return row, starts[0] if starts else len(line)
