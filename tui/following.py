"""The board following everyone else: other processes' writes, unreadable files and stray
copies, and sync — a BoardApp mixin (the app stays the only code that talks to the store).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from storage.errors import BoardError, user_message
from storage.models import BoardSnapshot, Change
from tui import actions, meeting
from widgets.board_index import BoardIndex
from widgets.i18n import digits, t


class FollowsOthers:
    """Mixed into BoardApp: relies on its store, snapshot, index, board and redraw_board."""

    def _follow_detail(self, changes: Sequence[Change] = ()) -> None:
        """An open card detail shows the current board too (it never reads the store),
        and says who changed that card or another agency's card on the same item."""
        if len(self.screen_stack) < 2:  # nothing over the board (and no import of the detail screen)
            return
        from tui.screens.card_detail import CardDetailScreen

        for screen in self.screen_stack[1:]:
            if isinstance(screen, CardDetailScreen) and screen.card_id in self.snapshot.cards:
                card = self.snapshot.cards[screen.card_id]
                related = {card.id, *(c.id for c in self.snapshot.siblings(card))}
                mine = [c for c in changes if c.card_id in related]
                message = self._live_message(mine) if mine else ""
                screen.today = self.today  # due marks follow the day (follow_date)
                screen.show(self.snapshot, message)

    def _live_message(self, changes: Sequence[Change], before: BoardSnapshot | None = None) -> str:
        clock = digits(self.lang, f"{datetime.now():%H:%M}")
        if before is not None:
            return f"⟳ {clock} · " + actions.describe_refresh(before, self.snapshot, list(changes), self.lang)
        return f"⟳ {clock} · " + actions.describe_changes(self.snapshot, list(changes), self.lang)

    def follow_date(self) -> None:
        """A meeting past midnight: overdue and due-soon marks, the overdue filter and the
        open review follow the new day (the render caches are keyed by the look, which
        carries the day, so every card is drawn again)."""
        if self.clock is None:
            return
        day = self.clock()
        if day != self.today:
            self.today = day
            self.redraw_board(full=True)

    def check_files(self) -> bool:
        """Tell the officer (once each) about unreadable board files and conflict copies;
        keep a badge in the status line while they last. True if the badges changed."""
        fresh, badges = actions.disk_notices(self.store, self.lang, self._told)
        for text in fresh:
            self.notify(text, severity="warning", timeout=10, markup=False)
        changed, self._file_badges = badges != self._file_badges, badges
        return changed

    def sync_now(self) -> None:
        try:
            report = self.store.sync()
        except (BoardError, OSError) as error:
            self.notify(user_message(error, self.lang), severity="error", markup=False)
            return
        self.poll_disk()
        if self.check_files():  # the folded copies are gone: so are their badges
            self.board.show_status(badges=self._badges())
        self.notify("\n".join(report.lines(actions.report_lang(self.lang))) or t(self.lang, "sync_done"),
                    markup=False)

    def poll_disk(self) -> None:
        """Pick up other processes' changes; keep the focused card where it is."""
        if not self.screen_stack:  # closing
            return
        before = self.snapshot
        try:
            if not self.store.changed_on_disk():
                return
            changes = self.store.refresh()
        except (BoardError, OSError) as error:  # e.g. a half-synced copy: tell, retry next tick
            self.board.show_status(message=f"⚠ {user_message(error, self.lang)}")
            return
        if self.check_files():
            self.board.show_status(badges=self._badges())
        if not changes:
            return
        # Read the cursor's card first: the index updates the id lists the grid shows in place.
        focused = self.board.card_id
        self.snapshot = self.store.snapshot()
        ids = actions.apply_changes(self.index, before, self.snapshot, changes)
        rebuilt = ids is None
        if rebuilt:
            self.index = BoardIndex(self.snapshot)
            ids = ()
        # A rebuilt index (an import, an agency renamed or added…) redraws the agency list
        # too: its rows, counts and the filter's names come from the index.
        self.redraw_board(keep=focused, changed=tuple(ids), full=rebuilt)
        message = self._live_message(changes, before)
        self.board.show_status(message=message)
        self._follow_detail(changes)
        meeting.tell(self, message)
