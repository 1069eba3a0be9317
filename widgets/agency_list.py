"""The agency list: card count and a progress bar per agency, filter as you type."""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from widgets.i18n import digits, help_text, keyed, localized, t
from widgets.textfit import normalize, truncate
from widgets.thai_input import ThaiInput  # cursor moves by grapheme cluster

ALL = "__all__"
"""Option id of the all-agencies entry."""


class AgencyRow(NamedTuple):
    """What the list shows for one agency (plain values from the app).

    (A NamedTuple, not a frozen dataclass: as immutable, equal and hashable by value, and
    ~3 M instructions less to define before the first paint, issue 11.)"""

    agency_id: str
    name: str
    short: str
    done: int
    total: int
    aliases: tuple[str, ...] = ()


def pane_bindings(lang: str) -> list[Binding]:
    """Enter goes to the board; key-panel words in ``lang``."""
    return [keyed(lang, "enter", "to_board", "agencies.to_board", show=False)]


def progress_bar(done: int, total: int, cells: int = 3) -> str:
    """A text bar such as ``▓▓░`` (readable without colour)."""
    filled = round(cells * done / total) if total else 0
    return "▓" * filled + "░" * (cells - filled)


def _names(row: AgencyRow) -> tuple:
    """What of a row the filter reads and the list orders by (not its counts)."""
    return row.agency_id, row.name, row.short, row.aliases


class AgencyOptions(OptionList):
    """The option list; printable keys go to the filter box (type to filter)."""

    class TypedAhead(Message):
        # Messages are plain classes, not dataclasses: each dataclass cost ~2 M instructions
        # at import, before the first paint (issue 11).
        def __init__(self, options: "AgencyOptions", character: str) -> None:
            self.options = options
            self.character = character
            super().__init__()

        @property
        def control(self) -> "AgencyOptions":
            return self.options

    def on_key(self, event) -> None:
        if event.is_printable and event.character and event.character not in "jk่า":
            event.stop()
            event.prevent_default()
            self.post_message(self.TypedAhead(self, event.character))


class AgencyPane(Vertical):
    """Filter box over the agency list; posts ``Selected`` as the highlight moves."""

    HELP = help_text("th", "agencies")

    BINDINGS = pane_bindings("th")

    @classmethod
    def for_lang(cls, lang: str) -> type["AgencyPane"]:
        """The pane class whose key words and help are in ``lang``."""
        return localized(cls, lang, lambda: {"BINDINGS": pane_bindings(lang), "HELP": help_text(lang, "agencies")})

    DEFAULT_CSS = """
    AgencyPane { width: 24; border-right: vkey $foreground 30%; }
    AgencyPane Input { border: none; height: 1; padding: 0 0; }
    /* Input:focus (a pseudo-class) outranks the rule above and brought back the 3-row tall
       border, leaving no row for the text in a 1-row box: typed names were invisible. */
    AgencyPane Input:focus { border: none; height: 1; padding: 0 0; background: $boost; }
    AgencyPane OptionList { border: none; height: 1fr; padding: 0; scrollbar-size-vertical: 1; }
    """

    class Selected(Message):
        """The user picked an agency (None: all agencies)."""

        def __init__(self, pane: "AgencyPane", agency_id: str | None) -> None:
            self.pane = pane
            self.agency_id = agency_id
            super().__init__()

        @property
        def control(self) -> "AgencyPane":
            return self.pane

    def __init__(self, lang: str = "th", *, id: str | None = None, later: bool = False) -> None:
        super().__init__(id=id)
        self._later = later
        """Folded at start (a narrow terminal): the filter box and the list are composed right
        after the first frame, which shows neither (issue 11: their widgets and CSS were a
        tenth of the board screen's cost before its first paint); ``build`` makes them at once
        when something needs them sooner."""
        self.lang = lang
        self.rows: list[AgencyRow] = []
        self.all_progress = (0, 0)
        self.selected: str | None = None
        self._hint = ""

    def compose(self) -> ComposeResult:
        if not self._later:
            yield from self._parts()

    def on_mount(self) -> None:
        if self._later:
            self.call_after_refresh(self.build)

    def build(self) -> None:
        """The filter box and the list, if they were left for after the first frame."""
        if not self._later:
            return
        self._later = False
        self.mount(*self._parts())  # registered at once: queries and focus work from here on
        if self._hint:
            self.set_hint(self._hint)
        if self.rows:
            self._rebuild()

    def _parts(self) -> ComposeResult:
        box = ThaiInput(placeholder=t(self.lang, "filter_agencies"), id="agency-filter")
        box.cursor_blink = False
        box.HELP = self.HELP  # the filter box's help is the pane's, not a generic text field's
        yield box
        yield AgencyOptions(id="agency-options")

    def set_hint(self, hint: str) -> None:
        """What the empty box says while the focus is elsewhere: how to get to it (typing
        on the cards does not filter — a "type to filter" label there misled officers)."""
        self._hint = hint
        if self._later:
            return
        box = self.query_one("#agency-filter", Input)
        if not box.has_focus:
            box.placeholder = hint

    def on_descendant_focus(self, event) -> None:
        if getattr(event.widget, "id", None) == "agency-filter":
            event.widget.placeholder = t(self.lang, "filter_agencies")

    def on_descendant_blur(self, event) -> None:
        if getattr(event.widget, "id", None) == "agency-filter" and self._hint:
            event.widget.placeholder = self._hint

    def set_rows(self, rows: list[AgencyRow], all_progress: tuple[int, int]) -> None:
        """New counts and bars; keeps the filter and the highlighted agency.

        Redraws only what changed: most writes (a move between two open statuses, a note)
        change no count, and a card done changes one agency's row and the total's.
        """
        old_rows, old_all = self.rows, self.all_progress
        if rows == old_rows and all_progress == old_all:
            return
        self.rows, self.all_progress = rows, all_progress
        if self._later:
            return
        if [_names(r) for r in rows] != [_names(r) for r in old_rows]:
            self._rebuild()  # names, order or agencies changed: the filter may match others
            return
        changed = [new.agency_id for new, old in zip(rows, old_rows) if new != old]
        self._replace_prompts(changed + ([ALL] if all_progress != old_all else []))

    def _replace_prompts(self, option_ids: list[str]) -> None:
        if self._later:
            return
        options = self.query_one(AgencyOptions)
        for option_id in option_ids:
            try:
                options.replace_option_prompt(option_id, self._prompt(option_id))
            except OptionDoesNotExist:  # filtered out of the list
                pass

    def choose(self, agency_id: str | None) -> None:
        """Highlight ``agency_id`` (None: all agencies), clearing a filter that hides it."""
        self.selected = agency_id
        if self._later:
            return
        box = self.query_one("#agency-filter", Input)
        with box.prevent(Input.Changed):
            box.value = ""
        self._rebuild()

    def chosen_label(self) -> str:
        """The agency shown, as the title line names it (short name first)."""
        row = next((r for r in self.rows if r.agency_id == self.selected), None)
        return (row.short or row.name) if row else t(self.lang, "all")

    def on_resize(self) -> None:
        # Labels are padded to the pane's width, unknown before the first layout: redo them,
        # or the first refresh afterwards shifts every bar by a cell.
        if self.rows and not self._later:
            self._rebuild()

    def _label(self, name: str, done: int, total: int, chosen: bool = False) -> Text:
        # Pane width minus its border and a 1-cell scrollbar (40 agencies overflow 24 rows).
        width = max(8, (self.size.width or 24) - 2)
        count = " " + digits(self.lang, total).rjust(3)
        bar = progress_bar(done, total)
        room = width - cell_len(bar) - cell_len(count) - 2
        name = truncate(name, room)
        # ▸ marks the agency the board shows: a shade alone is lost under NO_COLOR.
        label = Text.assemble(("▸" if chosen else " ", "bold"), name, " " * (room - cell_len(name) + 1),
                              (bar, "green"), count)
        label.no_wrap, label.overflow = True, "ellipsis"
        return label

    def _rebuild(self) -> None:
        if self._later:
            return
        options = self.query_one(AgencyOptions)
        query = normalize(self.query_one("#agency-filter", Input).value.strip())
        shown = [r for r in self.rows if not query or any(
            query in normalize(x) for x in (r.name, r.short, *r.aliases))]
        items = [Option(self._prompt(ALL), id=ALL)]
        items += [Option(self._row_prompt(r), id=r.agency_id) for r in shown]
        options.set_options(items)
        ids = [o.id for o in items]
        if self.selected in ids:
            options.highlighted = ids.index(self.selected)
        else:  # filtering: jump to the first match, so Enter picks it
            options.highlighted = 1 if query and len(ids) > 1 else 0

    def _prompt(self, option_id: str) -> Text:
        if option_id == ALL:
            return self._label(t(self.lang, "all"), *self.all_progress, chosen=not self.selected)
        return self._row_prompt(next(r for r in self.rows if r.agency_id == option_id))

    def _row_prompt(self, row: AgencyRow) -> Text:
        # _rebuild passes each row itself: finding it by id again made a rebuild quadratic.
        return self._label(row.short or row.name, row.done, row.total, chosen=row.agency_id == (self.selected or ALL))

    def _mark(self, old: str | None, new: str | None) -> None:
        """Move the ▸ from ``old``'s row to ``new``'s (None: all agencies)."""
        self._replace_prompts([old or ALL, new or ALL])

    @on(Input.Changed, "#agency-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._rebuild()

    @on(Input.Submitted, "#agency-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_to_board()

    @on(AgencyOptions.TypedAhead)
    def _typed(self, event: AgencyOptions.TypedAhead) -> None:
        box = self.query_one("#agency-filter", Input)
        box.value += event.character
        box.cursor_position = len(box.value)
        box.focus()

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        agency_id = None if event.option.id == ALL else event.option.id
        if agency_id != self.selected:
            old, self.selected = self.selected, agency_id
            self._mark(old, agency_id)
            self.post_message(self.Selected(self, agency_id))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_to_board()

    def on_key(self, event) -> None:
        # Up/down in the filter box move the list highlight, so filtering and choosing flow.
        if not self._later and self.query_one("#agency-filter").has_focus and event.key in ("up", "down"):
            event.stop()
            options = self.query_one(AgencyOptions)
            options.action_cursor_down() if event.key == "down" else options.action_cursor_up()

    class Done(Message):
        """The user finished choosing; the screen moves the focus to the board."""

        def __init__(self, pane: "AgencyPane") -> None:
            self.pane = pane
            super().__init__()

        @property
        def control(self) -> "AgencyPane":
            return self.pane

    def action_to_board(self) -> None:
        self.post_message(self.Done(self))
