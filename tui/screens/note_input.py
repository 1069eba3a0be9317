"""A progress note, typed with a grapheme-aware Thai text area.

Enter saves, as officers expect of a short note; ctrl+j starts a new line; a pasted report
keeps every line (a one-line Input kept only the first, silently)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label

from widgets.i18n import help_text, keyed, localized, t
from widgets.thai_text_area import ThaiTextArea  # moves and deletes by grapheme cluster: ที่ is never split


class NoteArea(ThaiTextArea):
    """The note's text: Enter saves (``Submitted``), ctrl+j starts a new line, and a paste
    (Textual's Paste event, which TextArea inserts whole) keeps every line."""

    @dataclass
    class Submitted(Message):
        area: "NoteArea"
        value: str

    async def _on_key(self, event: events.Key) -> None:
        if event.key not in ("enter", "ctrl+j") or not self.is_attached:
            await super()._on_key(event)
            return
        if self.not_mine(event):  # held after an Enter, or the dialog is gone: widgets/key_order.py
            return
        event.stop()
        event.prevent_default()
        if event.key == "enter":
            self.post_message(self.Submitted(self, self.text))
            # Keys typed right after Enter (n and the next note, j…) wait until the note is
            # saved and the dialog closed, then go where the app sends keys: not into this note.
            self.hold_after_submit()
            return
        start, end = self.selection  # ctrl+j: what terminals send for a new line that is not Enter
        self._replace_via_keyboard("\n", start, end)


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
    NoteScreen NoteArea { width: 100%; height: auto; min-height: 3; max-height: 12; }
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
            box = NoteArea(id="note-text")
            box.cursor_blink = False
            box.HELP = self.HELP
            yield box
            yield Label(t(self.lang, "note_hint") + " · " + t(self.lang, "safety.note_lines"),
                        classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(NoteArea).focus()

    @on(NoteArea.Submitted)
    def _save(self, event: NoteArea.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
