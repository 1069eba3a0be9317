"""The shape every hand-edit form shares: fields with their errors beside them, ctrl+s to
save and Esc to cancel, Enter in a one-line field going on to the next.

A form never writes: ``save()`` checks what was typed with the pure checks of
``storage.editing.values`` and dismisses with a plain value, or shows each error beside its
field and keeps everything typed. The app saves the value.
"""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from storage.editing.errors import EditError, FormErrors
from storage.editing.words import say
from widgets.form_field import FormField
from widgets.thai_input import ThaiInput
from widgets.i18n import keyed, localized


def typed(field) -> str:
    """The text of a form's input (an Input's value, a TextArea's text)."""
    return str(getattr(field, "value", getattr(field, "text", "")))


def form_bindings(lang: str) -> list[Binding]:
    return [keyed(lang, "ctrl+s", "save", "form.save"), keyed(lang, "escape", "cancel", "form.cancel")]


class FormScreen(ModalScreen):
    """Base of the forms; subclasses compose ``FormField``s and implement ``save``."""

    BINDINGS = form_bindings("th")

    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > Vertical { width: 78; max-width: 100%; height: auto; max-height: 100%;
                            border: thick $accent; background: $surface; padding: 0 1; }
    FormScreen .form-title { text-style: bold; width: 100%; }
    FormScreen .form-hint { color: $text-muted; width: 100%; }
    FormScreen .form-error { color: $error; text-style: bold; }
    """

    @classmethod
    def bindings_for(cls, lang: str) -> list[Binding]:
        return form_bindings(lang)

    @classmethod
    def localized_class(cls, lang: str) -> type:
        return localized(cls, lang, BINDINGS=cls.bindings_for(lang))

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def hint(self) -> Label:
        return Label(say(self.lang, "edits.form_hint"), classes="form-hint", markup=False)

    def form_error(self) -> Static:
        line = Static("", id="form-error", classes="form-error", markup=False)
        line.display = False
        return line

    def on_mount(self) -> None:
        for box in self.query(ThaiInput):
            box.enter_moves_on = True  # keys typed right after Enter belong to the next field

    def fields(self) -> list[FormField]:
        return list(self.query(FormField))

    def field(self, name: str) -> FormField:
        return self.query_one(f"#field-{name}", FormField)

    def show_errors(self, errors: FormErrors | EditError) -> None:
        """Each message beside its field (a message of no field above the hint); the first
        wrong field gets the focus. What was typed stays."""
        found = errors.errors if isinstance(errors, FormErrors) else (errors,)
        by_field: dict[str, str] = {}
        for error in found:
            by_field.setdefault(error.field, error.say(self.lang))
        first = None
        for box in self.fields():
            if box.field_name in by_field:
                box.show_error(by_field.pop(box.field_name))
                box.error_for = typed(box.field)
                first = first or box
            elif box.has_error:
                box.show_note("")
        general = self.query_one("#form-error", Static)
        general.update("\n".join(f"⚠ {text}" for text in by_field.values()))
        general.display = bool(by_field)
        if first is not None:
            first.field.focus()

    def say_back(self, name: str, text: str) -> None:
        """What field ``name`` says back while typing (a date read back in B.E.). An error
        stays until the field's text changes: a read-back of what was typed before the save
        (its message can arrive after the save when keys come together) must not hide it."""
        box = self.field(name)
        if box.has_error and box.error_for == typed(box.field):
            return
        box.show_note(text)

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        """Enter in a one-line field: on to the next field; in the last one, save."""
        event.stop()
        boxes = [b for b in self.fields() if b.field.focusable]
        at = next((k for k, b in enumerate(boxes) if b.field is event.input), None)
        if at is None or at + 1 >= len(boxes):
            self.action_save()
        elif self.focused is event.input:  # a ThaiInput has moved on already (key_order)
            boxes[at + 1].field.focus()

    def action_save(self) -> None:  # pragma: no cover - every form has its own
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)
