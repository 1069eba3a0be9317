"""The board itself: swimlanes × four status columns, drawn line by line.

A single ScrollView using the Line API: only the rows on screen are rendered, so a
10,000-card board costs the same per frame as a 10-card one. Row 0 is a sticky
column header; lane headers separate agencies in the all-agencies view.

In one-column mode (narrow terminals) only the cursor's status is drawn, full width, and
the header names all four with their counts: ←/→ switch the status shown.
"""

from __future__ import annotations

from bisect import bisect_right

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from storage.models import STATUSES, BoardSnapshot

from widgets.board_index import Lane
from storage.editing.origin import origin_tag
from widgets.card_lines import NORMAL_HEIGHT, CardLook, card_lines
from widgets.i18n import digits, help_text, keyed, localized, short_status_label, status_label, t
from widgets.kedmanee import thai_keys
from widgets.textfit import truncate

LINE_CACHE_SIZE = 4096
"""Rendered cards kept: a 120×40 screen shows ≤ ~160 card cells, so this holds many screens'
worth (scrolling back, a resize and back, two looks) while bounding memory at 10,000 cards."""

SEPARATOR = Segment("│", Style(dim=True))
CURSOR = Style(reverse=True)
PLAIN = Style()
UNFOCUSED = Style(underline=True)
HEADER = Style(bold=True)
LANE = Style(bold=True, underline=True)


def grid_bindings(lang: str) -> list[Binding]:
    """Cursor keys with key-panel words in ``lang``; ids are the same in every language."""
    return [keyed(lang, keys, action, f"board.{name}", show=False) for keys, action, name in (
        (thai_keys("left,h"), "cursor(0,-1)", "left"),
        (thai_keys("right,l"), "cursor(0,1)", "right"),
        (thai_keys("up,k"), "cursor(-1,0)", "up"),
        (thai_keys("down,j"), "cursor(1,0)", "down"),
        ("pageup", "page(-1)", "page_up"),
        ("pagedown", "page(1)", "page_down"),
        ("home", "edge(-1)", "first"),
        ("end", "edge(1)", "last"),
    )]


class BoardGrid(ScrollView, can_focus=True):
    """Status columns of card lines, with a card cursor."""

    HELP = help_text("th", "grid")
    """For another language: ``BoardGrid.for_lang(lang)`` (a subclass with its own HELP and BINDINGS)."""

    BINDINGS = grid_bindings("th")

    @classmethod
    def for_lang(cls, lang: str) -> type["BoardGrid"]:
        """The grid class whose key descriptions and help are in ``lang``."""
        return localized(cls, lang, lambda: {"BINDINGS": grid_bindings(lang), "HELP": help_text(lang, "grid")})

    DEFAULT_CSS = """
    BoardGrid { overflow-y: scroll; overflow-x: hidden; scrollbar-size-vertical: 1; height: 1fr; }
    """

    class Highlighted(Message):
        """The cursor moved to another card (or to an empty column: ``card_id`` None)."""

        def __init__(self, grid: "BoardGrid", card_id: str | None) -> None:  # not a dataclass: issue 11
            self.grid = grid
            self.card_id = card_id
            super().__init__()

        @property
        def control(self) -> "BoardGrid":
            return self.grid

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lanes: list[Lane] = []
        self.snapshot = BoardSnapshot()
        self.look: CardLook | None = None
        self.lane_index = 0
        self.column = 0
        self.row = 0
        self._offsets: list[int] = [0]
        self._lane_ids: list[str | None] = []
        self._lines: LRUCache[tuple, list[list[Segment]]] = LRUCache(LINE_CACHE_SIZE)
        """A card's rendered lines keyed by everything they show (see ``card_lines_of``)."""
        self._counts: list[int] = [0, 0, 0, 0]
        self._placed = False
        """False until the first show() has put the cursor somewhere (on the first card)."""
        self.one_column = False
        """Draw only the cursor's status column, full width (see :meth:`set_one_column`)."""
        self._layout_column = 0
        """The column the lane heights were computed for (one-column mode)."""
        self._painted: dict[int, Strip] = {}
        """Screen line → the strip last handed to Textual for it (what the terminal shows)."""
        self._painted_scroll: tuple | None = None
        """(scroll offset, size) at the last full repaint: partial repaints assume they still hold."""
        self._painted_cursor: tuple[int, int, int] | None = None
        """(first board row, rows) of the cursor's card as last painted; None: repaint all."""

    # ---- data in -------------------------------------------------------------------------
    def show(self, lanes: list[Lane], snapshot: BoardSnapshot, look: CardLook,
             keep: str | None = None, counts: list[int] | None = None, steady: bool = False) -> None:
        """Display ``lanes``; keep the cursor on card ``keep`` if it is still shown.

        ``steady``: the same view with changed cards (a status change, another replica's
        edit): lanes keep their height rather than shrink, so the rows below do not jump
        under the officer's eyes and only the lines that really changed are repainted.
        """
        same_view = steady and look == self.look and [l.agency_id for l in lanes] == self._lane_ids
        self.lanes, self.snapshot, self.look = lanes, snapshot, look
        self._counts = counts if counts is not None else [
            sum(len(lane.columns[i]) for lane in lanes) for i in range(4)]
        # Fewer lanes than before (a filter, a search, an agency pick, another officer's
        # change): the cursor's lane must exist before anything reads its column.
        self.lane_index = min(self.lane_index, max(0, len(lanes) - 1))
        self._relayout(keep_heights=same_view)
        if keep is not None and self.select(keep):
            pass
        elif (keep is not None or not self._placed) and not self.column_ids():
            self._nearest_card()  # start (or a lost card) on a card, not on an empty column
        else:
            self._clamp()
        self._placed = self._placed or bool(lanes)
        self._refresh_changed_lines()

    def card_lines_of(self, card_id: str, width: int) -> list[list[Segment]]:
        """The lines of card ``card_id`` in a cell ``width`` cells wide, cached by value.

        The key is (card, item, agency, look, width) — the frozen values the lines are drawn
        from, as Textual's Log and toolong's LogLines key their line caches by content and
        state — so a change from anywhere (another replica renaming an agency, editing an
        item's text; a new day turning a card overdue) can never show stale lines, and
        nothing ever has to be forgotten. Old entries simply age out of the LRU.
        """
        card = self.snapshot.cards[card_id]
        item = self.snapshot.items.get(card.item_id)
        look = self.look
        # The agency's name is drawn only in the all-agencies view: only then is it part of the key.
        agency = self.snapshot.agencies.get(card.agency_id) if look is not None and look.show_agency else None
        tag = ""
        if look is not None and look.letter_tags and item is not None:
            letter = self.snapshot.directives.get(item.directive_id)
            tag = origin_tag(letter)  # a meeting has no number: the first word of what it was
        key = (card, item, agency, look, width, tag)
        lines = self._lines.get(key)
        if lines is None:
            lines = self._lines[key] = card_lines(card, item, agency, look, width, tag)
        return lines

    @property
    def card_height(self) -> int:
        return 1 if self.look is None or self.look.compact else NORMAL_HEIGHT

    def set_one_column(self, on: bool) -> None:
        """Show one status at a time (True) or all four side by side."""
        if on == self.one_column:
            return
        self.one_column = on
        if on and not self.column_ids():
            self._lane_with_cards()
        self._relayout()
        self._cursor_moved()

    def _lane_rows(self, lane: Lane) -> int:
        if self.one_column and len(self.lanes) > 1:
            # All agencies, one status: a lane without a card in that status takes no room.
            cards = len(lane.columns[self.column])
            return cards * self.card_height + (1 if self._lane_headers else 0) if cards else 0
        cards = max((len(col) for col in lane.columns), default=0)
        return max(1, cards) * self.card_height + (1 if self._lane_headers else 0)

    @property
    def _lang(self) -> str:
        return self.look.lang if self.look else "th"

    @property
    def _lane_headers(self) -> bool:
        """Every lane has a title row: in the single-agency view it names the agency shown."""
        return self.look is not None

    def _relayout(self, keep_heights: bool = False) -> None:
        # One status at a time: heights of another status are no guide for this one.
        same_column = not self.one_column or self._layout_column == self.column
        old = self._offsets if keep_heights and same_column else None
        self._layout_column = self.column
        self._lane_ids = [lane.agency_id for lane in self.lanes]
        offsets = [0]
        for i, lane in enumerate(self.lanes):
            rows = self._lane_rows(lane)
            if old is not None and i + 1 < len(old):
                rows = max(rows, old[i + 1] - old[i])  # steady: a lane may grow, never shrink
            offsets.append(offsets[-1] + rows)
        self._offsets = offsets
        size = Size(self.size.width, offsets[-1] + 1)
        if size != self.virtual_size and self._painted:
            # A lane grew or shrank: the reactive would ask for a layout pass, which repaints
            # the whole screen; the scrollbar and scroll limits are all that depend on it
            # (overflow-y is always 'scroll', so the content width never changes).
            self.set_reactive(BoardGrid.virtual_size, size)
            self._scroll_update(size)
        else:
            self.virtual_size = size

    # ---- cursor --------------------------------------------------------------------------
    @property
    def card_id(self) -> str | None:
        """The card under the cursor, if any."""
        if not self.lanes:
            return None
        ids = self.lanes[self.lane_index].columns[self.column]
        return ids[self.row] if 0 <= self.row < len(ids) else None

    def column_ids(self) -> list[str]:
        """Card ids of the cursor's column in the cursor's lane."""
        return self.lanes[self.lane_index].columns[self.column] if self.lanes else []

    def select(self, card_id: str) -> bool:
        """Put the cursor on ``card_id``; False when it is not shown."""
        for li, lane in enumerate(self.lanes):
            for ci, ids in enumerate(lane.columns):
                if card_id in ids:
                    self.lane_index, self.column, self.row = li, ci, ids.index(card_id)
                    self._cursor_moved()
                    return True
        return False

    def _nearest_card(self) -> None:
        """The card nearest the cursor's place: its lane (same column first, then the
        others), then the lanes below, then above; an empty board keeps an empty column."""
        n = len(self.lanes)
        order = ([self.lane_index] if n else []) + list(range(self.lane_index + 1, n)) \
            + list(range(self.lane_index - 1, -1, -1))
        for li in order:
            columns = self.lanes[li].columns
            for ci in sorted(range(len(columns)), key=lambda c: abs(c - self.column)):
                if columns[ci]:
                    row = min(self.row, len(columns[ci]) - 1) if li == self.lane_index else 0
                    self.lane_index, self.column, self.row = li, ci, row
                    self._cursor_moved()
                    return
        self._clamp()

    def _clamp(self) -> None:
        self.lane_index = min(self.lane_index, max(0, len(self.lanes) - 1))
        size = len(self.column_ids())
        self.row = max(0, min(self.row, size - 1))
        self._cursor_moved()

    def _cursor_moved(self) -> None:
        relayout = self.one_column and self.column != self._layout_column
        if relayout:
            self._relayout()  # another status is shown: its lanes have other heights
        old, new = self._painted_cursor, self._cursor_rows()
        if relayout or old is None or new is None:
            self.refresh()
        elif old != new:
            # Only the card the cursor left and the one it reached change: over a slow SSH
            # link repainting the whole board for that cost ~5 KB per key (issue 14).
            self._refresh_rows(*old[:2])
            self._refresh_rows(*new[:2])
        self._painted_cursor = new
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self, self.card_id))

    def _cursor_rows(self) -> tuple[int, int, int] | None:
        """(first board row, row count, column) of the cursor's card (or empty-column mark)."""
        if not 0 <= self.lane_index < len(self.lanes):
            return None
        top = self._offsets[self.lane_index] + (1 if self._lane_headers else 0) + self.row * self.card_height
        return top, self.card_height, self.column

    def _refresh_rows(self, top: int, count: int) -> None:
        """Repaint board rows ``top`` … ``top + count - 1`` (screen line = row + 1 - scroll)."""
        self.refresh_lines(top + 1, count)

    def refresh(self, *regions, **kwargs):  # type: ignore[override]
        if not regions and hasattr(self, "_painted_cursor"):  # Textual refreshes during __init__ too
            self._painted_cursor = self._cursor_rows()
            self._painted_scroll = (self.scroll_offset, self.size)
        return super().refresh(*regions, **kwargs)

    def _scroll_to_cursor(self) -> None:
        if self.lanes and self.size.height > 1:
            top = self._offsets[self.lane_index] + (1 if self._lane_headers else 0) + self.row * self.card_height
            if self.lane_index == 0 and self.row == 0:
                top = 0
            bottom = top + self.card_height - 1
            view = max(1, self.size.height - 1)
            if top < self.scroll_y:
                self.scroll_to(y=top, animate=False, immediate=True)
            elif bottom >= self.scroll_y + view:
                self.scroll_to(y=bottom - view + 1, animate=False, immediate=True)

    def action_cursor(self, rows: int, columns: int) -> None:
        if not self.lanes:
            return
        if columns:
            # Stop at the edges: wrapping from the first column to the last lost officers.
            self.column = max(0, min(len(STATUSES) - 1, self.column + columns))
            self.row = min(self.row, max(0, len(self.column_ids()) - 1))
            if self.one_column and not self.column_ids():
                self._lane_with_cards()  # the cursor's lane is hidden in this status
        elif 0 <= self.row + rows < len(self.column_ids()):
            self.row += rows
        else:
            self._next_lane(rows)
        self._cursor_moved()

    def _next_lane(self, step: int) -> None:
        li = self.lane_index + step
        while 0 <= li < len(self.lanes):
            ids = self.lanes[li].columns[self.column]
            if ids:
                self.lane_index, self.row = li, 0 if step > 0 else len(ids) - 1
                return
            li += step

    def _lane_with_cards(self) -> None:
        """One-column mode hides lanes without cards in the status shown: go to the nearest one."""
        order = sorted(range(len(self.lanes)), key=lambda li: abs(li - self.lane_index))
        for li in order:
            if self.lanes[li].columns[self.column]:
                self.lane_index, self.row = li, 0
                return

    def action_page(self, step: int) -> None:
        rows = max(1, (self.size.height - 1) // self.card_height)
        ids = self.column_ids()
        self.row = max(0, min(len(ids) - 1, self.row + step * rows))
        self._cursor_moved()

    def action_edge(self, step: int) -> None:
        self.row = 0 if step < 0 else max(0, len(self.column_ids()) - 1)
        self._cursor_moved()

    # ---- drawing -------------------------------------------------------------------------
    def _shown(self) -> list[int]:
        """Indexes of the status columns drawn."""
        return [self.column] if self.one_column else list(range(len(STATUSES)))

    def _widths(self) -> list[int]:
        if self.one_column:
            return [self.scrollable_content_region.width if ci == self.column else 0 for ci in range(len(STATUSES))]
        width = self.scrollable_content_region.width - (len(STATUSES) - 1)
        base = max(1, width // len(STATUSES))
        return [base] * (len(STATUSES) - 1) + [max(1, width - base * (len(STATUSES) - 1))]

    def on_resize(self) -> None:
        self._relayout()
        self._scroll_to_cursor()
        # Textual repaints a resized widget whole; saying so records the size and scroll the
        # lines are painted at, or the next change would find them stale and repaint all
        # (it used to be recorded by a later full refresh that start-up no longer makes).
        self.refresh()

    def render_line(self, y: int) -> Strip:
        strip = self._line(y)
        self._painted[y] = strip
        return strip

    def _refresh_changed_lines(self) -> None:
        """Repaint only the screen lines whose content changed since they were painted.

        A status change or another replica's edit alters a card, the rows below it in its
        column and the counts; repainting the whole board for that sent ~7 KB per change.
        Lines are compared as rendered (card lines come from the value-keyed cache, so this
        costs a few dict lookups per line); anything unknown falls back to a full repaint.
        """
        height = self.size.height
        if not self._painted or self._painted_scroll != (self.scroll_offset, self.size):
            self.refresh()
            return
        stale = [y for y in range(height) if self._painted.get(y) != self._line(y)]
        for start, count in _runs(stale):
            self.refresh(Region(0, start, self.size.width, count))

    def _line(self, y: int) -> Strip:
        widths = self._widths()
        if y == 0:
            return self._header(widths)
        row, li = self._row_at(y)
        if row == (1 if self.lanes else 0) and self._no_cards():  # say so rather than show a blank board
            return Strip([Segment(" " + self.empty_text(), Style(dim=True))]).adjust_cell_length(self.size.width, PLAIN)
        if self.one_column and len(self.lanes) > 1 and not any(lane.columns[self.column] for lane in self.lanes):
            return self._empty_status(row, widths[self.column])
        if not (0 <= li < len(self.lanes)):
            return Strip.blank(self.size.width, PLAIN)
        lane, local = self.lanes[li], row - self._offsets[li]
        if self._lane_headers:
            if local == 0:
                return self._lane_header(lane, sum(widths) + len(self._shown()) - 1)
            local -= 1
        index, sub = divmod(local, self.card_height)
        segments: list[Segment] = []
        for n, ci in enumerate(self._shown()):
            if n:
                segments.append(SEPARATOR)
            segments.extend(self._cell(lane.columns[ci], index, sub, widths[ci], li == self.lane_index and ci == self.column))
        return Strip(segments)

    def _empty_status(self, row: int, width: int) -> Strip:
        """All agencies, one status no card has: the cursor's '— ว่าง —' on the first row."""
        cell = self._cell([], 0, 0, width, True) if row == 0 else [Segment(" " * width, PLAIN)]
        return Strip(cell).adjust_cell_length(self.size.width, PLAIN)

    def _cell(self, ids: list[str], index: int, sub: int, width: int, cursor_column: bool) -> list[Segment]:
        if index >= len(ids):
            if cursor_column and not ids and index == 0 and sub == 0:
                # An empty column under the cursor still shows where the cursor is.
                mark = truncate(t(self._lang, "empty_column"), width)
                style = CURSOR if self.has_focus else UNFOCUSED
                return [Segment(mark, style), Segment(" " * (width - cell_len(mark)), PLAIN)]
            return [Segment(" " * width, PLAIN)]
        line = self.card_lines_of(ids[index], width)[sub]
        if cursor_column and index == self.row and (self.card_height == 1 or sub < 3):
            # Reverse when focused; underline keeps the place visible when the focus is elsewhere.
            return list(Segment.apply_style(line, post_style=CURSOR if self.has_focus else UNFOCUSED))
        return line

    def _header(self, widths: list[int]) -> Strip:
        if self.one_column:
            return self._tabs()
        lang = self._lang
        segments: list[Segment] = []
        for ci, status in enumerate(STATUSES):
            if ci:
                segments.append(SEPARATOR)
            count = f" {digits(lang, self._counts[ci])}"
            title = status_label(lang, status)
            if cell_len(title) > widths[ci] - len(count):  # cut only if even the short title won't fit
                title = short_status_label(lang, status)
            label = truncate(title, widths[ci] - len(count)) + count
            segments.append(Segment(label, HEADER))
            segments.append(Segment(" " * max(0, widths[ci] - cell_len(label)), HEADER))
        return Strip(segments).adjust_cell_length(self.size.width, PLAIN)

    def _tabs(self) -> Strip:
        """One-column header: every status with its count, the one shown in reverse video.

        The ▸ repeats the reverse video for terminals without it (and NO_COLOR eyes).
        """
        lang, width = self._lang, self.size.width
        def labels(label) -> list[str]:
            return [f"{'▸' if ci == self.column else ' '}{label(lang, status)} {digits(lang, self._counts[ci])} "
                    for ci, status in enumerate(STATUSES)]
        tabs = labels(status_label)
        if sum(cell_len(tab) for tab in tabs) + len(tabs) - 1 > width:
            tabs = labels(short_status_label)
        segments: list[Segment] = []
        for ci, tab in enumerate(tabs):
            if ci:
                segments.append(SEPARATOR)
            segments.append(Segment(tab, HEADER + CURSOR if ci == self.column else Style(dim=True)))
        return Strip(segments).crop(0, width).adjust_cell_length(width, PLAIN)

    def _no_cards(self) -> bool:
        return not any(ids for lane in self.lanes for ids in lane.columns)

    def _lane_header(self, lane: Lane, width: int) -> Strip:
        lang = self._lang
        shown = lane.columns[self.column:self.column + 1] if self.one_column else lane.columns
        total = digits(lang, sum(len(c) for c in shown))
        agency = self.snapshot.agencies.get(lane.agency_id)
        if self.look and not self.look.show_agency and agency is not None:
            # The single-agency view: which agency this is, in full and short.
            short = f" · {agency.short}" if agency.short and agency.short != agency.name else ""
            text = truncate(f"▌{agency.name}{short} ({total})", width)
        else:
            text = truncate(f"▌{lane.title} ({total})", width)
        return Strip([Segment(text, LANE)]).adjust_cell_length(self.size.width, PLAIN)

    def on_click(self, event) -> None:
        """A click puts the cursor on the card under the mouse."""
        hit = self._card_at(event.x, event.y)
        if hit is not None:
            self.lane_index, self.column, self.row = hit
            self._cursor_moved()

    def _row_at(self, y: int) -> tuple[int, int]:
        """(board row, lane index) under screen line ``y`` (line 0 is the sticky header)."""
        row = self.scroll_offset.y + y - 1
        return row, bisect_right(self._offsets, row) - 1

    def _card_at(self, x: int, y: int) -> tuple[int, int, int] | None:
        row, li = self._row_at(y)
        if y < 1 or not 0 <= li < len(self.lanes):
            return None
        local = row - self._offsets[li] - (1 if self._lane_headers else 0)
        left, widths = 0, self._widths()
        for column in self._shown():
            width = widths[column]
            if left <= x < left + width:
                index = local // self.card_height
                ids = self.lanes[li].columns[column]
                return (li, column, index) if 0 <= local and index < len(ids) else None
            left += width + 1
        return None

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def empty_text(self) -> str:
        """What an empty board (or a filter that hides every card) says."""
        return t(self._lang, "no_cards")


def _runs(lines: list[int]) -> list[tuple[int, int]]:
    """Consecutive line numbers grouped as (first, count): one dirty region per run."""
    runs: list[tuple[int, int]] = []
    for y in lines:
        if runs and runs[-1][0] + runs[-1][1] == y:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((y, 1))
    return runs
