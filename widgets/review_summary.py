"""The review's summary page: every agency in one table (plain values in, a choice out)."""

from __future__ import annotations

from rich.text import Text
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

    def __init__(self, lang: str, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.lang = lang

    def on_mount(self) -> None:
        lang = self.lang
        heads = [say(lang, "meeting.agency"), *(say(lang, f"status_short.{s}") for s in STATUSES),
                 say(lang, "meeting.total"), say(lang, "meeting.done_pct"), say(lang, "meeting.overdue")]
        for n, head in enumerate(heads):
            self.add_column(Text(head, justify="left" if n == 0 else "right"), key=f"c{n}")

    def show_rows(self, rows: list[tuple[str, str, Progress]], keep: str | None = None) -> None:
        """``(agency id, shown name, progress)`` in the order to show; the cursor stays on ``keep``."""
        self.clear()
        for agency_id, name, p in rows:
            cells = [*p.counts, p.total]
            numbers = [Text(digits(self.lang, n), justify="right") for n in cells]
            pct = Text(digits(self.lang, f"{p.percent}%"), justify="right")
            late = Text(digits(self.lang, p.overdue), justify="right", style="bold red" if p.overdue else "")
            self.add_row(Text(name, no_wrap=True, overflow="ellipsis"), *numbers, pct, late, key=agency_id)
        ids = [r[0] for r in rows]
        if keep in ids:
            self.move_cursor(row=ids.index(keep))
