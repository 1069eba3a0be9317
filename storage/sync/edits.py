"""The changes a user makes (move, rank, note, import, alias), as a BoardStore mixin.

Each builds the new registers/events under one fresh stamp and hands them to
``BoardStore._commit`` (re-read -> apply -> atomic write under the local lock).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from storage.errors import BadStatus, BoardError, UnknownCard
from storage.ids import new_id
from storage.models import STATUSES, Agency, BoardSnapshot, Card, Note, Records
from storage.sync.clock import Stamp
from storage.sync.codec import records_state
from storage.sync.state import State


def _note_text(text: str) -> str:
    """A note as stored (stripped). Notes are append-only: a blank one is refused rather
    than recorded or dropped silently."""
    if not text.strip():
        raise BoardError("a note needs some text")
    return text.strip()


class Edits:
    """Mixed into BoardStore; relies on its ``user``, ``_state``, ``_commit`` and ``snapshot``."""

    user: str
    _state: State
    if TYPE_CHECKING:
        def _commit(self, build: Callable[[Stamp], State]) -> State: ...
        def snapshot(self) -> BoardSnapshot: ...

    # -- changes made here ---------------------------------------------------------------------

    def move(self, card_id: str, status: str, *, note: str | None = None) -> Card:
        """Set a card's status (durable on return) and record who did it, with an optional note."""
        if status not in STATUSES:
            raise BadStatus(f"unknown status {status!r}; use one of: {', '.join(STATUSES)}")
        self._card(card_id)
        note = None if note is None else _note_text(note)

        def build(stamp: Stamp) -> State:
            ops = State()
            old = self._card(card_id).status
            if old != status:
                ops.records[f"card/{card_id}"] = {"status": (stamp, status, self.user)}
                self._event(ops, stamp, "history", card_id, field="status", old=old, new=status)
            if note is not None:
                self._event(ops, stamp, "note", card_id, text=note)
            return ops

        self._commit(build)
        return self._card(card_id)

    def set_rank(self, card_id: str, rank: float) -> Card:
        """Reorder a card within its column (smaller rank first)."""
        self._card(card_id)
        self._commit(lambda stamp: State({f"card/{card_id}": {"rank": (stamp, float(rank), self.user)}}))
        return self._card(card_id)

    def add_note(self, card_id: str, text: str) -> Note:
        """Append a progress note to a card."""
        self._card(card_id)
        text = _note_text(text)
        ops = self._commit(lambda stamp: self._event(State(), stamp, "note", card_id, text=text))
        note_id = next(iter(ops.events))
        return next(n for n in self.snapshot().notes_of(card_id) if n.id == note_id)

    def add_records(self, records: Records) -> int:
        """Add imported records; those already on the board are left alone. Returns how many were new."""
        incoming = records_state(records, by=self.user)
        new = sum(key not in self._state.records for key in incoming.records)
        # Known records only gain fields they lack (a new alias of a known agency); with the
        # zero stamp of imports nothing already on the board is ever overridden.
        fresh = State()
        for key, fields in incoming.records.items():
            have = self._state.records.get(key, {})
            missing = {name: reg for name, reg in fields.items() if name not in have}
            if missing:
                fresh.records[key] = missing
        if fresh.records:
            letters = [d for d in records.directives if f"directive/{d.id}" not in self._state.records]
            self._commit(lambda stamp: self._imported(fresh, stamp, letters))
        return new

    def _imported(self, ops: State, stamp: Stamp, letters: list) -> State:
        """The records, and one history event per new letter saying who imported it from
        which file, when (the records themselves carry the zero stamp, so no time): the
        activity log's "imports". The event belongs to the letter (its ``card`` is the
        letter's id); readers that only know card events leave it alone."""
        for letter in letters:
            self._event(ops, stamp, "history", letter.id, field="import", old=None, new=letter.source)
        return ops

    def add_alias(self, agency_id: str, alias: str) -> Agency:
        """Teach the board another way of writing an agency's name."""
        if agency_id not in self.snapshot().agencies:
            raise BoardError(f"no agency {agency_id!r} on this board")
        alias = alias.strip()
        self._commit(lambda stamp: State({f"agency/{agency_id}": {f"alias:{alias}": (stamp, True, self.user)}}))
        return self.snapshot().agencies[agency_id]

    def delete_card(self, card_id: str) -> None:
        """Remove a card from the board (a tombstone: its notes and history are kept)."""
        self._card(card_id)

        def build(stamp: Stamp) -> State:
            ops = State({f"card/{card_id}": {"deleted": (stamp, True, self.user)}})
            return self._event(ops, stamp, "history", card_id, field="deleted", old=False, new=True)

        self._commit(build)

    def _card(self, card_id: str) -> Card:
        card = self.snapshot().cards.get(card_id)
        if card is None:
            raise UnknownCard(f"no card {card_id!r} on this board")
        return card

    def _event(self, ops: State, stamp: Stamp, kind: str, card_id: str, **fields: object) -> State:
        event_id = new_id()
        ops.events[event_id] = {"id": event_id, "kind": kind, "card": card_id, "by": self.user,
                                "s": list(stamp), **fields}
        return ops
