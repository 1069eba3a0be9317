"""Choose what to take away, then confirm it on purpose: a card, an item or a whole letter;
a note of one's own; two agencies merged.

Each choice says what goes (``๓ การ์ด ๕ บันทึก``). Enter on a choice only asks; the change
is made by ``y`` (the Latin key on purpose: its Thai twin ั is typed all the time) or by
Tab to the confirm button and Enter — never by a stream of typing that landed here.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from storage.editing.words import say
from widgets.i18n import keyed, localized


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    label: str
    """One line in the list (``ลบข้อ ๓ ทั้งข้อ — ๓ การ์ด ๕ บันทึก``)."""
    confirm: str
    """What the officer confirms (``ข้อ ๓ และ ๓ การ์ด ๕ บันทึก จะหายจากกระดาน``)."""


def confirm_bindings(lang: str) -> list[Binding]:
    return [keyed(lang, "y", "confirm", "confirm.yes"), keyed(lang, "escape", "cancel", "confirm.cancel")]


class ConfirmChoiceScreen(ModalScreen[str | None]):
    """Returns the confirmed choice's id, or None."""

    BINDINGS = confirm_bindings("th")
    HELP = say("th", "edits.confirm_help")

    DEFAULT_CSS = """
    ConfirmChoiceScreen { align: center middle; }
    ConfirmChoiceScreen > Vertical { width: 78; max-width: 100%; height: auto; max-height: 100%;
                                     border: thick $error; background: $surface; padding: 0 1; }
    ConfirmChoiceScreen OptionList, ConfirmChoiceScreen OptionList:focus { height: auto; max-height: 10;
                                                                           border: none; padding: 0; }
    ConfirmChoiceScreen .confirm-title { text-style: bold; }
    ConfirmChoiceScreen #confirm-text { text-style: bold; color: $error; height: auto; }
    ConfirmChoiceScreen Horizontal { height: auto; }
    ConfirmChoiceScreen Button { margin: 0 2 0 0; min-width: 12; }
    ConfirmChoiceScreen .form-hint { color: $text-muted; }
    """

    @classmethod
    def for_lang(cls, lang: str, title: str, choices: list[Choice]) -> "ConfirmChoiceScreen":
        made = localized(cls, lang, BINDINGS=confirm_bindings(lang), HELP=say(lang, "edits.confirm_help"))
        return made(lang, title, choices)

    def __init__(self, lang: str, title: str, choices: list[Choice]) -> None:
        super().__init__()
        self.lang, self.title_text, self.choices = lang, title, list(choices)
        self.chosen: Choice | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, classes="confirm-title", markup=False)
            yield OptionList(*[Option(c.label, id=c.id) for c in self.choices], id="choices")
            yield Static("", id="confirm-text", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(say(self.lang, "edits.cancel"), id="no", compact=True)
                yield Button(say(self.lang, "edits.confirm_button"), id="yes", variant="error", compact=True)
            yield Label(say(self.lang, "edits.choose_hint"), id="confirm-hint", classes="form-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#confirm-buttons").display = False
        self.query_one("#confirm-text").display = False
        listing = self.query_one("#choices", OptionList)
        listing.highlighted = 0
        listing.focus()
        if len(self.choices) == 1:  # one thing to confirm: no choosing first
            self._ask(self.choices[0])

    @on(OptionList.OptionSelected, "#choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._ask(next(c for c in self.choices if c.id == event.option.id))

    def _ask(self, choice: Choice) -> None:
        self.chosen = choice
        text = self.query_one("#confirm-text", Static)
        text.update(choice.confirm)
        text.display = True
        self.query_one("#confirm-buttons").display = True
        self.query_one("#confirm-hint", Label).update(say(self.lang, "edits.confirm_hint"))
        self.query_one("#no", Button).focus()  # Enter alone never confirms

    def action_confirm(self) -> None:
        if self.chosen is not None:
            self.dismiss(self.chosen.id)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "yes":
            self.action_confirm()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)
