"""The board app: owns the BoardStore (the only code that writes), the card index,
the undo stack and live reloading; screens and widgets get plain values.
"""

from __future__ import annotations

import argparse
import gc
from collections import deque
from collections.abc import Callable, Iterable
from datetime import date

from textual import events
from textual.app import App, SystemCommand

from storage.errors import BoardError, user_message
from storage.models import STATUSES, BoardSnapshot, Card
from tui import actions, meeting
from tui.commands import BoardCommands, system_commands
from tui.keymap import thai_key_display
from tui.following import FollowsOthers
from tui.keyflow import KeyFlow
from tui.live import DiskFollower
from tui.screens.board import BoardScreen
from tui.terminal_diff import MirroredApp
from widgets.agency_list import AgencyRow
from widgets.board_index import BoardFilter, BoardIndex
from widgets.card_lines import CardLook
from widgets.i18n import t
from widgets.key_order import KeysAfterSubmit

NORMAL_FROM = (120, 32)
"""Normal (multi-line) cards from this size up; smaller terminals get compact mode, one
line per card (at 80×24 that is ≥ 15 cards; a 4-row card would show 5 per column)."""


def compact_for(width: int, height: int) -> bool:
    """The mode a terminal of this size starts in (and follows until the user picks one)."""
    return width < NORMAL_FROM[0] or height < NORMAL_FROM[1]

UNDO_DEPTH = 100
"""How many changes `u` can take back (memory stays flat however long the meeting)."""

POLL_SECONDS = 2.0
"""Fallback: how often the app itself asks the store whether the board changed on disk.

The follower (tui/live.py: watchfiles + its own 1 s stat poll, debounced) normally reports first; this
slower poll only matters if the watcher could not start or missed a change on NFS/SMB."""


DATE_CHECK_SECONDS = 30.0
"""How often the app asks whether the day changed (a meeting that runs past midnight)."""


class BoardApp(FollowsOthers, MirroredApp):
    """Directive Board: a keyboard-first kanban grouped by agency."""

    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {BoardCommands}

    def __init__(self, store, *, lang: str = "th", read_only: bool = False,
                 today: date | None = None, keymap: dict[str, str] | None = None,
                 poll_seconds: float = POLL_SECONDS, watch_files: bool = True, start: str | None = None,
                 start_agency: str | None = None, since: date | None = None,
                 clock: Callable[[], date] | None = None) -> None:
        super().__init__()
        self.start = (start, start_agency, since)
        """``("review", agency, since)``: open on the review screen (``board review``)."""
        self.store = store
        self.lang = lang
        self.read_only = read_only
        self.clock = clock or (None if today else date.today)
        """Where today comes from, asked again every minute (tui/following.py follow_date);
        None: ``today`` was fixed by the caller (tests) and never rolls over."""
        self.today = today or self.clock()
        self.poll_seconds = poll_seconds
        self.watch_files = watch_files
        """Follow the board's folders after the first paint (off: only the fallback poll; not ``watch``,
        which is Textual's DOMNode.watch)."""
        self._follower = DiskFollower(self, self.poll_disk)
        self.keys = KeyFlow(self)
        """Keys in the order typed: bindings on the board, dialogs, Thai typing (tui/keyflow.py)."""
        self.crash_message = ""
        """Set when an unexpected error closed the app: the one line run_tui prints."""
        self.snapshot: BoardSnapshot = store.snapshot()
        self.index = BoardIndex(self.snapshot, store.cached_columns())
        self.agency: str | None = None
        self.filter = BoardFilter()
        self.compact: bool | None = None
        """One line per card; None until the first paint picks it from the terminal size."""
        self.compact_chosen = False
        """True once the officer toggled the mode: resizing no longer changes it."""
        self._told: set[str] = set()
        """Bad files and conflict copies already notified (each is said once)."""
        self._file_badges: list[str] = []
        self.undo_stack: deque = deque(maxlen=UNDO_DEPTH)
        """This session's changes (``store.last_change`` of each write); undo takes the last back."""
        self.title = t(lang, "title")
        self.sub_title = f"{store.path.name} · {store.user}" + (f" · {t(lang, 'read_only')}" if read_only else "")
        if keymap:
            self.set_keymap(keymap)

    async def on_event(self, event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self.keys.dispatch(event)  # in the order typed (tui/keyflow.py)
        else:
            await super().on_event(event)

    async def deliver_key(self, event) -> None:
        """Textual's own handling of a key (priority bindings, then the focused widget)."""
        await super().on_event(event)

    def push_screen(self, screen, *args, **kwargs):
        """Every dialog gets the keys typed right after the key that opened it."""
        shown = super().push_screen(screen, *args, **kwargs)
        self.keys.dialog_opened(self.screen)
        return shown

    def get_key_display(self, binding) -> str:
        """Thai keys by their character (◌้ for marks), not ``thai_character_mai_tho``."""
        shown = None if binding.key_display else thai_key_display(binding.key)
        return shown or super().get_key_display(binding)

    def get_system_commands(self, screen) -> Iterable[SystemCommand]:
        """Textual's own palette commands (Keys, Quit, Theme…), in Thai for the Thai interface."""
        commands = super().get_system_commands(screen)
        return system_commands(commands, self.lang)

    def action_command_palette(self) -> None:
        """Textual's palette, with its search prompt in the interface language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=t(self.lang, "palette_prompt"), id="--command-palette"))

    def get_default_screen(self) -> BoardScreen:
        return BoardScreen.for_lang(self.lang)

    @property
    def board(self) -> BoardScreen:
        """The board screen: always at the bottom of the stack, under any modal."""
        return self.screen_stack[0]  # type: ignore[return-value]

    def on_mount(self) -> None:
        if self.start[0] == "review":
            self.open_review(agency_id=self.start[1], since=self.start[2], quit_on_close=True)
        self.check_files()
        self.set_interval(self.poll_seconds, self.poll_disk, name="poll-board")
        self.set_interval(DATE_CHECK_SECONDS, self.follow_date, name="follow-date")
        if self.watch_files:  # after the first paint: following the disk is not part of it
            self.call_after_refresh(self._follower.start, self.store.watch_paths())
        self.call_after_refresh(resume_collector)

    def on_keys_after_submit(self, message: KeysAfterSubmit) -> None:
        """Keys typed right after Enter in a dialog or a form's last field, handed on once
        the screen has acted on the Enter (widgets/key_order.py)."""
        for key in message.release():
            self.post_message(key)

    def on_unmount(self) -> None:
        self._follower.stop()

    def exit(self, *args, **kwargs) -> None:
        self._follower.stop()  # before the screens go: a late refresh must find nothing to do
        super().exit(*args, **kwargs)

    def _handle_exception(self, error: Exception) -> None:
        """An error nobody foresaw: never Textual's traceback with every local (the board's
        data, maybe on a projector) — see tui/crash.py."""
        from tui.crash import close_after_crash

        self._follower.stop()
        close_after_crash(self, error)

    # ---- drawing --------------------------------------------------------------------------
    def look(self) -> CardLook:
        if self.compact is None:
            self.compact = compact_for(*self.size)
        return CardLook(self.lang, self.today, self.compact, self.agency is None, self.filter.query,
                        len(self.snapshot.directives) > 1)

    def redraw_board(self, *, keep: str | None = None, changed: tuple[str, ...] = (), full: bool = False) -> None:
        """Push the current view down to the board screen."""
        screen = self.board
        lanes = self.index.lanes(self.agency, self.filter, self.today)
        keep = keep or screen.card_id
        screen.show_board(lanes, self.snapshot, self.look(), self.index.status_counts(lanes), keep, changed)
        if full or changed:
            self.redraw_agencies()
        screen.show_status(badges=self._badges())
        self._follow_detail()
        meeting.follow(self)

    def redraw_agencies(self) -> None:
        rows = []
        for aid in self.index.agency_order:
            agency = self.snapshot.agencies[aid]
            progress = self.index.progress(aid)
            rows.append(AgencyRow(aid, agency.name, agency.short, progress.done, progress.total, agency.aliases))
        self.board.show_agencies(rows, (sum(r.done for r in rows), sum(r.total for r in rows)))

    def _badges(self) -> list[str]:
        return actions.view_badges(self.filter, self.read_only, self.lang) + self._file_badges

    # ---- view state -----------------------------------------------------------------------
    def select_agency(self, agency_id: str | None) -> None:
        self.agency = agency_id
        self.redraw_board()

    def search(self, query: str) -> None:
        self.filter = self.filter._replace(query=query.strip())
        self.redraw_board()

    def cycle_status_filter(self) -> None:
        order = (None, *STATUSES)
        status = order[(order.index(self.filter.status) + 1) % len(order)]
        self.filter = self.filter._replace(status=status)
        self.redraw_board()

    def toggle_overdue(self) -> None:
        self.filter = self.filter._replace(overdue=not self.filter.overdue)
        self.redraw_board()

    def clear_filters(self) -> None:
        self.filter = BoardFilter()
        self.redraw_board()

    def toggle_compact(self) -> None:
        self.compact = not self.compact
        self.compact_chosen = True
        self.redraw_board()

    def fit_mode(self) -> None:
        """On resize: follow the terminal's size unless the officer chose a mode."""
        if self.compact is None or self.compact_chosen:
            return
        compact = compact_for(*self.size)
        if compact != self.compact:
            self.compact = compact
            self.redraw_board()

    # ---- writes (the only place the store is changed) -------------------------------------
    def refused(self, card_id: str | None) -> bool:
        """True (and the officer told why) when no card is under the cursor or the board is read-only."""
        if card_id is None:
            self.notify(t(self.lang, "no_card"), severity="warning")
        return card_id is None or self.refused_read_only()

    def refused_read_only(self) -> bool:
        if self.read_only:
            self.notify(t(self.lang, "read_only_refused"), severity="warning")
        return self.read_only

    def _write(self, card_id: str | None, write, *, undoable: bool = True, redraw: bool = True) -> Card | None:
        """Run one store write; ``redraw=False`` when the caller redraws once after several."""
        if self.refused(card_id):
            return None
        old = self.snapshot.cards.get(card_id)
        if old is None:  # another replica deleted it (an undo, a note typed meanwhile): leave it gone
            self.notify(t(self.lang, "safety.card_gone"), severity="warning")
            return None
        try:
            new = write()
        except (BoardError, OSError) as error:  # a full disk or a vanished share: say so, keep running
            self.notify(user_message(error, self.lang), severity="error", markup=False)
            return None
        if undoable and self.store.last_change is not None:
            self.undo_stack.append(self.store.last_change)
        self.snapshot = self.store.snapshot()
        self.index.update(self.snapshot, old, new)
        if redraw:
            self.redraw_board(keep=new.id, changed=(new.id,))
        return new

    def set_status(self, card_id: str | None, status: str) -> None:
        card = self.snapshot.cards.get(card_id) if card_id else None
        if card is not None and card.status == status:
            return
        self._write(card_id, lambda: self.store.move(card_id, status))

    def move_by(self, card_id: str | None, step: int) -> None:
        card = self.snapshot.cards.get(card_id) if card_id else None
        if card is None:
            self.refused(None)
            return
        at = STATUSES.index(card.status) + step
        if 0 <= at < len(STATUSES):
            self.set_status(card_id, STATUSES[at])

    def reorder(self, card_id: str | None, column: list[str], step: int) -> None:
        if self.refused(card_id):
            return
        plan = actions.rank_plan(self.snapshot, column, card_id, step)
        written = []  # a renumbered column is many writes: draw the board once, after all of them
        for other_id, rank in plan:
            if self._write(other_id, lambda o=other_id, r=rank: self.store.set_rank(o, r),
                           undoable=other_id == card_id, redraw=False):
                written.append(other_id)
        if plan:
            self.redraw_board(keep=card_id, changed=tuple(written))

    def undo(self) -> None:
        if not self.undo_stack:
            self.notify(t(self.lang, "nothing_to_undo"))
            return
        if self.refused_read_only():
            return
        # Undo takes back one change of ours, and only if nobody changed those fields since:
        # it never overwrites another officer's later move (the store refuses, we say why).
        if self.edit(lambda: self.store.undo(self.undo_stack.pop()), undoable=False) is not None:
            self.notify(t(self.lang, "undone"))

    def add_note(self, card_id: str, text: str) -> None:
        if not text.strip():
            return
        if self._write(card_id, lambda: self._note_and_card(card_id, text), undoable=False):
            self.notify(t(self.lang, "saved_note"))

    def _note_and_card(self, card_id: str, text: str) -> Card:
        self.store.add_note(card_id, text.strip())
        return self.store.snapshot().cards[card_id]

    # ---- modal screens --------------------------------------------------------------------
    def open_card(self, card_id: str | None) -> None:
        if card_id:
            from tui.screens.card_detail import CardDetailScreen

            self.push_screen(CardDetailScreen.for_lang(self.snapshot, card_id, lang=self.lang, today=self.today))

    def open_review(self, **kwargs) -> None:
        meeting.open_review(self, **kwargs)

    def open_log(self, **kwargs) -> None:
        meeting.open_log(self, **kwargs)

    def ask_note(self, card_id: str | None) -> None:
        if self.refused(card_id):
            return
        from tui.screens.note_input import NoteScreen

        self.push_screen(NoteScreen.for_lang(self.lang, actions.card_name(self.snapshot, card_id, self.lang)),
                         lambda text: self.add_note(card_id, text or ""))

    def import_letter(self) -> None:
        actions.start_import(self)

    def records_added(self) -> None:
        """Rebuild after an import or a hand edit (agencies, items and cards added, changed or gone)."""
        self.snapshot = self.store.snapshot()
        self.index = BoardIndex(self.snapshot)
        self.redraw_board(full=True, changed=tuple(self.snapshot.cards))

    def hand_edit(self, flow: str, card_id: str | None) -> None:
        """Run a hand-edit flow (tui/edit_keys.py) on the card under the cursor."""
        from tui import edit_flows  # with the hand-edit forms' values: at the first hand edit, not at start

        edit_flows.run(self, flow, card_id)

    def edit(self, write, *, undoable: bool = True):
        """One hand edit through the store (see edit_flows.apply): its result, or None."""
        from tui import edit_flows

        return edit_flows.apply(self, write, undoable)

    def go_to_card(self, card_id: str) -> None:
        """Show the card's agency and put the cursor on it (palette 'go to card')."""
        card = self.snapshot.cards.get(card_id)
        if card is None:
            return
        if self.agency is not None and self.agency != card.agency_id:
            self.agency = card.agency_id
            self.board.choose_agency(card.agency_id)
        self.filter = BoardFilter()
        self.redraw_board(keep=card_id)



def resume_collector() -> None:
    """After the first frame: the cyclic collector, paused by the command line for the
    start-up (tui/cli/__init__.py), runs again. What the start-up made is frozen first — it
    lives as long as the app, and no later collection needs to walk it again; the few hundred
    objects of garbage the start-up left in cycles (~0.1 MB) stay with it. Nothing to do when
    the collector ran all along (the app built by tests, ``board review``)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def run_tui(args: argparse.Namespace) -> int:
    """``board``: open the board file in the terminal UI (built by tui.factory)."""
    from tui.factory import run_app

    return run_app(args)
