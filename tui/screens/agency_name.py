"""A one-field modal to correct an agency name during import review."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from widgets.thai_input import ThaiInput

_TEXT = {
    "th": ("แก้ชื่อหน่วยงาน", "Enter ยืนยัน · Esc ยกเลิก"),
    "en": ("Edit agency name", "Enter to confirm · Esc to cancel"),
}


class AgencyNameScreen(ModalScreen[str | None]):
    """Returns the edited name (stripped), or None when cancelled or left empty."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="agency_name.cancel", tooltip="Close without changing the name"),
    ]
    """Enter is the Input's own submit; escape closes."""

    HELP = """\
## Edit agency name

Type the agency's name as it should appear on the board. If it matches an agency
the board already knows (by name, short name or alias), the card is attached to it.
"""

    DEFAULT_CSS = """
    AgencyNameScreen { align: center middle; }
    AgencyNameScreen > Vertical { width: 70; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    AgencyNameScreen Input { width: 100%; }
    AgencyNameScreen .hint { color: $text-muted; }
    """

    def __init__(self, name: str, *, lang: str = "th") -> None:
        super().__init__()
        self.initial = name
        self.lang = lang if lang in _TEXT else "th"

    def compose(self) -> ComposeResult:
        title, hint = _TEXT[self.lang]
        with Vertical():
            yield Label(title, markup=False)
            field = ThaiInput(self.initial, id="agency-name", select_on_focus=False)
            field.cursor_blink = False
            yield field
            yield Label(hint, classes="hint", markup=False)

    @on(Input.Submitted, "#agency-name")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
