"""The meeting's review screen: a summary of every agency, then one agency per page.

Read-only: it has no key that writes. It reads the app's current snapshot (the app alone
talks to the store) and is handed every newer one while open (``board_changed``), so a move
made by another officer shows on the page being discussed.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from storage.activity import activities
from storage.errors import BoardError, user_message
from storage.review import SORTS, agency_review, sorted_agencies
from storage.select import match_agencies, parse_day
from tui.app_access import board_app
from tui.screens.review_dialogs import JumpScreen, SincePrompt
from widgets.i18n import keyed, localized, say
from widgets.kedmanee import QUIT_TWIN, thai_keys
from widgets.review_summary import SummaryTable
from widgets.review_view import review_page
from widgets.status_line import StatusLine
from widgets.textfit import format_date

SINCE_DAYS = 30
"""Changes are counted from this many days back unless the chair picks another day."""


def review_bindings(lang: str) -> list[Binding]:
    def b(keys: str, action: str, name: str, show: bool = True, display: str | None = None) -> Binding:
        return keyed(lang, thai_keys(keys), action, f"review.{name}", show=show, key_display=display)

    return [
        b("left,h,pageup", "page(-1)", "prev", display="←"), b("right,l,pagedown", "page(1)", "next", display="→"),
        b("g", "jump", "jump"), b("s", "sort", "sort"), b("t", "since", "since"),
        b("home,0", "summary", "summary", show=False), b("L", "log", "log"),
        keyed(lang, "escape,q", "close", "review.close"),
        keyed(lang, QUIT_TWIN, "close(True)", "app.quit_thai", show=False),  # never quits (kedmanee.py)
    ]


class ReviewScreen(Screen[None]):
    """Page 0 is the summary; pages 1… are the agencies in the summary's order."""

    app = board_app()
    """The running BoardApp, typed (tui/app_access.py)."""

    BINDINGS = review_bindings("th")
    HELP = say("th", "meeting.review.title")
    DEFAULT_CSS = """
    ReviewScreen #review-head { height: 1; padding: 0 1; background: $boost; }
    ReviewScreen #review-body { padding: 0 1; }
    ReviewScreen #review-live { display: none; }
    ReviewScreen #review-live.-told { display: block; }
    """

    @classmethod
    def for_lang(cls, lang: str, today: date, **kwargs) -> "ReviewScreen":
        screen = localized(cls, lang, BINDINGS=review_bindings(lang), HELP=say(lang, "meeting.review.title"))
        return screen(lang, today, **kwargs)

    def __init__(self, lang: str, today: date, *, since: date | None = None, agency: str | None = None,
                 quit_on_close: bool = False) -> None:
        super().__init__()
        self.lang, self.today = lang, today
        self.since = since or today - timedelta(days=SINCE_DAYS)
        self.sort = SORTS[0]
        self.page = 0
        self.order: list[str] = []
        self.start_agency = agency
        self.quit_on_close = quit_on_close
        """Opened by ``board review``: closing it ends the program."""

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="▦")
        yield Static("", id="review-head", markup=False)
        with VerticalScroll(id="review-scroll"):
            yield SummaryTable(self.lang, id="review-summary")
            yield Static("", id="review-body")
        yield StatusLine(id="review-live")
        yield Footer()

    def on_mount(self) -> None:
        self.title = say(self.lang, "meeting.review.title")
        self.board_changed(self.app.snapshot)
        self._go(self._typed_agency(self.start_agency))

    # ---- data down ------------------------------------------------------------------------
    def board_changed(self, snapshot, changes=()) -> None:
        """A newer board (ours or another officer's change): redraw the page being shown."""
        current = self.agency_id if self.order else None
        self.snapshot = snapshot
        self.rows = sorted_agencies(snapshot, self.today, self.sort)
        self.order = [a.id for a, _ in self.rows]
        # The order may change (another officer's move changes who is most overdue): the
        # page being discussed stays on the same agency.
        self.page = self.order.index(current) + 1 if current in self.order else min(self.page, len(self.order))
        if self.is_mounted:
            self._draw()

    def show_live(self, message: str) -> None:
        """Who changed what, as the board's status line says it; the line appears with the
        first change (a page with nothing new keeps its row for the agency's text)."""
        line = self.query_one("#review-live", StatusLine)
        line.add_class("-told")
        line.show_message(message)

    def _draw(self) -> None:
        table, body = self.query_one(SummaryTable), self.query_one("#review-body", Static)
        table.display, body.display = self.page == 0, self.page != 0
        self.query_one("#review-head", Static).update(self._head())
        if self.page == 0:
            keep = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value if table.row_count else None
            table.show_rows([(a.id, a.short or a.name, p) for a, p in self.rows], keep)
            table.focus()
            return
        entries = activities(self.snapshot)
        review = agency_review(self.snapshot, self.order[self.page - 1], self.today, self.since, entries)
        body.update(review_page(self.snapshot, review, self.lang, self.since))
        self.query_one("#review-scroll").focus()

    def _head(self) -> str:
        page = say(self.lang, "meeting.review.page", n=self.page + 1, of=len(self.order) + 1)
        as_of = say(self.lang, "meeting.review.as_of", day=format_date(self.today.isoformat(), self.lang))
        if self.page == 0:
            what = say(self.lang, "meeting.review.summary", by=say(self.lang, f"meeting.review.sort.{self.sort}"))
        else:
            agency = self.snapshot.agencies.get(self.order[self.page - 1])
            what = (agency.short or agency.name) if agency else ""
        return f"{what} · {page} · {as_of}"

    def _typed_agency(self, wanted: str | None) -> str | None:
        """An agency id, or what ``board review --agency`` typed (name, short name, alias)."""
        if not wanted or wanted in self.order:
            return wanted
        try:
            found = match_agencies(self.snapshot, wanted)
        except BoardError as error:
            self.app.notify(user_message(error, self.lang), severity="warning", markup=False)
            return None
        return found[0].id

    @property
    def agency_id(self) -> str | None:
        return self.order[self.page - 1] if self.page else None

    # ---- keys -----------------------------------------------------------------------------
    def action_page(self, step: int) -> None:
        self.page = (self.page + step) % (len(self.order) + 1)
        self.query_one("#review-scroll").scroll_home(animate=False)
        self._draw()

    def action_summary(self) -> None:
        self.page = 0
        self._draw()

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.board_changed(self.snapshot)

    def action_jump(self) -> None:
        agencies = [(a.id, a.short, a.name) for a, _ in self.rows]
        self.app.push_screen(JumpScreen(self.lang, agencies), self._go)

    def _go(self, agency_id: str | None) -> None:
        if agency_id in self.order:
            self.page = self.order.index(agency_id) + 1
        self._draw()

    def action_since(self) -> None:
        self.app.push_screen(SincePrompt(self.lang, self.since.isoformat()), self._since)

    def _since(self, text: str | None) -> None:
        if not text:
            return
        try:
            self.since = parse_day(text, self.today)
        except BoardError:
            self.app.notify(say(self.lang, "meeting.review.bad_since", text=text), severity="warning", markup=False)
            return
        self._draw()

    def action_log(self) -> None:
        self.app.open_log(agency_id=self.agency_id)

    def action_close(self, thai: bool = False) -> None:
        """Back to the board; ``board review`` ends instead — but not on ``ๆ`` (``thai``): a
        Thai twin never quits, it says how to."""
        if not self.quit_on_close:
            self.dismiss(None)
        elif thai:
            self.app.notify(say(self.lang, "key.app.quit_thai.notice"), markup=False)
        else:
            self.app.exit()

    @on(DataTable.RowSelected, "#review-summary")
    def _open_row(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._go(event.row_key.value)

