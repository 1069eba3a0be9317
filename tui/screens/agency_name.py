"""A one-field modal to correct an agency name during import review."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from widgets.i18n import help_text, keyed, localized, t
from widgets.thai_input import ThaiInput

def rename_bindings(lang: str) -> list[Binding]:
    """Escape cancels (Enter is the Input's own submit); key-panel words in ``lang``."""
    return [keyed(lang, "escape", "cancel", "agency_name.cancel")]


class AgencyNameScreen(ModalScreen[str | None]):
    """Returns the edited name (stripped), or None when cancelled or left empty."""

    BINDINGS = rename_bindings("th")
    """Enter is the Input's own submit; escape closes. ``for_lang`` gives another language."""

    HELP = help_text("th", "rename")

    @classmethod
    def for_lang(cls, name: str, *, lang: str = "th") -> "AgencyNameScreen":
        """The modal with its key words and help in ``lang``."""
        return localized(cls, lang, BINDINGS=rename_bindings(lang), HELP=help_text(lang, "rename"))(name, lang=lang)

    DEFAULT_CSS = """
    AgencyNameScreen { align: center middle; }
    AgencyNameScreen > Vertical { width: 70; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    AgencyNameScreen Input { width: 100%; }
    AgencyNameScreen .hint { color: $text-muted; }
    """

    def __init__(self, name: str, *, lang: str = "th") -> None:
        super().__init__()
        self.initial = name
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t(self.lang, "agency_name.title"), markup=False)
            field = ThaiInput(self.initial, id="agency-name", select_on_focus=False)
            field.cursor_blink = False
            field.HELP = self.HELP
            yield field
            yield Label(t(self.lang, "agency_name.hint"), classes="hint", markup=False)

    @on(Input.Submitted, "#agency-name")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
