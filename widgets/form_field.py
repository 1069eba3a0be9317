"""One field of a form: its label, the input, and a line under it for what the field says
back (a typed date read back in B.E.) or what is wrong with it.

Plain values in: the screen sets the note or the error; the field keeps what was typed.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Label, Static


class FormField(Vertical):
    """``label │ input`` on one row, the note or error on the row below (hidden when empty)."""

    DEFAULT_CSS = """
    FormField { height: auto; margin: 0 0 0 0; }
    FormField > Horizontal { height: auto; }
    FormField .field-label { width: 16; padding: 0 1 0 0; color: $text-muted; }
    FormField:focus-within .field-label { color: $text; text-style: bold; }
    FormField Input { height: 1; border: none; padding: 0 1; width: 1fr; background: $boost; }
    FormField Input:focus { background: $accent 25%; border: none; }
    FormField TextArea { height: 5; width: 1fr; border: none; padding: 0 1; background: $boost; }
    FormField TextArea:focus { background: $accent 25%; border: none; }
    FormField .field-note { padding: 0 0 0 16; color: $text-muted; height: auto; }
    FormField .field-note.-error { color: $error; text-style: bold; }
    FormField.-error .field-label { color: $error; }
    """

    def __init__(self, label: str, field: Widget, *, name: str, note: str = "") -> None:
        super().__init__(id=f"field-{name}")
        self.label = label
        self.field = field
        self.field_name = name
        self.default_note = note
        self.error_for: str | None = None
        """What the field held when its error was shown (the screen keeps the error until it changes)."""
        """Shown when there is nothing to say back and nothing wrong (a hint: ``เช่น 30/9/2568``)."""

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(self.label, classes="field-label", markup=False)
            yield self.field
        note = Static(self.default_note, classes="field-note", markup=False)
        note.display = bool(self.default_note)
        yield note

    def _note(self) -> Static:
        return self.query_one(".field-note", Static)

    def show_note(self, text: str = "") -> None:
        """What the field says back (or its hint when ``text`` is empty); clears an error."""
        text = text or self.default_note
        note = self._note()
        note.remove_class("-error")
        self.remove_class("-error")
        note.update(text)
        note.display = bool(text)

    def show_error(self, text: str) -> None:
        note = self._note()
        note.add_class("-error")
        self.add_class("-error")
        note.update(f"⚠ {text}")  # the sign says it without colour (NO_COLOR)
        note.display = True

    @property
    def has_error(self) -> bool:
        return self.has_class("-error")
