"""A one-line progress note, typed with a grapheme-aware Thai input."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from widgets.i18n import help_text, keyed, localized, t
from widgets.thai_input import ThaiInput  # moves and deletes by grapheme cluster, so ที่ is never split


def note_bindings(lang: str) -> list[Binding]:
    """Escape cancels (Enter is the Input's own submit); key-panel words in ``lang``."""
    return [keyed(lang, "escape", "cancel", "note.cancel")]


class NoteScreen(ModalScreen[str | None]):
    """Returns the note text, or None when cancelled."""

    HELP = help_text("th", "note")

    BINDINGS = note_bindings("th")
    """Thai; ``for_lang`` makes the screen for another language."""

    DEFAULT_CSS = """
    NoteScreen { align: center middle; }
    NoteScreen > Vertical { width: 70; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    NoteScreen Input { width: 100%; }
    """

    @classmethod
    def for_lang(cls, lang: str, about: str = "") -> "NoteScreen":
        return localized(cls, lang, BINDINGS=note_bindings(lang), HELP=help_text(lang, "note"))(lang, about)

    def __init__(self, lang: str, about: str = "") -> None:
        super().__init__()
        self.lang = lang
        self.about = about
        """Which card the note is for (``ข้อ ๒ · สนจ.ระยอง``), shown in the title."""

    def compose(self) -> ComposeResult:
        with Vertical():
            title = t(self.lang, "note_title") + (f" — {self.about}" if self.about else "")
            yield Label(title, markup=False, id="note-title")
            box = ThaiInput(id="note-text")
            box.cursor_blink = False
            box.HELP = self.HELP
            yield box
            yield Label(t(self.lang, "note_hint"), classes="hint", markup=False)

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
