"""A randomized officer at the board (issue 8): seeded, bounded sessions of random keys.

Used by tests/tui/test_random_keys.py (a few short seeds on every run) and by
bench/random_keys.py (a long run by hand, recorded in docs/benchmarks.md). Each step is one
of: a board key (ASCII or its Thai twin, pressed alone), Thai words typed on the board, keys
that arrive together (n + a note + Enter, a + a name, / + a search, i + a path), text typed
wherever the focus is, Escape, a resize, or a change written by another officer's replica
(a move, a note, a deleted card, an imported letter) picked up by the app. After every step
the app is still running, and the cursor is on a card or on an empty column; at the end,
everything the app shows as saved is what a fresh reader finds on disk.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from textual import events
from textual.keys import _character_to_key

from storage.ids import agency_id, card_id, directive_id, item_id
from storage.models import STATUSES, Agency, Card, Directive, Item, Records
from storage.sync.store import BoardStore
from tests.tui.helpers import assert_cursor_placed, send_together, settle
from widgets.kedmanee import US_TO_KEDMANEE

COMMAND_CHARS = "hjkl<>1234KJnofacrvAu/?iNIeRDE+xy"
"""Single-character keys an officer presses on the board and in its dialogs (not q: quitting
ends the session, which is not a fault)."""

BOARD_KEYS = list(COMMAND_CHARS) + ["enter", "escape", "tab", "up", "down", "left", "right",
                                    "pageup", "pagedown", "home", "end", "ctrl+p", "ctrl+s", "delete"]
"""Not ctrl+q or ctrl+z (quit, suspend): they end the session."""

THAI_TWINS = [US_TO_KEDMANEE[c] for c in COMMAND_CHARS if c in US_TO_KEDMANEE]
"""The same physical keys with the Thai layout on: alone, they act as their twins."""

THAI_WORDS = ["พัฒนา", "ภาคี", "ศาสนา", "นโยบาย", "สำนักงาน", "ต่างๆ", "อำเภอ", "ฒนา"]
TEXTS = ["ส่งรายงานแล้ว", "รอข้อมูลจากอำเภอ", "done 50%", "ข้อ ๖", "-<>", "a/b", "๑๒๓", "ที่"]
SIZES = [(80, 24), (120, 40), (100, 30), (70, 20), (90, 28)]


@dataclass
class Outcome:
    """What one session did (for the long run's record)."""

    seed: int
    steps: int = 0
    keys: int = 0
    others: int = 0
    trace: list[str] = field(default_factory=list)


class Session:
    """One seeded session against ``app`` (running under ``pilot``) on ``board_path``."""

    def __init__(self, app, pilot, board_path: Path, seed: int) -> None:
        self.app, self.pilot, self.path = app, pilot, board_path
        self.rng = random.Random(seed)
        self.outcome = Outcome(seed)
        self._letters = 0

    async def run(self, steps: int) -> Outcome:
        for _ in range(steps):
            step = self.rng.choices(
                [self.key, self.thai_twin, self.thai_word, self.together, self.text, self.escape,
                 self.resize, self.another_officer],
                weights=[30, 10, 6, 8, 8, 10, 4, 8])[0]
            await step()
            await settle(self.pilot)
            self.outcome.steps += 1
            self.check()
        return self.outcome

    # ---- steps ------------------------------------------------------------------------------
    async def key(self) -> None:
        name = self.rng.choice(BOARD_KEYS)
        self._note(f"key {name}")
        if len(name) == 1:
            self._post(name)
        else:
            await self.pilot.press(name)

    async def thai_twin(self) -> None:
        char = self.rng.choice(THAI_TWINS)
        self._note(f"thai {char}")
        self._post(char)

    async def thai_word(self) -> None:
        word = self.rng.choice(THAI_WORDS)
        self._note(f"word {word}")
        await send_together(self.pilot, word)

    async def together(self) -> None:
        first = self.rng.choice(["n", "a", "slash", "i"])
        text = self.rng.choice(TEXTS + THAI_WORDS)
        parts = [first, text] + (["enter"] if self.rng.random() < 0.6 else [])
        self._note(f"together {parts}")
        self.outcome.keys += len(text)
        await send_together(self.pilot, *parts)

    async def text(self) -> None:
        text = self.rng.choice(TEXTS)
        self._note(f"text {text}")
        for char in text:
            self._post(char)

    async def escape(self) -> None:
        self._note("escape")
        await self.pilot.press("escape")

    async def resize(self) -> None:
        size = self.rng.choice(SIZES)
        self._note(f"resize {size}")
        await self.pilot.resize_terminal(*size)

    async def another_officer(self) -> None:
        other = BoardStore.open(self.path, user="มาลี")
        try:
            cards = sorted(other.snapshot().cards)
            what = self.rng.choice(["move", "move", "note", "delete", "import"])
            if what == "import" or not cards:
                self._letters += 1
                other.add_records(_letter(self._letters, self.rng))
            elif what == "move":
                other.move(self.rng.choice(cards), self.rng.choice(STATUSES))
            elif what == "note":
                other.add_note(self.rng.choice(cards), self.rng.choice(TEXTS))
            else:
                other.delete_card(self.rng.choice(cards))
            self._note(f"other {what}")
        finally:
            other.close()
        self.outcome.others += 1
        self.app.poll_disk()

    # ---- checks -----------------------------------------------------------------------------
    def check(self) -> None:
        app = self.app
        assert not app.crash_message, self._trace(app.crash_message)
        assert app.return_code is None and app.is_running, self._trace("the app stopped")
        if app.screen is app.screen_stack[0]:
            try:
                assert_cursor_placed(app)
            except AssertionError as error:
                raise AssertionError(self._trace(f"cursor: {error}")) from None

    def check_saved(self) -> None:
        """Everything the app holds is on disk: a fresh reader sees the same board."""
        self.app.poll_disk()
        mine = self.app.store.snapshot()
        disk = BoardStore.open(self.path, read_only=True)
        try:
            seen = disk.snapshot()
        finally:
            disk.close()
        assert seen.cards == mine.cards, self._trace("cards differ from disk")
        assert seen.notes == mine.notes, self._trace("notes differ from disk")
        assert self.app.snapshot.cards == mine.cards, self._trace("the screen shows a stale board")

    # ---- helpers ----------------------------------------------------------------------------
    def _post(self, char: str) -> None:
        self.outcome.keys += 1
        self.app.post_message(events.Key(_character_to_key(char), char))

    def _note(self, text: str) -> None:
        self.outcome.keys += 1
        self.outcome.trace.append(text)

    def _trace(self, what: str) -> str:
        return f"seed {self.outcome.seed}, step {self.outcome.steps}: {what}; last steps: {self.outcome.trace[-8:]}"


def _letter(n: int, rng: random.Random) -> Records:
    """A small letter another officer imports: two items, a new agency and a known name."""
    number = f"ทส {n}/ว {rng.randint(1, 9999)}"
    d = Directive(directive_id(number), number, "2022-09-01", f"เรื่องที่ {n}", "จังหวัด")
    names = [f"สำนักงานทดสอบที่ {n}", "สำนักงานจังหวัดระยอง"]
    agencies = tuple(Agency(agency_id(name), name, f"ทส.{n}") for name in names[:1])
    items, cards = [], []
    for seq in (1, 2):
        items.append(Item(item_id(number, seq), d.id, seq, f"งานทดสอบลำดับ {seq} ของหนังสือ {n}"))
        name = names[seq - 1]
        cards.append(Card(card_id(number, seq, name), item_id(number, seq), agency_id(name), "lead",
                          rng.choice(STATUSES), float(seq)))
    return Records((d,), tuple(items), agencies, tuple(cards))
