"""New letter or meeting record: number (none for a meeting or a verbal order), date,
subject, issuer. Dismisses with a checked ``LetterInput``; the app saves it and goes on to
the items under it."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label

from storage.editing.errors import FormErrors
from storage.editing.values import LetterInput, check_letter
from storage.editing.words import say
from storage.models import BoardSnapshot
from tui.screens.form_base import FormScreen
from widgets.date_field import DateInput, readback
from widgets.form_field import FormField
from widgets.thai_input import ThaiInput


class LetterFormScreen(FormScreen):
    """Returns a ``LetterInput`` or None (cancelled)."""

    HELP = say("th", "edits.letter_help")

    @classmethod
    def for_lang(cls, snapshot: BoardSnapshot, today: date, lang: str) -> "LetterFormScreen":
        made = cls.localized_class(lang)
        made.HELP = say(lang, "edits.letter_help")
        return made(snapshot, today, lang)

    def __init__(self, snapshot: BoardSnapshot, today: date, lang: str) -> None:
        super().__init__(lang)
        self.snapshot, self.today = snapshot, today

    def compose(self) -> ComposeResult:
        s = self.lang
        with Vertical():
            yield Label(say(s, "edits.letter_title"), classes="form-title", markup=False)
            yield FormField(say(s, "edits.number"), ThaiInput(id="number", placeholder=say(s, "edits.number_ph")),
                            name="number", note=say(s, "edits.number_note"))
            yield FormField(say(s, "edits.date"), DateInput(id="date", placeholder=say(s, "edits.date_ph")),
                            name="date")
            yield FormField(say(s, "edits.subject"), ThaiInput(id="subject", placeholder=say(s, "edits.subject_ph")),
                            name="subject")
            yield FormField(say(s, "edits.issuer"), ThaiInput(id="issuer", placeholder=say(s, "edits.issuer_ph")),
                            name="issuer")
            yield self.form_error()
            yield self.hint()

    def on_mount(self) -> None:
        for box in self.query(Input):
            box.cursor_blink = False
        self.query_one("#number").focus()

    @on(Input.Changed, "#date")
    def _read_back(self, event: Input.Changed) -> None:
        self.say_back("date", readback(event.value, self.today, self.lang))

    def value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    def action_save(self) -> None:
        try:
            letter: LetterInput = check_letter(self.value("number"), self.value("date"), self.value("subject"),
                                               self.value("issuer"), today=self.today, snapshot=self.snapshot)
        except FormErrors as errors:
            self.show_errors(errors)
            return
        self.dismiss(letter)
