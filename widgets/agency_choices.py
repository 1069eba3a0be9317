"""The agencies of an item being written: one row each with its role, and a first row to
add another (the screen opens the agency picker). Keys act on the highlighted row; the
list keeps plain ``AgencyChoice`` values and posts ``AddRequested`` up."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from storage.editing.values import AgencyChoice
from storage.editing.words import say
from widgets.i18n import keyed, localized, role_label
from widgets.kedmanee import thai_keys

ADD = "__add__"


def choice_bindings(lang: str) -> list[Binding]:
    return [keyed(lang, thai_keys("a,plus,insert"), "add", "item_form.add_agency"),
            keyed(lang, thai_keys("r,space"), "toggle_role", "item_form.toggle_role"),
            keyed(lang, thai_keys("d,delete"), "remove", "item_form.remove_agency")]


class AgencyChoices(OptionList):
    """``＋ add`` then ``★ หน่วยงานหลัก: name`` rows."""

    BINDINGS = choice_bindings("th")

    DEFAULT_CSS = """
    AgencyChoices { height: auto; max-height: 5; border: none; padding: 0; background: $boost; }
    AgencyChoices:focus { background: $accent 15%; border: none; }
    """

    @dataclass
    class AddRequested(Message):
        choices: "AgencyChoices"

        @property
        def control(self) -> "AgencyChoices":
            return self.choices

    @classmethod
    def for_lang(cls, lang: str) -> type["AgencyChoices"]:
        return localized(cls, lang, BINDINGS=choice_bindings(lang))

    def __init__(self, lang: str, choices: tuple[AgencyChoice, ...] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.choices = tuple(choices)

    def on_mount(self) -> None:
        self._draw(0)

    def _draw(self, highlight: int | None) -> None:
        options = [Option(Text("＋ " + say(self.lang, "edits.add_agency_row"), style="bold"), id=ADD)]
        for k, choice in enumerate(self.choices):
            star = "★" if choice.role == "lead" else "·"
            new = "" if choice.agency_id else "  " + say(self.lang, "edits.new_agency_mark")
            options.append(Option(f"{star} {role_label(self.lang, choice.role)}: {choice.name}{new}", id=str(k)))
        self.set_options(options)
        if highlight is not None:
            self.highlighted = max(0, min(highlight, len(options) - 1))

    def add(self, choice: AgencyChoice) -> None:
        """Add a picked agency (once: a second pick of the same one only sets its role)."""
        same = [k for k, c in enumerate(self.choices)
                if (c.agency_id and c.agency_id == choice.agency_id) or (not c.agency_id and c.name == choice.name)]
        if not same:
            self.choices += (choice,)
        self._draw(len(self.choices) if not same else same[0] + 1)

    def _current(self) -> int | None:
        at = self.highlighted
        return at - 1 if at is not None and at > 0 else None

    def action_add(self) -> None:
        self.post_message(self.AddRequested(self))

    def action_select(self) -> None:
        """Enter: on the first row add an agency, on an agency switch its role."""
        if self._current() is None:
            self.action_add()
        else:
            self.action_toggle_role()

    def action_toggle_role(self) -> None:
        k = self._current()
        if k is None:
            return
        choice = self.choices[k]
        changed = replace(choice, role="support" if choice.role == "lead" else "lead")
        self.choices = self.choices[:k] + (changed,) + self.choices[k + 1:]
        self._draw(k + 1)

    def action_remove(self) -> None:
        k = self._current()
        if k is None:
            return
        self.choices = self.choices[:k] + self.choices[k + 1:]
        self._draw(k)
