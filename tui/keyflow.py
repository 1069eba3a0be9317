"""Keys on the board, acted on in the order they were typed.

Textual forwards each key to the focused widget's own message queue. When keys arrive
together — fast typing, a slow SSH link, a paste — the next keys are already queued for the
board before the first one has opened a dialog or moved the focus to a text field, so `n`
followed at once by a note lost the note (its letters moved the cursor), `a` then `ภ` set a
card to done instead of filtering, and `a` then `q` quit. Here the app decides, key by key
and in order, where each key goes:

- With the card grid focused, the key's binding runs at once, on the app's own queue, so a
  key that moves the focus (a, /) has done so before the next key is looked at.
- After a key that opens a dialog (note, open letter, the palette…), the keys that follow are
  kept until the dialog has its focus, then given to it in order.
- Thai typing on the board never acts on cards (ThaiTyping below).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, NamedTuple

TYPING_GAP = 0.35
"""Seconds: a Thai character this soon after another is typing, not a command. Fast Thai
typists leave 0.1-0.3 s between keys; a command key pressed on its own waits this long."""

NAV_ACTIONS = frozenset({"cursor", "page", "edge"})
"""Bindings that only move the cursor: their Thai twins act at once (moving with the Thai
layout stays instant), since a stray one changes nothing."""

DIALOG_WAIT = 2.0
"""Seconds a just-opened dialog may take to take the focus before held keys go to it anyway."""


def is_thai(char: str | None) -> bool:
    return bool(char) and len(char) == 1 and "\u0e00" <= char <= "\u0e7f"


class Decision(NamedTuple):
    """What to do with one Thai character typed on the board (a NamedTuple: issue 11)."""

    do: Literal["act", "hold", "type"]
    text: str = ""
    """For ``type``: the Thai text typed so far (this character and those just before it)."""


class ThaiTyping:
    """The rule for Thai characters reaching the card grid (README "Thai keyboard").

    Every single-character key has a Thai twin (the Kedmanee character of the same physical
    key), so officers can work with the Thai layout on. But a stream of Thai typing must not
    act on cards: ``พัฒนา`` holds ``ฒ`` (the twin of ``<``) and ``น`` (``o``). So:

    - a Thai character that means nothing on the board is typing;
    - a Thai twin of a key that changes something (moving keys < > 1-4 K J, notes, filters,
      undo, quit…) acts only when it stands alone: it waits ``gap`` seconds, and if another
      Thai character comes before that — or came less than ``gap`` before it — it is typing;
    - a Thai twin of a cursor key (h j k l) acts at once, and repeats (``่่่``), unless it
      follows a waiting key, when it is typing too.

    Typing goes to the agency filter with every Thai character of the run, so nothing the
    officer typed is lost and nothing on the board changed. Pure: the caller supplies times.
    """

    def __init__(self, gap: float = TYPING_GAP) -> None:
        self.gap = gap
        self._run: list[str] = []
        self._last = float("-inf")
        self.holding = False

    def reset(self) -> None:
        """A non-Thai key (or a pause the caller saw) ends the run."""
        self._run, self._last, self.holding = [], float("-inf"), False

    def decide(self, char: str, kind: Literal["nav", "act", "free"], at: float) -> Decision:
        """``kind``: what ``char`` is bound to on the board (``free``: nothing)."""
        if at - self._last > self.gap:
            self._run, self.holding = [], False
        self._last = at
        run = self._run
        if kind == "free" or (kind == "act" and run) or (kind == "nav" and self.holding):
            text = "".join(run) + char
            self.reset()
            return Decision("type", text)
        run.append(char)
        if kind == "act":
            self.holding = True
            return Decision("hold")
        return Decision("act")

    def expired(self) -> None:
        """The held key's wait is over: it acts, and the run it started is over."""
        self.reset()


class KeyFlow:
    """The app's key router (see the module docstring); ``handle`` returns True when it
    took the key, False for Textual's usual path."""

    def __init__(self, app, *, gap: float = TYPING_GAP, clock: Callable[[], float] | None = None) -> None:
        self.app = app
        self.typing = ThaiTyping(gap)
        self._held = None
        """A Thai twin of a changing key waiting to see if typing follows: (event, timer)."""
        self._for_dialog: list | None = None
        """Keys typed right after a dialog opened, kept until it has its focus."""
        self._dialog = None
        self._dialog_since = 0.0
        self._clock = clock

    # ---- dialogs --------------------------------------------------------------------------
    def dialog_opened(self, screen) -> None:
        """Keep the keys that follow until ``screen`` (just pushed) has taken the focus."""
        if self._for_dialog is None:
            self._for_dialog = []
        self._dialog = screen
        self._dialog_since = self._now()
        self.app.set_timer(0.01, self._give_to_dialog)

    async def _give_to_dialog(self) -> None:
        screen = self._dialog
        ready = (screen is None or screen.focused is not None or not screen.is_attached
                 or (screen.is_mounted and not screen.focus_chain))  # nothing there takes keys
        if not ready and self._now() - self._dialog_since < DIALOG_WAIT:
            self.app.set_timer(0.02, self._give_to_dialog)
            return
        keys, self._for_dialog, self._dialog = self._for_dialog or [], None, None
        # Delivered here, on the app's queue, before any key still waiting behind this timer:
        # a key reposted to the queue would come after those.
        for at, key in enumerate(keys):
            if self._for_dialog is not None:  # one of them opened another dialog: it gets the rest
                self._for_dialog.extend(keys[at:])
                return
            await self.dispatch(key)

    # ---- keys -----------------------------------------------------------------------------
    async def dispatch(self, event) -> None:
        """Where every key the terminal sends goes (BoardApp.on_event)."""
        if not await self.handle(event):
            await self.app.deliver_key(event)

    async def handle(self, event) -> bool:
        if self._for_dialog is not None:
            self._for_dialog.append(event)
            return True
        grid = self._board_grid()
        if grid is None:
            if await self._release_held_before(event):
                return True
            self.typing.reset()
            return False
        if is_thai(event.character):
            decision = self.typing.decide(event.character, self._kind(event.key), self._time(event))
            if decision.do == "type":
                self._cancel_held()
                self.app.board.type_into_agency_filter(decision.text)
                return True
            if await self._release_held_before(event):
                return True
            if decision.do == "hold":
                self._held = (event, self.app.set_timer(self.typing.gap, self._held_expired))
                return True
            await self._run(event)
            return True
        if await self._release_held_before(event):
            return True
        self.typing.reset()
        await self._run(event)
        return True

    async def _release_held_before(self, event) -> bool:
        """Act on a held key before ``event``; True when that opened a dialog, which then
        gets ``event`` (an Escape right after ``์`` closed the new-letter form before it had
        mounted, and its mount crashed — found by the randomized test)."""
        await self.release_held()
        if self._for_dialog is not None:
            self._for_dialog.append(event)
            return True
        return False

    async def release_held(self) -> None:
        """Act on a held key now (something else is about to happen)."""
        if self._held is not None:
            event, timer = self._held
            self._held = None
            timer.stop()
            await self._run(event)

    async def _held_expired(self) -> None:
        if self._held is not None:
            self.typing.expired()
            await self.release_held()

    def _cancel_held(self) -> None:
        if self._held is not None:
            self._held[1].stop()
            self._held = None

    async def _run(self, event) -> None:
        """What Textual does with a key, done here and now: priority bindings, the screen's
        own look at the key, the focused widget's bindings up the chain; else the widget."""
        app = self.app
        if await app._check_bindings(event.key, priority=True):
            return
        board = app.board
        if app.screen is board:
            board.note_key(event)
        if await app._check_bindings(event.key):
            return
        (app.focused or app.screen)._forward_event(event)

    # ---- helpers --------------------------------------------------------------------------
    def _board_grid(self):
        """The card grid when it has the focus on the board screen (else None)."""
        from widgets.board_grid import BoardGrid

        app = self.app
        if not app.screen_stack or app.screen is not app.board:
            return None
        return app.focused if isinstance(app.focused, BoardGrid) else None

    def _kind(self, key: str) -> Literal["nav", "act", "free"]:
        for _, bindings in self.app.screen._modal_binding_chain:
            for binding in bindings.key_to_bindings.get(key, ()):
                name = binding.action.split("(")[0].split(".")[-1]
                return "nav" if name in NAV_ACTIONS else "act"
        return "free"

    def _time(self, event) -> float:
        # When the key was read, not when it is handled: keys that arrived together on a
        # busy machine are still together, keys typed apart are still apart.
        return self._clock() if self._clock else event.time

    def _last_key_at(self) -> float:
        """When the last Thai character reached the board (for tests that press keys apart)."""
        return self.typing._last

    def _now(self) -> float:
        import time

        return self._clock() if self._clock else time.monotonic()
