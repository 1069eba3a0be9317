"""Small dialogs of the review screen: the agency jump list and the 'since' prompt."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from widgets.i18n import help_text, say
from widgets.textfit import normalize
from widgets.thai_input import ThaiInput  # the cursor moves by grapheme cluster


class JumpScreen(ModalScreen[str | None]):
    """Type to filter the agencies, ↑/↓ to choose, Enter to go; dismisses with the agency id."""

    BINDINGS = [
        Binding("escape", "cancel", show=False, id="review.jump_cancel"),
        Binding("down", "step(1)", show=False, id="review.jump_down"),
        Binding("up", "step(-1)", show=False, id="review.jump_up"),
    ]
    DEFAULT_CSS = """
    JumpScreen { align: center middle; }
    JumpScreen > Vertical { width: 60; max-width: 100%; height: 80%; border: thick $accent; background: $surface; }
    JumpScreen OptionList { height: 1fr; }
    """

    def __init__(self, lang: str, agencies: list[tuple[str, str, str]]) -> None:
        """``agencies``: (id, short name, full name) in page order."""
        super().__init__()
        self.lang, self.agencies = lang, agencies

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(say(self.lang, "meeting.review.jump_title"), markup=False)
            box = ThaiInput(id="jump-filter")
            box.cursor_blink, box.HELP = False, help_text(self.lang, "text_field")
            yield box
            yield OptionList(*self._options(""), id="jump-list")

    def _options(self, query: str) -> list[Option]:
        key = normalize(query)
        return [Option(f"{short or name}  ·  {name}" if short else name, id=aid)
                for aid, short, name in self.agencies if not key or key in normalize(f"{short} {name}")]

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0 if self.agencies else None

    @on(Input.Changed, "#jump-filter")
    def _filter(self, event: Input.Changed) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options(event.value))
        options.highlighted = 0 if options.option_count else None

    def action_step(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            options.highlighted = ((options.highlighted or 0) + step) % options.option_count

    @on(Input.Submitted, "#jump-filter")
    @on(OptionList.OptionSelected)
    def _chosen(self, event) -> None:
        event.stop()
        options = self.query_one(OptionList)
        if options.highlighted is not None and options.option_count:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SincePrompt(ModalScreen[str | None]):
    """One line: the day the review counts changes from. Dismisses with the typed text."""

    BINDINGS = [Binding("escape", "cancel", show=False, id="review.since_cancel")]
    DEFAULT_CSS = """
    SincePrompt { align: center middle; }
    SincePrompt > Vertical { width: 70; max-width: 100%; height: auto; border: thick $accent; background: $surface; }
    """

    def __init__(self, lang: str, current: str) -> None:
        super().__init__()
        self.lang, self.current = lang, current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(say(self.lang, "meeting.review.since_prompt"), markup=False)
            box = ThaiInput(self.current, id="since-text")
            box.cursor_blink, box.HELP = False, help_text(self.lang, "text_field")
            yield box

    @on(Input.Submitted)
    def _done(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
