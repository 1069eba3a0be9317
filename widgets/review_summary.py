"""The review's summary page: every agency in one table (plain values in, a choice out)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import DataTable

from storage.models import STATUSES
from storage.progress import Progress
from widgets.i18n import digits, say


class SummaryTable(DataTable):
    """Agencies × (per status, total, done %, overdue); Enter posts ``RowSelected`` (key:
    the agency id)."""

    DEFAULT_CSS = """
    SummaryTable { height: auto; max-height: 100%; }
    """

    NAME_MIN = 10
    """The agency column never narrower than this (a short name such as ``พช.ระยอง`` fits)."""

    def __init__(self, lang: str, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.lang = lang
        self._longest = self.NAME_MIN

    def on_mount(self) -> None:
        lang = self.lang
        heads = [say(lang, "meeting.agency"), *(say(lang, f"status_short.{s}") for s in STATUSES),
                 say(lang, "meeting.total"), say(lang, "meeting.done_pct"), say(lang, "meeting.overdue")]
        for n, head in enumerate(heads):
            self.add_column(Text(head, justify="left" if n == 0 else "right"), key=f"c{n}")

    def _fit_names(self) -> None:
        """The agency column takes what the numbers leave: every number stays on screen at
        80 columns, and a long name (an agency with no short name) ends in ``…``."""
        name, *numbers = self.columns.values()
        room = (self.scrollable_content_region.width or self.app.size.width) - 1  # a scrollbar may come
        taken = sum(c.get_render_width(self) for c in numbers) + 2 * self.cell_padding
        name.auto_width = False
        name.width = max(self.NAME_MIN, min(self._longest, room - taken))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self.columns:
            self._fit_names()

    def show_rows(self, rows: list[tuple[str, str, Progress]], keep: str | None = None) -> None:
        """``(agency id, shown name, progress)`` in the order to show; the cursor stays on ``keep``."""
        self.clear()
        self._longest = max([self.NAME_MIN, cell_len(self.columns[next(iter(self.columns))].label.plain)]
                            + [cell_len(name) for _, name, _ in rows])
        for agency_id, name, p in rows:
            cells = [*p.counts, p.total]
            numbers = [Text(digits(self.lang, n), justify="right") for n in cells]
            pct = Text(digits(self.lang, f"{p.percent}%"), justify="right")
            late = Text(digits(self.lang, p.overdue), justify="right", style="bold red" if p.overdue else "")
            self.add_row(Text(name, no_wrap=True, overflow="ellipsis"), *numbers, pct, late, key=agency_id)
        self._fit_names()
        ids = [r[0] for r in rows]
        if keep in ids:
            self.move_cursor(row=ids.index(keep))
