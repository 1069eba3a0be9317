"""Correct an agency: its name, its short name, another spelling (an alias later imports
will recognise), or merge it into another agency that turned out to be the same office.

Dismisses with an ``AgencyEdit``, or with ``("merge", other_agency_id)`` after the officer
picked the agency to merge into (the app then says what the merge moves and asks to confirm).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Input, Label

from storage.editing.errors import FormErrors
from storage.editing.values import check_agency_edit
from storage.editing.words import say
from storage.models import Agency
from tui.screens.agency_picker import AgencyPickerScreen
from tui.screens.form_base import FormScreen
from widgets.form_field import FormField
from widgets.thai_input import ThaiInput


class AgencyEditScreen(FormScreen):
    """Returns an ``AgencyEdit``, ``("merge", agency_id)`` or None."""

    HELP = say("th", "edits.agency_help")

    DEFAULT_CSS = """
    AgencyEditScreen Button { margin: 1 0 0 16; }
    """

    @classmethod
    def for_lang(cls, agency: Agency, agencies: tuple[Agency, ...], lang: str) -> "AgencyEditScreen":
        made = cls.localized_class(lang)
        made.HELP = say(lang, "edits.agency_help")
        return made(agency, agencies, lang)

    def __init__(self, agency: Agency, agencies: tuple[Agency, ...], lang: str) -> None:
        super().__init__(lang)
        self.agency, self.agencies = agency, tuple(agencies)

    def compose(self) -> ComposeResult:
        s, a = self.lang, self.agency
        aliases = ", ".join(a.aliases) or say(s, "edits.none")
        with Vertical():
            yield Label(say(s, "edits.agency_title", name=a.name), classes="form-title", markup=False)
            yield FormField(say(s, "edits.agency_name"), ThaiInput(a.name, id="name"), name="name")
            yield FormField(say(s, "edits.short"), ThaiInput(a.short, id="short"), name="short",
                            note=say(s, "edits.short_note"))
            yield FormField(say(s, "edits.alias"), ThaiInput(id="alias", placeholder=say(s, "edits.alias_ph")),
                            name="alias", note=say(s, "edits.aliases_now", aliases=aliases))
            yield Button(say(s, "edits.merge_button"), id="merge", compact=True)
            yield self.form_error()
            yield self.hint()

    def on_mount(self) -> None:
        for box in self.query(Input):
            box.cursor_blink = False
        self.query_one("#name").focus()

    def action_save(self) -> None:
        values = [self.query_one(f"#{n}", Input).value for n in ("name", "short", "alias")]
        try:
            edit = check_agency_edit(self.agency, *values, self.agencies)
        except FormErrors as errors:
            self.show_errors(errors)
            return
        self.dismiss(edit)

    @on(Button.Pressed, "#merge")
    def _merge(self, event: Button.Pressed) -> None:
        event.stop()

        def picked(choice) -> None:
            if choice is not None and choice.agency_id:
                self.dismiss(("merge", choice.agency_id))

        title = say(self.lang, "edits.merge_pick_title", name=self.agency.name)
        self.app.push_screen(AgencyPickerScreen.for_lang(self.agencies, self.lang, title=title,
                                                         exclude=frozenset({self.agency.id}), allow_new=False), picked)
