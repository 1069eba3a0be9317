"""The domain model (DESIGN.md §2): plain frozen values shared by every layer.

Nothing here knows about TinyDB, files or the terminal. The store builds these
values from the joined replica files; widgets render them; the importer produces
them from a letter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, Mapping

Status = Literal["todo", "doing", "blocked", "done"]
Role = Literal["lead", "support"]

STATUSES: tuple[Status, ...] = ("todo", "doing", "blocked", "done")
"""Kanban columns, left to right (words: ``status.<code>`` in storage/i18n/statuses.py)."""

ROLES: tuple[Role, ...] = ("lead", "support")
"""Words: ``role.<code>``."""


@dataclass(frozen=True, slots=True)
class Directive:
    """One letter (หนังสือราชการ)."""

    id: str
    number: str
    """Letter number with ASCII digits, e.g. ``รย 0017.2/ว 3362``."""
    date: str | None
    """ISO date (Gregorian) converted from the B.E. date, or None when unreadable."""
    subject: str
    issuer: str = ""
    references: tuple[str, ...] = ()
    source: str = ""
    """File name the letter was imported from."""


@dataclass(frozen=True, slots=True)
class Item:
    """One numbered point of a letter."""

    id: str
    directive_id: str
    seq: int
    text: str
    """Verbatim text of the point."""
    due: str | None = None
    """ISO date or None."""
    recurrence: str | None = None
    """Human rhythm as written in the letter, e.g. ``อย่างน้อย 2 เดือนต่อครั้ง``."""
    subpoints: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Agency:
    """A responsible body; collective bodies (อำเภอทุกอำเภอ) are agencies too."""

    id: str
    name: str
    """Canonical name."""
    short: str = ""
    """Abbreviation shown where space is tight (สนจ.ระยอง)."""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Note:
    """A progress report on a card. Append-only."""

    id: str
    card_id: str
    text: str
    author: str
    at: str
    """ISO-8601 UTC timestamp."""
    retracted_by: str | None = None
    """Who retracted the note (only its author can): shown as one "retracted" line instead."""
    retracted_at: str | None = None


@dataclass(frozen=True, slots=True)
class HistoryEvent:
    """One recorded change of a card field (who changed what, when). Append-only."""

    id: str
    card_id: str
    field: str
    old: object
    new: object
    author: str
    at: str
    """ISO-8601 UTC timestamp."""


@dataclass(frozen=True, slots=True)
class Card:
    """One agency's duty on one item (an assignment)."""

    id: str
    item_id: str
    agency_id: str
    role: Role
    status: Status = "todo"
    rank: float = 0.0
    """Order within its column: smaller first."""
    updated_at: str | None = None
    updated_by: str | None = None


@dataclass(frozen=True, slots=True)
class Records:
    """A batch of records to add to a board (an accepted import)."""

    directives: tuple[Directive, ...] = ()
    items: tuple[Item, ...] = ()
    agencies: tuple[Agency, ...] = ()
    cards: tuple[Card, ...] = ()


_EMPTY: Mapping = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class BoardSnapshot:
    """Everything a screen needs, as one immutable value.

    Mappings are keyed by id. ``notes`` and ``history`` are keyed by card id and
    ordered oldest first. ``version`` grows whenever the board changes, so a widget
    can tell cheaply whether it must repaint.
    """

    directives: Mapping[str, Directive] = field(default_factory=lambda: _EMPTY)
    items: Mapping[str, Item] = field(default_factory=lambda: _EMPTY)
    agencies: Mapping[str, Agency] = field(default_factory=lambda: _EMPTY)
    cards: Mapping[str, Card] = field(default_factory=lambda: _EMPTY)
    notes: Mapping[str, tuple[Note, ...]] = field(default_factory=lambda: _EMPTY)
    history: Mapping[str, tuple[HistoryEvent, ...]] = field(default_factory=lambda: _EMPTY)
    version: int = 0
    folds: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: _EMPTY)
    """Card id → the cards joined into it when two agencies were merged (their notes and
    history show on it; a change of role or a delete applies to them too)."""
    retired: Mapping[str, Card] = field(default_factory=lambda: _EMPTY)
    """Cards deleted by hand (an agency taken off an item, or with their item or letter), as
    they were: their notes and history stay readable, named by item and agency."""

    def notes_of(self, card_id: str) -> tuple[Note, ...]:
        return self.notes.get(card_id, ())

    def history_of(self, card_id: str) -> tuple[HistoryEvent, ...]:
        return self.history.get(card_id, ())

    def folded_into(self, card_id: str) -> tuple[str, ...]:
        return self.folds.get(card_id, ())

    def siblings(self, card: Card) -> list[Card]:
        """The other agencies' cards on the same item (lead first)."""
        others = [c for c in self.cards.values() if c.item_id == card.item_id and c.id != card.id]
        return sorted(others, key=lambda c: (c.role != "lead", c.agency_id))


@dataclass(frozen=True, slots=True)
class Change:
    """A change that arrived from another replica (for the 'who changed what' line)."""

    kind: Literal["status", "rank", "note", "record", "other"]
    card_id: str | None
    author: str
    at: str
    detail: str = ""
    """Free text: the new status, the note's first words, ..."""
    record: str = ""
    """``kind/id`` of the record changed (edits by hand: which item, letter, agency)."""
    field: str = ""
    """The field changed, as stored."""


def item_status(cards: list[Card]) -> Status:
    """An item's derived status: done when every lead card is done (all cards if none lead)."""
    if not cards:
        return "todo"
    leads = [c for c in cards if c.role == "lead"] or cards
    if all(c.status == "done" for c in leads):
        return "done"
    if any(c.status == "blocked" for c in leads):
        return "blocked"
    if any(c.status != "todo" for c in cards):
        return "doing"
    return "todo"
