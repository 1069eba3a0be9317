"""Send the terminal only the cells that differ from what it already shows (issue 14).

Textual repaints whole widgets, and several times whole screens: at start-up (the screen's
resume, its first resize, the focus settling: four full frames of ~6.5 KB at 100×30), when
a dialog closes (the board under it, though it did not change), after a layout pass. Over a
64 kbit/s SSH link each full frame is most of a second. ``TerminalMirror`` keeps a copy of
what the terminal shows, cell by cell (a Thai cluster with its marks is one cell), and turns
each of Textual's updates into writes of only the runs of cells that differ — as curses does.

It sits in ``BoardApp._display`` on Textual's update objects (``LayoutUpdate`` for a full
frame, ``ChopsUpdate`` for dirty regions), private names of the exactly pinned Textual; the
tests replay the filtered output on a cell grid after every key and compare it with a full
frame of the same screen (tests/tui/test_terminal_diff.py). Anything it cannot follow (an unknown renderable, a new size, a resume after
ctrl+z, ctrl+l) forgets the copy, and the next frame is sent whole.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterable

from rich.cells import get_character_cell_size
from rich.console import Console
from rich.control import Control
from rich.segment import Segment
from rich.style import Style
from textual._compositor import ChopsUpdate, CompositorUpdate, LayoutUpdate
from textual.app import App
from textual.binding import Binding
from textual.geometry import Size
from textual.strip import Strip

Cell = tuple[str, Style | None]
"""What one terminal cell shows: its text (a character with its marks; "" for the right
half of a wide character) and style."""

UNKNOWN: Cell = ("\0unknown", None)
"""A cell whose content the terminal may show otherwise: never equal to a real cell."""

GAP = 12
"""Unchanged cells between two changed runs of a line that are cheaper to send again than
to jump over (a cursor move and the style that follows cost about as many bytes)."""

BLANKS = 8
"""Plain blanks in a row from which one erase (``ESC [ n X``) is sent instead of spaces."""


class FilteredUpdate(CompositorUpdate):
    """The terminal writes for the changed runs, ready for Textual's ``_display``."""

    def __init__(self, text: str) -> None:
        self.text = text

    def render_segments(self, console: Console) -> str:
        return self.text


class TerminalMirror:
    """A cell copy of the terminal, and the filter of updates against it."""

    def __init__(self) -> None:
        self.size = Size(0, 0)
        self.lines: list[list[Cell]] = []

    def forget(self) -> None:
        """The terminal may show anything: send the next frame whole."""
        self.size = Size(0, 0)
        self.lines = []

    def filter(self, update: object, size: Size, console: Console) -> object:
        """``update`` as the writes of only what changed; anything else unchanged (and forgotten)."""
        if not isinstance(update, (LayoutUpdate, ChopsUpdate)):
            self.forget()
            return update
        if size != self.size:
            self.size = size
            self.lines = [[UNKNOWN] * size.width for _ in range(size.height)]
        lines: dict[int, list[tuple[int, Strip]]] = {}
        out: list[str] = []
        for y, x, end, strip in _chunks(update):
            if 0 <= y < size.height and 0 <= x < end <= size.width:
                lines.setdefault(y, []).append((x, strip))
            else:  # outside the screen: send as Textual would, remember nothing
                out.append(Control.move_to(x, y).segment.text + strip.render(console))
        for y, pieces in sorted(lines.items()):
            out.append(self._line(y, sorted(pieces, key=lambda piece: piece[0]), console))
        return FilteredUpdate("".join(out))

    def _line(self, y: int, pieces: list[tuple[int, Strip]], console: Console) -> str:
        """The writes for one line's pieces, and the copy brought up to date."""
        shown = self.lines[y]
        changed: list[int] = []
        for x, strip in pieces:
            cells = _cells(strip)[: self.size.width - x]
            if len(pieces) == 1 and len(cells) == strip.cell_length and shown.count(UNKNOWN) == len(shown):
                # Nothing known on this line (the first frame, after a resize or ctrl+l):
                # every cell is new, so the strip is written as it is (its long blanks erased).
                shown[x : x + len(cells)] = cells
                return _fresh(y, x, strip, console)
            for i, cell in enumerate(cells):
                if shown[x + i] != cell:
                    shown[x + i] = cell
                    changed.append(x + i)
        return "".join(_write(y, shown, a, b, console) for a, b in _runs(sorted(changed), shown))


def _chunks(update: LayoutUpdate | ChopsUpdate) -> Iterable[tuple[int, int, int, Strip]]:
    """(line, first cell, end cell, strip) for each piece of line the update writes —
    the same pieces, cut the same way, as Textual's own ``render_segments``."""
    if isinstance(update, LayoutUpdate):
        x = update.region.x
        for y, line in enumerate(update.strips, update.region.y):
            strip = Strip.join(list(line))
            yield y, x, x + strip.cell_length, strip
        return
    for y, x1, x2 in update.spans:
        for end, (x, strip) in zip(update.chop_ends[y], update.chops[y].items()):
            if strip is None or x > x2 or end <= x1:
                continue
            if not (x2 > x >= x1 and end <= x2):
                strip = strip.crop(0, min(end, x2) - x)
            if strip.cell_length:
                yield y, x, x + strip.cell_length, strip


def _cells(strip: Strip) -> list[Cell]:
    """The cells a strip fills: marks join the letter before them, a wide character takes
    two cells (its right half is ``""``). Marks that open a segment were cut from their
    letter (an overlay's edge splits ``จั``): they go with the letter after them, in a line
    written whole or in pieces alike, and ``_runs`` writes that cell right after the one
    before, as a whole line would."""
    cells: list[Cell] = []
    pending = ""
    for text, style, control in strip:
        if control:
            continue  # a cursor or mode code, not cells (Textual's compositor makes none)
        if not pending and text.isascii() and text.isprintable():  # most of a frame: one cell each
            cells += [(char, style) for char in text]
            continue
        for n, char in enumerate(text):
            width = get_character_cell_size(char)
            if width == 0:
                if cells and n and not pending:
                    last_text, last_style = cells[-1]
                    cells[-1] = (last_text + char, last_style)
                else:
                    pending += char
                continue
            cells.append((pending + char, style))
            pending = ""
            if width == 2:
                cells.append(("", style))
    return cells


def _runs(changed: list[int], shown: list[Cell]) -> list[tuple[int, int]]:
    """Changed cells as [start, end) runs, joined over short gaps of known cells, and
    widened so that what is written reads as one stretch of the whole line would: a run
    never starts on the right half of a wide character or on a mark that leans on the
    cell before it, and takes along a next cell that leans on its last one."""
    runs: list[tuple[int, int]] = []
    for x in changed:
        if runs and x == runs[-1][1]:  # the next cell (a whole line, when all of it changed)
            runs[-1] = (runs[-1][0], x + 1)
        elif runs and x - runs[-1][1] <= GAP and all(shown[k] is not UNKNOWN for k in range(runs[-1][1], x)):
            runs[-1] = (runs[-1][0], x + 1)
        else:
            runs.append((x, x + 1))
    widened = []
    for a, b in runs:
        while a > 0 and _leans_left(shown[a][0]) and shown[a - 1] is not UNKNOWN:
            a -= 1
        while b < len(shown) and _leans_left(shown[b][0]) and shown[b] is not UNKNOWN:
            b += 1
        widened.append((a, b))
    return widened


def _leans_left(text: str) -> bool:
    """The right half of a wide character, sara am, or a mark: drawn with the cell before."""
    return text == "" or text[:1] == "\u0e33" or unicodedata.combining(text[:1]) != 0


def _write(y: int, shown: list[Cell], a: int, b: int, console: Console) -> str:
    """Cells ``a`` … ``b - 1`` of line ``y``; a long stretch of plain blanks as one erase
    (ECH, ``ESC [ n X``: a blank list row costs 8 bytes instead of 80)."""
    blank = _blanks(shown[a:b])  # blank[i] is cell a + i
    out: list[str] = []
    x = a
    while x < b:
        end = x
        while end < b and blank[end - a]:
            end += 1
        if end - x >= BLANKS:
            # Every styled piece ends in a reset, so the erase clears with the default
            # background, which is what a plain blank shows.
            out.append(f"{Control.move_to(x, y).segment.text}\x1b[{end - x}X")
            x = end
            continue
        end = x + 1
        while end < b and not (blank[end - a] and False not in blank[end - a : end - a + BLANKS]
                               and end + BLANKS <= b):
            end += 1
        out.append(Control.move_to(x, y).segment.text + _render(shown[x:end], console))
        x = end
    return "".join(out)


def _fresh(y: int, x: int, strip: Strip, console: Console) -> str:
    """The writes for a strip on a line the terminal shows nothing known of, from cell ``x``:
    the strip's own segments, but a segment of ``BLANKS`` or more plain blanks as one erase
    (what ``_write`` sends for the same cells, without going cell by cell)."""
    out: list[str] = []
    group: list[Segment] = []
    at = start = x
    for segment in strip:
        text, style, control = segment
        if control:
            continue
        if len(text) >= BLANKS and not text.strip(" ") and _blanks([(" ", style)])[0]:
            if group:
                out.append(Control.move_to(start, y).segment.text + Strip(group).render(console))
                group = []
            out.append(f"{Control.move_to(at, y).segment.text}\x1b[{len(text)}X")
            at += len(text)
            start = at
            continue
        group.append(segment)
        at += segment.cell_length
    if group:
        out.append(Control.move_to(start, y).segment.text + Strip(group).render(console))
    return "".join(out)


def _render(cells: list[Cell], console: Console) -> str:
    segments: list[Segment] = []
    for text, style in cells:
        if segments and segments[-1].style == style:
            segments[-1] = Segment(segments[-1].text + text, style)
        else:
            segments.append(Segment(text, style))
    return Strip(segments).render(console)


def _blanks(cells: list[Cell]) -> list[bool]:
    """For each cell: a space that looks like an erased cell (no background, no reverse or
    line). Asked for every cell of every frame, so the answer is kept per style object (by
    its id, with the style held so the id stays its own): Rich's style bits and hash are slow."""
    known = _PLAIN_STYLES
    return [text == " " and (known.get(id(style)) or _learn(style))[1] for text, style in cells]


def _learn(style: Style | None) -> tuple[Style | None, bool]:
    if len(_PLAIN_STYLES) > 4096:  # a screen uses a few dozen styles; never grow without end
        _PLAIN_STYLES.clear()
    plain = style is None or (style.bgcolor is None and not (
        style.reverse or style.underline or style.underline2 or style.strike or style.overline))
    _PLAIN_STYLES[id(style)] = entry = (style, plain)
    return entry


_PLAIN_STYLES: dict[int, tuple[Style | None, bool]] = {}
"""Style id → (the style, whether a blank in it looks erased)."""


class MirroredApp(App):
    """An App whose frames go through a ``TerminalMirror``, with the terminal keys every
    screen shares: ctrl+z suspends (in dialogs too), ctrl+l redraws the whole screen."""

    BINDINGS = [
        # Priority: a dialog (a modal screen) hides the app's other bindings. Hidden (system):
        # the board screen lists both with their words in the officer's language.
        Binding("ctrl+z", "suspend", id="app.suspend", show=False, system=True, priority=True),
        Binding("ctrl+l", "redraw", id="app.redraw", show=False, system=True, priority=True),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.mirror = TerminalMirror()
        """What the terminal shows, so each frame sends only what changed."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In a text area (a note being written) ctrl+z takes back typing, as in any editor.
        # TextArea's module (with its themes and document classes) is imported by the dialogs
        # that have one, not at start (issue 11): until then nothing focused can be one.
        text_area = sys.modules.get("textual.widgets._text_area")
        if action == "suspend" and text_area is not None and isinstance(self.focused, text_area.TextArea):
            return False
        return True

    def on_mount(self) -> None:
        self.app_resume_signal.subscribe(self, self._resumed)

    def _display(self, screen, renderable) -> None:
        # Filter only what Textual will really write (not while batched, headless or closing).
        if renderable is not None and not self._batch_count and self._running and not self._closed \
                and not self.is_headless and self._driver is not None and not self._driver.is_inline:
            renderable = self.mirror.filter(renderable, self.size, self.console)
        super()._display(screen, renderable)

    def action_suspend(self) -> None:
        """Back to the shell until ``fg`` (SIGTSTP, as the terminal's own ctrl+z would)."""
        self.action_suspend_process()

    def action_redraw(self) -> None:
        """Send the whole screen again (line noise on a bad link, another program's output)."""
        self.mirror.forget()
        self.screen.refresh(layout=True)

    def _resumed(self, app) -> None:
        """After ``fg`` the terminal is blank: Textual restores the modes but repaints
        nothing on SIGCONT (only App.suspend() does), so repaint the whole screen."""
        self.action_redraw()
