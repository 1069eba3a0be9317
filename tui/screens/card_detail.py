"""The whole card: full item text (Thai-wrapped), letter, due, role, the other
agencies on the same item with their statuses, notes and history."""

from __future__ import annotations

from datetime import date

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from storage import activity_words as words
from storage.activity import card_history
from storage.models import BoardSnapshot, Card
from storage.editing.origin import origin
from storage.editing.words import say
from tui.app_access import board_app
from tui.edit_keys import retract_binding
from widgets.board_index import due_state
from widgets.card_lines import DUE_MARKS
from widgets.i18n import digits, help_text, keyed, localized, role_label, status_label, t
from widgets.kedmanee import thai_keys
from widgets.textfit import format_date, truncate
from widgets.wrapped import thai_block


def detail_bindings(lang: str) -> list[Binding]:
    """Escape, Enter or q closes the card; x retracts one's own note; key-panel words in ``lang``."""
    return [keyed(lang, thai_keys("escape,enter,q"), "dismiss", "detail.close"),
            keyed(lang, thai_keys("L"), "log", "detail.log"),
            retract_binding(lang)]


class CardDetailScreen(ModalScreen[None]):
    """Read-only view of one card; Escape, Enter or q closes it."""

    app = board_app()
    """The running BoardApp, typed (tui/app_access.py)."""

    HELP = help_text("th", "detail")

    BINDINGS = detail_bindings("th")
    """Thai; ``for_lang`` makes the screen for another language (one language per footer)."""

    DEFAULT_CSS = """
    CardDetailScreen { align: center middle; }
    CardDetailScreen > VerticalScroll { width: 90%; height: 90%; border: thick $accent; background: $surface; padding: 0 1; }
    """

    @classmethod
    def for_lang(cls, snapshot: BoardSnapshot, card_id: str, *, lang: str, today: date) -> "CardDetailScreen":
        """The detail screen with its footer and help in ``lang``."""
        screen = localized(cls, lang, BINDINGS=detail_bindings(lang), HELP=help_text(lang, "detail"))
        return screen(snapshot, card_id, lang, today)

    def __init__(self, snapshot: BoardSnapshot, card_id: str, lang: str, today: date) -> None:
        super().__init__()
        self.snapshot, self.card_id, self.lang, self.today = snapshot, card_id, lang, today

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail"):
            live = Static("", id="detail-live", markup=False)
            live.display = False
            yield live
            yield Static(self._body(), id="detail-body")
        yield Footer()

    def action_dismiss(self) -> None:
        self.dismiss(None)

    def action_log(self) -> None:
        """This card's activity log (who moved it, notes, edits), over the detail."""
        self.app.open_log(card_id=self.card_id)

    def action_retract(self) -> None:
        self.app.hand_edit("retract", self.card_id)

    def show(self, snapshot: BoardSnapshot, message: str = "") -> None:
        """Data down: the app hands over a newer board (another user's move or note)."""
        if self.card_id not in snapshot.cards:
            return
        if snapshot is not self.snapshot:
            self.snapshot = snapshot
            self.query_one("#detail-body", Static).update(self._body())
        if message:  # who changed it, so the officer knows why it moved
            frame = self.query_one("#detail", VerticalScroll)
            # The frame's subtitle is one line (cut to fit at 80 columns); the whole
            # message, wrapped at Thai word boundaries, heads the card.
            room = max(10, frame.size.width - 6)
            frame.border_subtitle = Text(truncate(message, room))  # Text: no markup in names
            live = self.query_one("#detail-live", Static)
            live.update(thai_block(message, "bold"))
            live.display = True

    def _body(self) -> Group:
        snap, lang = self.snapshot, self.lang
        card = snap.cards[self.card_id]
        item = snap.items.get(card.item_id)
        directive = snap.directives.get(item.directive_id) if item else None
        agency = snap.agencies.get(card.agency_id)
        title = Text(f"{t(lang, 'item')} {digits(lang, item.seq if item else '?')} · ", style="bold")
        title.append(agency.name if agency else card.agency_id, style="bold")
        if directive is not None and len(snap.directives) > 1:  # several letters: say which one first
            where = (t(lang, "meeting.letter_tag", tag=digits(lang, directive.number)) if directive.number
                     else origin(directive, lang))  # a meeting: what it was and when
            title.append(" · " + where, style="bold")
        parts: list = [title, self._facts(card, item, directive), Text()]
        parts.append(thai_block(item.text if item else ""))
        for point in item.subpoints if item else ():
            parts.append(thai_block("  • " + point))
        parts += [Text(), Text(t(lang, "others"), style="bold underline"), self._siblings(card)]
        parts += self._taken_off(card)
        parts += [Text(), Text(t(lang, "notes"), style="bold underline"), *self._notes()]
        parts += [Text(), Text(t(lang, "history"), style="bold underline"), *self._history()]
        return Group(*parts)

    def _facts(self, card: Card, item, directive) -> Table:
        lang = self.lang
        table = Table.grid(padding=(0, 1))
        table.add_column(style="dim")
        table.add_column()
        table.add_row(t(lang, "status"), status_label(lang, card.status))
        role = ("★ " if card.role == "lead" else "") + role_label(lang, card.role)
        table.add_row(t(lang, "role"), role)
        due = item.due if item else None
        state = due_state(due, card.status, self.today)
        due_text = Text(format_date(due, lang, style="long") if due else t(lang, "no_due"))
        if state:
            due_text = Text(f"{DUE_MARKS[state]} ", style="bold red" if state == "overdue" else "yellow") + due_text
            due_text.append(f" ({t(lang, 'overdue' if state == 'overdue' else 'due_soon')})")
        table.add_row(t(lang, "due"), due_text)
        if item and item.recurrence:
            table.add_row(t(lang, "recurrence"), item.recurrence)
        if directive is not None and not directive.number:  # a meeting or a verbal order
            table.add_row(say(lang, "edits.origin"), thai_block(origin(directive, lang)))
        elif directive is not None:
            number = digits(lang, directive.number)
            dated = format_date(directive.date, lang, style="long")
            table.add_row(t(lang, "letter"), f"{number} {t(lang, 'dated')} {dated}".strip())
            if directive.subject:
                table.add_row("", thai_block(directive.subject, "italic"))
        return table

    def _siblings(self, card: Card) -> Table | Text:
        others = self.snapshot.siblings(card)
        if not others:
            return Text(t(self.lang, "none"), style="dim")
        table = Table.grid(padding=(0, 1))
        for other in others:
            agency = self.snapshot.agencies.get(other.agency_id)
            mark = "★" if other.role == "lead" else " "
            table.add_row(mark, agency.name if agency else other.agency_id, status_label(self.lang, other.status))
        return table

    def _taken_off(self, card: Card) -> list:
        """Agencies taken off this item: their cards are gone, their notes stay readable here."""
        snap, lang = self.snapshot, self.lang
        gone = [c for c in snap.retired.values() if c.item_id == card.item_id and c.id not in snap.cards]
        if not gone:
            return []
        parts: list = [Text(), Text(say(lang, "edits.taken_off"), style="bold underline")]
        for other in gone:
            agency = snap.agencies.get(other.agency_id)
            notes = snap.notes_of(other.id)
            parts.append(Text(say(lang, "edits.taken_off_by", agency=agency.name if agency else other.agency_id[:8],
                                  notes=len(notes)), style="dim"))
            parts += [self._note(n) for n in notes]
        return parts

    def _notes(self) -> list:
        notes = self.snapshot.notes_of(self.card_id)
        if not notes:
            return [Text(t(self.lang, "none"), style="dim")]
        return [self._note(n) for n in notes]

    def _note(self, note) -> Group:
        head = Text(f"{words.when(note.at, self.lang)} · {note.author}", style="dim")
        if note.retracted_by:  # hidden behind one line; the text stays in the board's history
            return Group(head, Text(say(self.lang, "edits.note_retracted", who=note.retracted_by,
                                        when=words.when(note.retracted_at or "", self.lang)), style="dim italic"))
        return Group(head, thai_block(note.text))

    def _history(self) -> list:
        """Moves and edits in the activity log's words (storage.activity_words), one per line."""
        entries = card_history(self.snapshot, self.card_id)
        if not entries:
            return [Text(t(self.lang, "none"), style="dim")]
        return [thai_block(f"{words.when(a.at, self.lang)} · {a.who} · {words.action(self.snapshot, a, self.lang)}")
                for a in entries]
