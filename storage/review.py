"""What the meeting's review screen shows for one agency, as plain values.

Pure: the review screen (and anything else that wants the chair's view) gets an
``AgencyReview`` and draws it. Late and due-soon cards come first, most days late first;
blocked cards carry their latest note; changes are the activity log since a chosen day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from storage.activity import Activity, LogFilter, kept_notes, log
from storage.models import Agency, BoardSnapshot, Card, Directive, Item, Note
from storage.progress import Progress, agency_progress, board_progress, days_late, due_state, letter_progress

SortKey = Literal["overdue", "done", "name"]
SORTS: tuple[SortKey, ...] = ("overdue", "done", "name")


@dataclass(frozen=True, slots=True)
class DueCard:
    """A late or nearly due card: ``days`` > 0 late, <= 0 days left."""

    card: Card
    item: Item | None
    letter: Directive | None
    days: int


@dataclass(frozen=True, slots=True)
class BlockedCard:
    card: Card
    item: Item | None
    letter: Directive | None
    note: Note | None
    """Its latest note: usually why it is blocked."""


@dataclass(frozen=True, slots=True)
class AgencyReview:
    agency: Agency
    progress: Progress
    late: tuple[DueCard, ...]
    soon: tuple[DueCard, ...]
    blocked: tuple[BlockedCard, ...]
    changes: tuple[Activity, ...]
    letters: tuple[tuple[Directive | None, Progress], ...]


def _parts(snap: BoardSnapshot, card: Card) -> tuple[Item | None, Directive | None]:
    item = snap.items.get(card.item_id)
    return item, snap.directives.get(item.directive_id) if item else None


def agency_review(snap: BoardSnapshot, agency_id: str, today: date, since: date,
                  entries: list[Activity] | None = None) -> AgencyReview:
    """The review page of one agency: progress, late/soon, blocked, changes since ``since``."""
    cards = [c for c in snap.cards.values() if c.agency_id == agency_id]
    agency = snap.agencies.get(agency_id) or Agency(agency_id, agency_id[:8])
    late, soon, blocked = [], [], []
    for card in cards:
        item, letter = _parts(snap, card)
        state = due_state(item.due if item else None, card.status, today)
        if state:
            (late if state == "overdue" else soon).append(DueCard(card, item, letter, days_late(item.due, today)))
        if card.status == "blocked":
            notes = kept_notes(snap, card.id)
            blocked.append(BlockedCard(card, item, letter, notes[-1] if notes else None))
    seq = lambda x: (x.letter.number if x.letter else "", x.item.seq if x.item else 0)  # noqa: E731
    late.sort(key=lambda d: (-d.days, seq(d)))
    soon.sort(key=lambda d: (-d.days, seq(d)))
    blocked.sort(key=seq)
    changes = log(snap, LogFilter(since=since, agency_ids=frozenset({agency_id})), entries)
    return AgencyReview(agency, board_progress(snap, today, cards), tuple(late), tuple(soon), tuple(blocked),
                        tuple(reversed(changes)), tuple(letter_progress(snap, today, cards)))


def sorted_agencies(snap: BoardSnapshot, today: date, key: SortKey) -> list[tuple[Agency, Progress]]:
    """Every agency with cards, for the summary page: most overdue, least done, or by name."""
    rows = agency_progress(snap, today)
    name = lambda pair: (pair[0].short or pair[0].name)  # noqa: E731
    if key == "overdue":
        return sorted(rows, key=lambda pair: (-pair[1].overdue, pair[1].percent, name(pair)))
    if key == "done":
        return sorted(rows, key=lambda pair: (pair[1].percent, -pair[1].overdue, name(pair)))
    return sorted(rows, key=name)
