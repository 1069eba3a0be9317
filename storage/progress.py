"""Progress of a board, per agency and per letter: the one rule every report uses.

``board summary``, the review screen, the Markdown minutes, the XLSX summary sheet and the
agency report all count through ``progress()``, so they cannot disagree about what is done,
overdue or due soon (the due rule itself: storage/due.py). Pure functions of a ``BoardSnapshot`` and today's date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

# The due rule lives in due.py (board list needs it without the counts); kept importable here.
from storage.due import DUE_SOON_DAYS, DueState, card_due, days_late, due_state, is_overdue  # noqa: F401
from storage.models import STATUSES, Agency, BoardSnapshot, Card, Directive, Status


def letter_of(snap: BoardSnapshot, card: Card) -> Directive | None:
    item = snap.items.get(card.item_id)
    return snap.directives.get(item.directive_id) if item else None


@dataclass(frozen=True, slots=True)
class Progress:
    """Counts for one group of cards (an agency's, a letter's, the whole board's)."""

    key: str
    """The agency id or letter id the group is about ("" for the whole board)."""
    counts: tuple[int, int, int, int]
    """Cards per status, in ``STATUSES`` order."""
    overdue: int = 0
    due_soon: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def done(self) -> int:
        return self.counts[STATUSES.index("done")]

    def count(self, status: Status) -> int:
        return self.counts[STATUSES.index(status)]

    @property
    def percent(self) -> int:
        """Done as a whole percentage, rounded down (100 only when all are done)."""
        return 100 * self.done // self.total if self.total else 0


def tally(key: str, cards: Iterable[Card], snap: BoardSnapshot, today: date) -> Progress:
    counts = [0, 0, 0, 0]
    overdue = soon = 0
    for card in cards:
        counts[STATUSES.index(card.status)] += 1
        state = due_state(card_due(snap, card), card.status, today)
        overdue += state == "overdue"
        soon += state == "soon"
    return Progress(key, (counts[0], counts[1], counts[2], counts[3]), overdue, soon)


def _grouped(cards: Iterable[Card], key) -> dict[str, list[Card]]:
    groups: dict[str, list[Card]] = {}
    for card in cards:
        groups.setdefault(key(card), []).append(card)
    return groups


def agency_progress(snap: BoardSnapshot, today: date,
                    cards: Iterable[Card] | None = None) -> list[tuple[Agency, Progress]]:
    """(agency, progress) for every agency with cards among ``cards`` (default: all), by name."""
    groups = _grouped(snap.cards.values() if cards is None else cards, lambda c: c.agency_id)
    out = []
    for agency_id, group in groups.items():
        agency = snap.agencies.get(agency_id) or Agency(agency_id, agency_id[:8])
        out.append((agency, tally(agency_id, group, snap, today)))
    return sorted(out, key=lambda pair: (pair[0].name, pair[0].id))


def letter_progress(snap: BoardSnapshot, today: date,
                    cards: Iterable[Card] | None = None) -> list[tuple[Directive | None, Progress]]:
    """(letter, progress) per letter among ``cards``, oldest letter first (None: cards whose
    item or letter is missing)."""
    def key(card: Card) -> str:
        letter = letter_of(snap, card)
        return letter.id if letter else ""

    groups = _grouped(snap.cards.values() if cards is None else cards, key)
    out = [(snap.directives.get(k), tally(k, group, snap, today)) for k, group in groups.items()]
    return sorted(out, key=lambda pair: (pair[0] is None, (pair[0].date or "") if pair[0] else "",
                                         pair[0].number if pair[0] else ""))


def board_progress(snap: BoardSnapshot, today: date, cards: Iterable[Card] | None = None) -> Progress:
    return tally("", snap.cards.values() if cards is None else cards, snap, today)
