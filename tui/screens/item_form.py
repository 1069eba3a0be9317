"""An item typed or corrected by hand: its text (several lines, a grapheme-aware cursor, a
paste keeps every line), due date (typed any way, read back in B.E.), recurrence and — for a
new item — its agencies, picked from the board's agencies or created by name.

Dismisses with a checked ``ItemInput`` (or None); the app writes only what changed.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, TextArea

from storage.editing.errors import FormErrors
from storage.editing.values import NONE_WORDS, AgencyChoice, ItemInput, check_item
from storage.editing.words import say
from storage.models import Agency, Item
from tui.screens.agency_picker import AgencyPickerScreen
from tui.screens.form_base import FormScreen
from widgets.agency_choices import AgencyChoices
from widgets.date_field import DateInput, readback
from widgets.form_field import FormField
from widgets.thai_input import ThaiInput
from widgets.thai_text_area import ThaiTextArea


def typed_due(iso: str | None) -> str:
    """A stored due date as the field shows it for correcting: ``30/9/2568`` (B.E.)."""
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day}/{day.month}/{day.year + 543}"


class ItemFormScreen(FormScreen):
    """Returns an ``ItemInput`` or None (cancelled)."""

    HELP = say("th", "edits.item_help")

    @classmethod
    def for_lang(cls, lang: str, today: date, *, title: str, item: Item | None = None,
                 agencies: tuple[Agency, ...] = (), choices: tuple[AgencyChoice, ...] = (),
                 with_agencies: bool = False, not_before: date | None = None) -> "ItemFormScreen":
        made = cls.localized_class(lang)
        made.HELP = say(lang, "edits.item_help")
        return made(lang, today, title=title, item=item, agencies=agencies, choices=choices,
                    with_agencies=with_agencies, not_before=not_before)

    def __init__(self, lang: str, today: date, *, title: str, item: Item | None = None,
                 agencies: tuple[Agency, ...] = (), choices: tuple[AgencyChoice, ...] = (),
                 with_agencies: bool = False, not_before: date | None = None) -> None:
        super().__init__(lang)
        self.today, self.title_text, self.item = today, title, item
        self.not_before = not_before
        """The letter's date: a due date typed without a year falls on or after it."""
        self.agencies, self.choices, self.with_agencies = tuple(agencies), tuple(choices), with_agencies

    def compose(self) -> ComposeResult:
        s, item = self.lang, self.item
        with Vertical():
            yield Label(self.title_text, classes="form-title", markup=False)
            text = ThaiTextArea(item.text if item else "", id="text")
            text.cursor_blink = False
            yield FormField(say(s, "edits.text"), text, name="text")
            yield FormField(say(s, "edits.due"), DateInput(typed_due(item.due if item else None), id="due",
                                                          placeholder=say(s, "edits.due_ph")),
                            name="due", note=say(s, "edits.due_note"))
            yield FormField(say(s, "edits.recurrence"),
                            ThaiInput((item.recurrence or "") if item else "", id="recurrence",
                                      placeholder=say(s, "edits.recurrence_ph")), name="recurrence")
            if self.with_agencies:
                yield FormField(say(s, "edits.agencies"),
                                AgencyChoices.for_lang(s)(s, self.choices, id="agencies"), name="agencies")
            yield self.form_error()
            yield self.hint()

    def on_mount(self) -> None:
        for box in self.query(Input):
            box.cursor_blink = False
        self._read_back(self.query_one("#due", Input).value)
        text = self.query_one("#text", TextArea)
        text.move_cursor(text.document.end)  # like the one-line fields: typing goes on after the text
        text.focus()

    @on(Input.Changed, "#due")
    def _due_changed(self, event: Input.Changed) -> None:
        self._read_back(event.value)

    def _read_back(self, text: str) -> None:
        if text.strip().casefold() in NONE_WORDS:
            self.say_back("due", say(self.lang, "edits.no_due"))
        else:
            self.say_back("due", readback(text, self.today, self.lang, self.not_before))

    @on(AgencyChoices.AddRequested)
    def _add_agency(self, event: AgencyChoices.AddRequested) -> None:
        event.stop()
        listing = event.choices
        taken = frozenset(c.agency_id for c in listing.choices if c.agency_id)
        role = "support" if listing.choices else "lead"  # the first agency of an item usually leads

        def picked(choice: AgencyChoice | None) -> None:
            if choice is not None:
                listing.add(choice)
            listing.focus()

        self.app.push_screen(AgencyPickerScreen.for_lang(self.agencies, self.lang, role=role, exclude=taken), picked)

    def action_save(self) -> None:
        text = self.query_one("#text", ThaiTextArea).text
        due = self.query_one("#due", Input).value
        rhythm = self.query_one("#recurrence", Input).value
        choices = self.query_one("#agencies", AgencyChoices).choices if self.with_agencies else ()
        try:
            value: ItemInput = check_item(text, due, rhythm, choices, today=self.today,
                                          need_agency=self.with_agencies, not_before=self.not_before)
        except FormErrors as errors:
            self.show_errors(errors)
            return
        self.dismiss(value)
