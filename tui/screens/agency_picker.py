"""The agency picker: type a few letters of a name, short name or alias (Thai spelling
variants match), pick with ↑/↓ and Enter; a name the board does not know yet is offered as
a new agency, so nobody retypes a long name that already exists."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from storage.editing.pick import new_name, pick_agencies
from storage.editing.values import AgencyChoice
from storage.editing.words import say
from storage.models import Agency, Role
from widgets.i18n import keyed, localized
from widgets.thai_input import ThaiInput

NEW = "__new__"
"""Option id of 'create this name as a new agency'."""

SHOWN = 200
"""Matches listed at most (the officer types more to narrow a long list)."""


def picker_bindings(lang: str) -> list[Binding]:
    return [
        keyed(lang, "down", "move(1)", "picker.down", description="↓", show=False),
        keyed(lang, "up", "move(-1)", "picker.up", description="↑", show=False),
        keyed(lang, "escape", "cancel", "picker.cancel"),
    ]


class AgencyPickerScreen(ModalScreen[AgencyChoice | None]):
    """Returns the chosen agency (known: with its id; new: its name only), or None."""

    BINDINGS = picker_bindings("th")
    HELP = say("th", "edits.picker_help")

    DEFAULT_CSS = """
    AgencyPickerScreen { align: center middle; }
    AgencyPickerScreen > Vertical { width: 78; max-width: 100%; height: 20; max-height: 100%;
                                    border: thick $accent; background: $surface; padding: 0 1; }
    AgencyPickerScreen Input, AgencyPickerScreen Input:focus { height: 1; border: none; padding: 0 1;
                                                              background: $boost; }
    AgencyPickerScreen OptionList, AgencyPickerScreen OptionList:focus { height: 1fr; border: none; padding: 0; }
    AgencyPickerScreen .picker-title { text-style: bold; }
    AgencyPickerScreen .form-hint { color: $text-muted; }
    """

    @classmethod
    def for_lang(cls, agencies: tuple[Agency, ...], lang: str, *, title: str = "", role: Role = "support",
                 exclude: frozenset[str] = frozenset(), allow_new: bool = True) -> "AgencyPickerScreen":
        made = localized(cls, lang, BINDINGS=picker_bindings(lang), HELP=say(lang, "edits.picker_help"))
        return made(agencies, lang, title=title, role=role, exclude=exclude, allow_new=allow_new)

    def __init__(self, agencies: tuple[Agency, ...], lang: str, *, title: str = "", role: Role = "support",
                 exclude: frozenset[str] = frozenset(), allow_new: bool = True) -> None:
        super().__init__()
        self.agencies, self.lang, self.title_text = tuple(agencies), lang, title or say(lang, "edits.picker_title")
        self.role, self.exclude, self.allow_new = role, exclude, allow_new
        self.shown: list[Agency] = []
        self.new = ""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, classes="picker-title", markup=False)
            yield ThaiInput(id="pick-filter", placeholder=say(self.lang, "edits.picker_ph"))
            yield OptionList(id="pick-list")
            yield Label(say(self.lang, "edits.picker_hint"), classes="form-hint", markup=False)

    def on_mount(self) -> None:
        box = self.query_one("#pick-filter", Input)
        box.cursor_blink = False
        box.focus()
        self._fill("")

    def _fill(self, query: str) -> None:
        self.shown = pick_agencies(self.agencies, query, self.exclude)[:SHOWN]
        self.new = new_name(self.agencies, query) if self.allow_new else ""
        options = [Option(self._label(a), id=a.id) for a in self.shown]
        if self.new:
            create = Option(Text("＋ " + say(self.lang, "edits.picker_new", name=self.new), style="bold"), id=NEW)
            options.append(create) if self.shown else options.insert(0, create)
        if not options:
            options.append(Option(say(self.lang, "edits.picker_none"), id="__none__", disabled=True))
        listing = self.query_one("#pick-list", OptionList)
        listing.set_options(options)
        listing.highlighted = 0 if not options[0].disabled else None

    @staticmethod
    def _label(agency: Agency) -> Text:
        text = Text(agency.name)
        if agency.short and agency.short != agency.name:
            text.append(f"  ({agency.short})", style="dim")
        return text

    @on(Input.Changed, "#pick-filter")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    def action_move(self, step: int) -> None:
        listing = self.query_one("#pick-list", OptionList)
        (listing.action_cursor_down if step > 0 else listing.action_cursor_up)()

    @on(Input.Submitted, "#pick-filter")
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        listing = self.query_one("#pick-list", OptionList)
        if listing.highlighted is not None:
            self._choose(listing.get_option_at_index(listing.highlighted).id)

    @on(OptionList.OptionSelected, "#pick-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id == NEW and self.new:
            self.dismiss(AgencyChoice(self.new, self.role))
            return
        agency = next((a for a in self.shown if a.id == option_id), None)
        if agency is not None:
            self.dismiss(AgencyChoice(agency.name, self.role, agency.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
