"""The main screen: agency list, board, search box, status line, footer.

Turns key presses into intents on the app (which alone talks to the store) and
pushes fresh plain values down into the widgets.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from storage.models import STATUSES
from tui.app_access import board_app
from tui.edit_keys import HAND_ACTION, edit_bindings
from widgets.agency_list import AgencyPane, AgencyRow
from widgets.board_grid import BoardGrid
from widgets.card_lines import CardLook
from widgets.i18n import help_text, keyed, localized, say, status_label, t
from widgets.kedmanee import QUIT_TWIN, thai_keys
from widgets.status_line import StatusLine
from widgets.thai_input import ThaiInput  # the cursor moves by grapheme cluster, so ที่ is never split

EDIT_ACTIONS = frozenset({"move", "set_status", "rank", "note", "undo", "import_letter", HAND_ACTION})
"""Actions refused (and shown dimmed) on a --read-only board."""

MIN_SIZE = (80, 24)

AGENCY_LIST_FROM = 120
"""Narrower terminals fold the agency list into the title line (``▾ ทั้งหมด``; ``a`` picks):
at 100 columns the list's 24 cells would leave each of four columns 17 cells."""

ALL_COLUMNS_FROM = 100
"""Narrower terminals show one status at a time, full width, the others as counts in the
header: at 80 columns four columns leave a card ~11 cells of text and no room for its date;
one column leaves it 60 and the date (tried both at 80×24 in tmux)."""

SMALL_ACTIONS = frozenset({"quit", "quit_hint", "help"})
"""All a too-small terminal allows: the board is hidden, so nothing may act on it unseen."""


def board_bindings(lang: str) -> list[Binding]:
    """Screen bindings with descriptions in ``lang``; every id is remappable."""
    status_pair = Binding.Group(t(lang, "key.group.status"), compact=True)  # one "<> status" in the footer
    return [
        keyed(lang, thai_keys("<,shift+left"), "move(-1)", "card.prev_status", group=status_pair),
        keyed(lang, thai_keys(">,shift+right"), "move(1)", "card.next_status", group=status_pair),
        *[keyed(lang, thai_keys(keys), f"set_status('{status}')", f"card.status_{status}",
                description=status_label(lang, status), show=False)
          for keys, status in zip(("1", "2", "3,minus", "4"), STATUSES)],
        keyed(lang, thai_keys("K,shift+up"), "rank(-1)", "card.rank_up", show=False),
        keyed(lang, thai_keys("J,shift+down"), "rank(1)", "card.rank_down", show=False),
        keyed(lang, "enter", "open", "card.open"),
        keyed(lang, thai_keys("n"), "note", "card.note"),
        keyed(lang, thai_keys("slash"), "slash", "board.search"),
        keyed(lang, thai_keys("f"), "filter_status", "board.filter_status", show=False),
        keyed(lang, thai_keys("o"), "filter_overdue", "board.filter_overdue", show=False),
        keyed(lang, thai_keys("c"), "compact", "board.compact", show=False),
        keyed(lang, thai_keys("u"), "undo", "board.undo"),
        keyed(lang, thai_keys("a"), "agencies", "board.agencies", show=False),
        keyed(lang, thai_keys("A"), "toggle_agency_list", "board.agency_list", show=False),
        keyed(lang, thai_keys("v"), "toggle_columns", "board.one_column", show=False),
        keyed(lang, thai_keys("r"), "review", "board.review", show=False),
        keyed(lang, thai_keys("L"), "log", "board.log", show=False),
        keyed(lang, thai_keys("i"), "import_letter", "board.import", show=False),
        *edit_bindings(lang),
        keyed(lang, "escape", "clear", "board.clear", show=False),
        keyed(lang, thai_keys("question_mark,f1"), "help", "app.help"),
        keyed(lang, "q", "quit", "app.quit"),
        keyed(lang, QUIT_TWIN, "quit_hint", "app.quit_thai", show=False),  # never quits (kedmanee.py)
        # ctrl+z is the shell's suspend (fg resumes), as in every terminal program: not undo.
        # Both are the app's (every dialog has them); here they get words in the key panel.
        keyed(lang, "ctrl+z", "app.suspend", "app.suspend", show=False),
        keyed(lang, "ctrl+l", "app.redraw", "app.redraw", show=False),
    ]


class BoardScreen(Screen[None]):
    """Agency list + board grid; the app supplies data and performs writes."""

    app = board_app()
    """The running BoardApp, typed (tui/app_access.py)."""

    HELP = help_text("th", "board")

    BINDINGS = board_bindings("th")
    """Thai; ``for_lang`` makes the screen for another language (one language per footer)."""

    @classmethod
    def for_lang(cls, lang: str) -> "BoardScreen":
        """A screen whose key descriptions are in ``lang``."""
        screen = localized(cls, lang, lambda: {"BINDINGS": board_bindings(lang), "HELP": help_text(lang, "board")})
        return screen(name="board")

    def __init__(self, name: str | None = None) -> None:
        super().__init__(name=name)
        self.thai_layout = False
        """True after the last letter typed was Thai: then '/' is the physical 2 key."""
        self.last_key = ""
        self.too_small = False
        """The terminal is under MIN_SIZE: the board is hidden and its keys are off."""
        self._focus_before = None
        self.agency_list_choice: bool | None = None
        """The officer's A: show (True) or fold (False) the agency list; None follows the width."""
        self.one_column_choice: bool | None = None
        """The officer's v: one status (True) or all four (False); None follows the width."""

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        # The layout class before the widgets mount: set after, it restyles every one of them
        # again before the first paint (issue 11); fit_layout() keeps it right from then on.
        self.set_class(not self.agency_list_shown, "-agencies-folded")
        yield Header(show_clock=False, icon="▦")
        with Horizontal(id="main"):
            yield AgencyPane.for_lang(lang)(lang, id="agencies", later=not self.agency_list_shown)
            with Vertical(id="board-area"):
                yield BoardGrid.for_lang(lang)(id="grid")
                search = ThaiInput(placeholder=t(lang, "search_prompt"), id="search")
                search.HELP = help_text(lang, "search")
                yield search
        yield Static("", id="too-small", markup=False)
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#search", Input).cursor_blink = False
        self.query_one("#search").display = False
        self.fit_layout()  # before the first paint: drawing the wide layout first cost a second frame
        self.app.redraw_board(full=True)
        self.query_one(BoardGrid).focus()
        self.call_after_refresh(self._agency_hint)  # once the bindings of the focus chain are known

    def _agency_hint(self) -> None:
        keys = self._key_of("board.agencies")
        self.query_one(AgencyPane).set_hint(t(self.app.lang, "safety.agency_filter_hint", keys=keys))

    def _key_of(self, binding_id: str) -> str:
        """How the footer shows the key bound to ``binding_id`` (it may be remapped)."""
        for active in self.active_bindings.values():
            if active.binding.id == binding_id and active.binding.key.isascii():
                return self.app.get_key_display(active.binding)
        return "?"

    def on_resize(self) -> None:
        w, h = self.app.size
        small = w < MIN_SIZE[0] or h < MIN_SIZE[1]
        # str: ASCII digits like the "80×24" written in the same sentence.
        self.query_one("#too-small", Static).update(t(self.app.lang, "too_small", w=str(w), h=str(h)))
        self.app.fit_mode()
        self.fit_layout()
        if small == self.too_small:
            return
        if small:  # hiding blurs the focused widget: give the focus back when the board returns
            self._focus_before = self.focused
        self.too_small = small
        self.set_class(small, "-too-small")
        self.refresh_bindings()
        if not small:
            before, self._focus_before = self._focus_before, None
            (before if before is not None and before.is_attached else self.query_one(BoardGrid)).focus()

    # ---- layout ---------------------------------------------------------------------------
    @property
    def agency_list_shown(self) -> bool:
        if self.agency_list_choice is not None:
            return self.agency_list_choice
        return self.app.size.width >= AGENCY_LIST_FROM

    def fit_layout(self) -> None:
        """Fold or show the agency list and pick one or four columns for this width."""
        width = self.app.size.width
        folded = not self.agency_list_shown
        if folded and self.query_one(AgencyPane).has_focus_within and not self.has_class("-picking"):
            self.query_one(BoardGrid).focus()  # the list is going away under the cursor
        self.set_class(folded, "-agencies-folded")
        if not folded:
            self.query_one(AgencyPane).build()
        one = self.one_column_choice if self.one_column_choice is not None else width < ALL_COLUMNS_FROM
        self.query_one(BoardGrid).set_one_column(one)
        self._show_picker()

    def _show_picker(self) -> None:
        """The title line names the agency shown while the list is folded."""
        if self.has_class("-agencies-folded"):
            label = self.query_one(AgencyPane).chosen_label()
            self.sub_title = f"{t(self.app.lang, 'layout.picker', agency=label)} · {self.app.sub_title}"
        else:
            self.sub_title = None

    def action_toggle_agency_list(self) -> None:
        self.agency_list_choice = not self.agency_list_shown
        self._close_picker()
        self.fit_layout()

    def action_toggle_columns(self) -> None:
        self.one_column_choice = not self.query_one(BoardGrid).one_column
        self.fit_layout()

    def _close_picker(self) -> bool:
        """Put the dropped-down agency list away; False if it was not open."""
        if not self.has_class("-picking"):
            return False
        self.remove_class("-picking")
        self.query_one(BoardGrid).focus()
        return True

    # ---- data down ------------------------------------------------------------------------
    def show_board(self, lanes, snapshot, look: CardLook, counts, keep: str | None,
                   changed: tuple[str, ...] = ()) -> None:
        self.query_one(BoardGrid).show(lanes, snapshot, look, keep=keep, counts=counts, steady=bool(changed))

    def choose_agency(self, agency_id: str | None) -> None:
        self.query_one(AgencyPane).choose(agency_id)
        self._show_picker()

    def show_agencies(self, rows: list[AgencyRow], all_progress: tuple[int, int]) -> None:
        self.query_one(AgencyPane).set_rows(rows, all_progress)
        self._show_picker()

    def show_status(self, message: str | None = None, badges: list[str] | None = None) -> None:
        line = self.query_one(StatusLine)
        if message is not None:
            line.show_message(message)
        if badges is not None:
            line.show_badges(badges)

    @property
    def card_id(self) -> str | None:
        return self.query_one(BoardGrid).card_id

    # ---- keys -----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.too_small and action not in SMALL_ACTIONS:
            return False  # hidden from the footer and not run: the board cannot be seen
        if action in EDIT_ACTIONS and self.app.read_only:
            return None  # shown dimmed in the footer, refused with a notice (on_key)
        return True

    def on_key(self, event) -> None:
        # With the grid focused every key was seen by tui/keyflow.py, which called note_key.
        if not isinstance(self.focused, BoardGrid):
            self.note_key(event)

    def note_key(self, event) -> None:
        """Remember the layout the officer types with (after a Thai key, '/' is the 2 key),
        and say why an editing key does nothing on a read-only board."""
        char = event.character or ""
        self.last_key = event.key
        if char:
            if "\u0e00" <= char <= "\u0e7f":
                self.thai_layout = True
            elif char.isascii() and char.isalpha():
                self.thai_layout = False
        if self.app.read_only and not self.too_small and isinstance(self.focused, BoardGrid):
            binding = self.active_bindings.get(event.key)
            if binding and binding.binding.action.split("(")[0] in EDIT_ACTIONS | {"slash"}:
                if binding.binding.action != "slash" or (self.thai_layout and event.key == "slash"):
                    self.app.notify(t(self.app.lang, "read_only_refused"), severity="warning")

    def type_into_agency_filter(self, text: str) -> None:
        """Thai typed on the board (tui/keyflow.ThaiTyping) filters the agencies: the box
        gets the focus now, so the next keys go there too, and the text typed so far."""
        from textual import events
        from textual.keys import _character_to_key

        self.action_agencies()
        box = self.query_one("#agency-filter", Input)
        for char in text:  # as keys, after the box's Focus: typing replaces an old filter
            box._forward_event(events.Key(_character_to_key(char), char))

    def action_move(self, step: int) -> None:
        self.app.move_by(self.card_id, step)

    def action_set_status(self, status: str) -> None:
        self.app.set_status(self.card_id, status)

    def action_rank(self, step: int) -> None:
        self.app.reorder(self.card_id, self.query_one(BoardGrid).column_ids(), step)

    def action_open(self) -> None:
        self.app.open_card(self.card_id)

    def action_note(self) -> None:
        self.app.ask_note(self.card_id)

    def action_undo(self) -> None:
        self.app.undo()

    def action_review(self) -> None:
        self.app.open_review(agency_id=self.app.agency)

    def action_log(self) -> None:
        """The activity log of the agency shown (all agencies: the whole board)."""
        self.app.open_log(agency_id=self.app.agency)

    def action_import_letter(self) -> None:
        self.app.import_letter()

    def action_hand(self, flow: str) -> None:
        """A hand edit (tui/edit_keys.py): the app runs the flow on the card under the cursor."""
        self.app.hand_edit(flow, self.card_id)

    def action_slash(self) -> None:
        """``/`` searches; with the Thai layout active it is the physical 2 key (status doing)."""
        if self.thai_layout and self.last_key == "slash":
            if self.app.read_only:
                return
            self.app.set_status(self.card_id, "doing")
        else:
            self.action_search()

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.display = True
        self.set_focus(box)  # now, not after the queued keys: they are the search (tui/keyflow.py)

    def action_filter_status(self) -> None:
        self.app.cycle_status_filter()

    def action_filter_overdue(self) -> None:
        self.app.toggle_overdue()

    def action_compact(self) -> None:
        self.app.toggle_compact()

    def action_agencies(self) -> None:
        if self.has_class("-agencies-folded"):
            self.add_class("-picking")  # the list drops down over the board, which keeps its width
        self.query_one(AgencyPane).build()
        self.set_focus(self.query_one("#agency-filter"))  # now: the next keys are the filter

    def action_clear(self) -> None:
        if self._close_picker():
            return  # Esc in the dropped-down list only puts it away
        box = self.query_one("#search", Input)
        box.value = ""
        box.display = False
        self.app.clear_filters()
        self.query_one(BoardGrid).focus()

    def action_help(self) -> None:
        if self.query("HelpPanel"):  # by name: importing HelpPanel loads Markdown and Pygments (issue 11)
            self.app.action_hide_help_panel()
        else:
            self.app.action_show_help_panel()

    def action_quit(self) -> None:
        self.app.exit()

    def action_quit_hint(self) -> None:
        self.app.notify(say(self.app.lang, "key.app.quit_thai.notice"), markup=False)

    # ---- widget intents -------------------------------------------------------------------
    @on(AgencyPane.Selected)
    def _agency(self, event: AgencyPane.Selected) -> None:
        event.stop()
        self.app.select_agency(event.agency_id)
        self._show_picker()

    @on(AgencyPane.Done)
    def _agency_done(self, event: AgencyPane.Done) -> None:
        event.stop()
        if not self._close_picker():
            self.query_one(BoardGrid).focus()

    @on(Input.Changed, "#search")
    def _search(self, event: Input.Changed) -> None:
        event.stop()
        self.app.search(event.value)

    @on(Input.Submitted, "#search")
    def _search_done(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value:
            self.query_one("#search").display = False
        self.query_one(BoardGrid).focus()
