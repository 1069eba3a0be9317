"""The activity log in the board: who moved what, notes, edits and imports, oldest first.

Opened on the board (the whole board, or the agency shown) or on a card (that card). Two
lines per entry — who/when/what, then what was done, wrapped at Thai word boundaries — so it
reads at 80×24. Follows the board while open, like the card detail.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from storage import activity_words as words
from storage.activity import LogFilter, log
from tui.app_access import board_app
from widgets.i18n import keyed, localized, say
from widgets.kedmanee import thai_keys
from widgets.wrapped import thai_block


def log_bindings(lang: str) -> list[Binding]:
    return [keyed(lang, thai_keys("escape,q,L"), "close", "log.close")]


class ActivityLogScreen(ModalScreen[None]):
    """The log for ``agency_id`` or ``card_id`` (neither: the whole board)."""

    app = board_app()
    """The running BoardApp, typed (tui/app_access.py)."""

    BINDINGS = log_bindings("th")
    DEFAULT_CSS = """
    ActivityLogScreen { align: center middle; }
    ActivityLogScreen > VerticalScroll { width: 100%; height: 100%; border: thick $accent; background: $surface; padding: 0 1; }
    """

    @classmethod
    def for_lang(cls, lang: str, **kwargs) -> "ActivityLogScreen":
        return localized(cls, lang, BINDINGS=log_bindings(lang))(lang, **kwargs)

    def __init__(self, lang: str, *, agency_id: str | None = None, card_id: str | None = None) -> None:
        super().__init__()
        self.lang, self.agency_id, self.card_id = lang, agency_id, card_id

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="log"):
            yield Static("", id="log-body")
        yield Footer()

    def on_mount(self) -> None:
        self.board_changed(self.app.snapshot)

    def _scope(self, snap) -> str:
        if self.card_id and self.card_id in snap.cards:
            from tui.actions import card_name

            return card_name(snap, self.card_id, self.lang)
        agency = snap.agencies.get(self.agency_id or "")
        return (agency.short or agency.name) if agency else say(self.lang, "meeting.log.whole_board")

    def board_changed(self, snapshot, changes=()) -> None:
        """Data down: the current board; the newest entry stays in view."""
        flt = LogFilter(agency_ids=frozenset({self.agency_id}) if self.agency_id else None, card_id=self.card_id)
        entries = log(snapshot, flt)
        parts: list = []
        for a in entries:
            head = f"{words.when(a.at, self.lang)} · {a.who} · {words.subject(snapshot, a, self.lang)}"
            parts += [Text(head, style="dim", no_wrap=True, overflow="ellipsis"),
                      thai_block("  " + words.action(snapshot, a, self.lang))]
        if not entries:
            parts.append(Text(say(self.lang, "meeting.log.empty"), style="dim"))
        frame = self.query_one("#log", VerticalScroll)
        frame.border_title = say(self.lang, "meeting.log.title", scope=self._scope(snapshot))
        frame.border_subtitle = say(self.lang, "meeting.log.count", n=len(entries))
        self.query_one("#log-body", Static).update(Group(*parts))
        frame.scroll_end(animate=False)
        frame.focus()

    def action_close(self) -> None:
        self.dismiss(None)
