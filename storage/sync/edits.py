"""The changes a user makes (move, rank, note, import, alias, delete), as pure functions.

Each edit takes a ``Basis`` — the board as this replica sees it at the moment of writing
(re-read under the lock), one fresh stamp and the author — and returns the stamped
operations (a ``State``) to add to the replica's own file. Edits read nothing else and write
nothing: ``BoardStore._commit`` runs them under the lock and saves what they return.
A ``BoardError`` raised here means nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from storage.errors import BadStatus, BoardError, UnknownCard
from storage.ids import new_id
from storage.models import STATUSES, BoardSnapshot, Card, Records
from storage.sync.clock import Stamp
from storage.sync.codec import records_state
from storage.sync.state import State, stamp_wins, written_over


@dataclass(frozen=True)
class Basis:
    """What an edit is built from."""

    snapshot: BoardSnapshot
    """The board as shown (deleted and incomplete records are not in it)."""
    state: State
    """The joined registers behind it (tombstoned records too); never changed by an edit."""
    stamp: Stamp
    """The one stamp every register and event of this edit carries."""
    by: str
    """Who makes the change."""
    new_id: Callable[[], str] = new_id
    """Ids of new events (random: two replicas never make the same one)."""


Edit = Callable[..., State]
"""``edit(basis, *args, **kwargs) -> State``."""


def note_text(text: str) -> str:
    """A note as stored (stripped). Notes are append-only: a blank one is refused rather
    than recorded or dropped silently."""
    if not text.strip():
        raise BoardError("error.empty_note")
    return text.strip()


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise BadStatus("error.unknown_status", text=status, codes=", ".join(STATUSES))
    return status


def card_of(snapshot: BoardSnapshot, card_id: str) -> Card:
    card = snapshot.cards.get(card_id)
    if card is None:
        raise UnknownCard("error.no_card", card=card_id)
    return card


def set_field(ops: State, b: Basis, key: str, name: str, value: Any) -> State:
    """One register: ``key`` (``kind/id``) field ``name`` := ``value``.

    When the field's current register is ahead of our stamp — written by a clock far ahead,
    which our clock does not adopt (clock.py) — ours carries that register's time as its
    fourth element, so it wins, as a change made after it was seen must, at our real time
    (``state.written_over``)."""
    stamp, current = b.stamp, b.state.records.get(key, {}).get(name)
    if current is not None and stamp_wins(current[0], stamp):
        stamp = written_over(current[0], stamp)
    ops.records.setdefault(key, {})[name] = (stamp, value, b.by)
    return ops


def add_event(ops: State, b: Basis, kind: str, target: str, **fields: Any) -> str:
    """Append an event of ``kind`` belonging to ``target`` (``card/<id>``, ``item/<id>``,
    ``directive/<id>``, ``agency/<id>``) to ``ops``; returns its id. ``card`` repeats the bare
    id for readers of format 1, which know only card events and skip a file whose events lack
    it (codec.py)."""
    event_id = b.new_id()
    ops.events[event_id] = {"id": event_id, "kind": kind, "target": target, "card": target.split("/", 1)[1],
                            "by": b.by, "s": list(b.stamp), **fields}
    return event_id


# -- the edits ------------------------------------------------------------------------------------


def move(b: Basis, card_id: str, status: str, note: str | None = None) -> State:
    """Set a card's status and record who did it, with an optional note."""
    check_status(status)
    note = None if note is None else note_text(note)
    old = card_of(b.snapshot, card_id).status
    ops = State()
    if old != status:
        set_field(ops, b, f"card/{card_id}", "status", status)
        add_event(ops, b, "history", f"card/{card_id}", field="status", old=old, new=status)
    if note is not None:
        add_event(ops, b, "note", f"card/{card_id}", text=note)
    return ops


def set_rank(b: Basis, card_id: str, rank: float) -> State:
    """Reorder a card within its column (smaller rank first)."""
    card_of(b.snapshot, card_id)
    return set_field(State(), b, f"card/{card_id}", "rank", float(rank))


def add_note(b: Basis, card_id: str, text: str) -> State:
    """Append a progress note to a card."""
    text = note_text(text)
    card_of(b.snapshot, card_id)
    ops = State()
    add_event(ops, b, "note", f"card/{card_id}", text=text)
    return ops


def add_records(b: Basis, records: Records) -> State:
    """Imported records; those already on the board (even deleted) are left alone.

    Known records only gain fields they lack (a new alias of a known agency); with the zero
    stamp of imports nothing already on the board is ever overridden."""
    incoming = records_state(records, by=b.by)
    fresh = State()
    for key, fields in incoming.records.items():
        have = b.state.records.get(key, {})
        missing = {name: reg for name, reg in fields.items() if name not in have}
        if missing:
            fresh.records[key] = missing
    if fresh.records:
        # One history event per new letter: who imported it from which file, when (the
        # records themselves carry the zero stamp, so no time) - the activity log's imports.
        for letter in records.directives:
            if f"directive/{letter.id}" not in b.state.records:
                add_event(fresh, b, "history", f"directive/{letter.id}", field="import", old=None, new=letter.source)
    return fresh


def new_records(state: State, records: Records) -> int:
    """How many of ``records`` the board does not hold yet (deleted ones count as held)."""
    return sum(key not in state.records for key in records_state(records).records)


def add_alias(b: Basis, agency_id: str, alias: str) -> State:
    """Teach the board another way of writing an agency's name."""
    if agency_id not in b.snapshot.agencies:
        raise BoardError("error.no_agency", agency=agency_id)
    return set_field(State(), b, f"agency/{agency_id}", f"alias:{alias.strip()}", True)


def delete_card(b: Basis, card_id: str) -> State:
    """Remove a card from the board (a tombstone: its notes and history are kept)."""
    card_of(b.snapshot, card_id)
    ops = set_field(State(), b, f"card/{card_id}", "deleted", True)
    add_event(ops, b, "history", f"card/{card_id}", field="deleted", old=False, new=True)
    return ops
