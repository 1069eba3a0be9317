"""The rules of the view that span records (issue 7): what a hand edit hides or joins.

* A tombstoned letter hides its items, a tombstoned item its cards — even cards another
  machine added after the delete (they come back with an undo).
* An agency merged into another (``merged_into``) is not shown; its cards show as the other
  agency's. Two cards of one item that now name the same agency show as one: the card that
  was the agency's own (else the smaller id) with the stronger role, the latest status and
  rank of either, and both cards' notes and history — so a status change made on another
  machine meanwhile still lands. Concurrent merges into each other keep the smaller id.
* A note whose author retracted it (a history event ``retracted``) is shown as retracted.
* Two items of one letter with one number (two machines each added "the next item" before
  they saw each other's) show under distinct numbers: the number given first keeps it, the
  later item the next number free (``numbered``) — the same on every machine; the next item
  added writes that number down (``hand.add_item``).

``Shown`` keeps what it derived, so a status change redoes one card, not the board.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from storage.models import Card, HistoryEvent, Item, Note
from storage.sync.state import State, order


def merges(into: dict[str, str]) -> dict[str, str]:
    """agency id → the agency it now shows as (chains followed, cycles broken at the smallest id),
    from each agency's own ``merged_into``."""
    resolved: dict[str, str] = {}
    for start in into:
        seen, at = [start], into[start]
        while at in into and at not in seen:
            seen.append(at)
            at = into[at]
        if at in seen:  # a cycle: its smallest member stays itself
            at = min(seen[seen.index(at):])
        resolved[start] = at
    return {a: b for a, b in resolved.items() if a != b}


class Shown:
    """Cards, agencies, notes and history as shown (see the module docstring)."""

    def __init__(self) -> None:
        self.merged: dict[str, str] = {}
        self.hidden_items: set[str] = set()
        self.folds: dict[str, tuple[str, ...]] = {}
        """kept card → the cards folded into it."""
        self.kept_of: dict[str, str] = {}
        self.cards: dict[str, Card] = {}
        self.agencies: dict[str, Any] = {}
        self.items: dict[str, Any] = {}
        self.notes: dict[str, tuple[Note, ...]] = {}
        self.history: dict[str, tuple[HistoryEvent, ...]] = {}
        self.retracted: dict[str, HistoryEvent] = {}
        """note id → the history event that retracted it."""
        self.merged_into: dict[str, str] = {}
        """agency id → the agency its own register says it was merged into."""
        self.gone: dict[str, set[str]] = {"directive": set(), "item": set()}
        """Tombstoned letters and items (their items, their cards are not shown)."""

    def track(self, state: State, keys) -> None:
        """Note what the records ``keys`` now say about merges and tombstones (cheap: only those)."""
        for key in keys:
            kind, rid = key.split("/", 1)
            fields = state.records.get(key, {})
            if kind == "agency":
                target = fields.get("merged_into")
                if target is not None and target[1]:
                    self.merged_into[rid] = str(target[1])
                else:
                    self.merged_into.pop(rid, None)
            elif kind in self.gone:
                deleted = fields.get("deleted")
                (self.gone[kind].add if deleted is not None and deleted[1] else self.gone[kind].discard)(rid)

    # -- everything ---------------------------------------------------------------------------

    def full(self, state: State, tables: dict[str, dict[str, Any]], notes: dict, history: dict) -> None:
        """Everything again (the tables are LiveView's: copied before they change, so shared)."""
        self.merged = merges(self.merged_into)
        gone = self.gone["directive"]
        self.items = {i: v for i, v in tables["item"].items() if v.directive_id not in gone} if gone else tables["item"]
        self.items = numbered(self.items, state)
        self.hidden_items = self.gone["item"] | {i for i, v in tables["item"].items() if v.directive_id in gone}
        hidden = self.hidden_items
        self.folds, self.kept_of = {}, {}
        if not self.merged:  # the usual board: nothing to join
            self.agencies = tables["agency"]
            self.cards = {c: v for c, v in tables["card"].items() if v.item_id not in hidden} if hidden \
                else dict(tables["card"])
        else:
            self.agencies = {a: v for a, v in tables["agency"].items() if a not in self.merged}
            groups: dict[tuple[str, str], list[Card]] = {}
            for card in tables["card"].values():
                if card.item_id not in hidden:
                    groups.setdefault((card.item_id, self.merged.get(card.agency_id, card.agency_id)), []).append(card)
            self.cards = {}
            for (_, agency), members in groups.items():
                self._group(state, agency, members)
        self.events(notes, history)

    def _group(self, state: State, agency: str, members: list[Card]) -> None:
        if len(members) == 1 and members[0].agency_id == agency:
            self.cards[members[0].id] = members[0]
            return
        members.sort(key=lambda c: (c.agency_id != agency, c.id))
        kept, rest = members[0], members[1:]
        shown = replace(kept, agency_id=agency, role="lead" if any(c.role == "lead" for c in members) else kept.role)
        for name in ("status", "rank"):  # the latest report of either card
            regs = [state.records[f"card/{c.id}"].get(name) for c in members]
            newest = max((r for r in regs if r is not None), key=lambda r: order(r[0]), default=None)
            if newest is not None:
                shown = replace(shown, **{name: newest[1] if name == "status" else float(newest[1] or 0.0)})
        self.cards[kept.id] = shown
        if rest:
            self.folds[kept.id] = tuple(c.id for c in rest)
            self.kept_of.update({c.id: kept.id for c in rest})

    # -- one card (a move, a rank): the common case -----------------------------------------------

    def card(self, tables: dict[str, dict[str, Any]], card_id: str) -> bool:
        """Redo one card after a change of its status, rank or role; False when that cannot
        be done alone (the card is new, moved to another item or agency, or joined)."""
        card, before = tables["card"].get(card_id), self.cards.get(card_id)
        if self.merged or card_id in self.kept_of or card_id in self.folds:
            return False
        if card is None or before is None or (card.item_id, card.agency_id) != (before.item_id, before.agency_id):
            return False
        self.cards[card_id] = card
        return True

    # -- notes and history ----------------------------------------------------------------------

    def events(self, notes: dict, history: dict, *, start: bool = False) -> None:
        """Notes and history per shown card: a joined card's own and those of the cards folded
        into it; retracted notes marked. ``start``: find the retractions (once, at open)."""
        if start:
            self.retracted = {e.new: e for events in history.values() for e in events if e.field == "retracted"}
        self.notes, self.history = dict(notes), dict(history)
        for card_id in {*self.folds, *(e.card_id for e in self.retracted.values())}:
            self._redo_group(card_id, notes, history)

    def some_events(self, notes: dict, history: dict, card_ids: set[str], new: list[HistoryEvent]) -> None:
        """After new notes or history events of ``card_ids`` (a note, a move): only those cards."""
        self.retracted.update({e.new: e for e in new if e.field == "retracted"})
        self.notes, self.history = dict(self.notes), dict(self.history)
        for card_id in card_ids:
            self._redo_group(card_id, notes, history)

    def _redo_group(self, card_id: str, notes: dict, history: dict) -> None:
        """The card a card is shown as, and each card folded into it under its own id too
        (its notes and history can still be asked for by that id, retractions marked)."""
        kept = self.kept_of.get(card_id, card_id)
        self._redo(kept, notes, history)
        for member in self.folds.get(kept, ()):
            self._redo(member, notes, history)

    def _redo(self, card_id: str, notes: dict, history: dict) -> None:
        members = (card_id, *self.folds.get(card_id, ()))
        for table, source in ((self.notes, notes), (self.history, history)):
            joined = [e for cid in members for e in source.get(cid, ())]
            if len(members) > 1:
                joined.sort(key=lambda e: (e.at, e.id))
            if joined:
                table[card_id] = tuple(joined)
            else:
                table.pop(card_id, None)
        if card_id in self.notes and any(n.id in self.retracted for n in self.notes[card_id]):
            self.notes[card_id] = tuple(_retracted(n, self.retracted.get(n.id)) for n in self.notes[card_id])


def numbered(items: dict[str, Item], state: State) -> dict[str, Item]:
    """``items`` with no two of one letter under one number (``items`` itself when none are).

    Of the items holding one number, the one whose number was given first (its ``seq``
    register's stamp, then its id) keeps it; each later one, in turn, takes the smallest
    number above its own that no item of the letter holds — deleted ones neither (undo may
    bring them back). A pure function of the joined state: every replica numbers alike, and
    a later item added at the end (a higher number) changes no one's number."""
    if len({(item.directive_id, item.seq) for item in items.values()}) == len(items):
        return items  # nearly always: one set, ~0.2 ms for 3,000 items on each full rebuild
    holders: dict[tuple[str, int], list[Item]] = {}
    for item in items.values():
        holders.setdefault((item.directive_id, item.seq), []).append(item)
    clashes = sorted((key, group) for key, group in holders.items() if len(group) > 1)
    if not clashes:
        return items
    letters = {key[0] for key, _ in clashes}
    taken: dict[str, set[int]] = {letter: set() for letter in letters}
    for key, fields in state.records.items():
        if key.startswith("item/") and "seq" in fields and fields.get("directive_id", (0, None))[1] in letters:
            taken[fields["directive_id"][1]].add(int(fields["seq"][1]))
    out = dict(items)
    for (letter, _), group in clashes:
        group.sort(key=lambda item: (order(state.records[f"item/{item.id}"]["seq"][0]), item.id))
        for item in group[1:]:
            seq = item.seq + 1
            while seq in taken[letter]:
                seq += 1
            taken[letter].add(seq)
            out[item.id] = replace(item, seq=seq)
    return out


def _retracted(note: Note, event: HistoryEvent | None) -> Note:
    if event is None or event.author != note.author:  # only the author's own retraction counts
        return note
    return replace(note, retracted_by=event.author, retracted_at=event.at)

