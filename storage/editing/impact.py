"""What retiring a card, an item or a whole letter takes off the board, counted for the
confirmation (``ลบ ๑ ข้อ: ๓ การ์ด ๕ บันทึก``) and for the CLI's report.

Nothing is destroyed: the records are tombstoned and undo brings them back; notes and
history stay in the board's files. The counts are what the officer stops seeing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from storage.models import BoardSnapshot

Target = Literal["card", "item", "letter"]


@dataclass(frozen=True, slots=True)
class Impact:
    target: Target
    target_id: str
    letters: tuple[str, ...]
    items: tuple[str, ...]
    cards: tuple[str, ...]
    notes: int


def retire_impact(snap: BoardSnapshot, target: Target, target_id: str) -> Impact:
    """The letters, items and cards that go with ``target`` and how many notes they hold."""
    if target == "card":
        letters: tuple[str, ...] = ()
        items: tuple[str, ...] = ()
        cards = (target_id,) if target_id in snap.cards else ()
    else:
        letters = (target_id,) if target == "letter" else ()
        items = tuple(i.id for i in snap.items.values() if i.directive_id == target_id) \
            if target == "letter" else (target_id,)
        wanted = set(items)
        cards = tuple(c.id for c in snap.cards.values() if c.item_id in wanted)
    notes = sum(len(snap.notes_of(c)) for c in cards)
    return Impact(target, target_id, letters, items, cards, notes)


@dataclass(frozen=True, slots=True)
class MergePlan:
    """Merging agency ``source`` into ``target`` (the same office written two ways).

    ``moved``: source cards on items the target does not have — they change agency.
    ``joined``: (source card, target card) on items both had — one card stays (the
    target's), with the stronger role; the source card's notes and history show on it.
    """

    source: str
    target: str
    moved: tuple[str, ...]
    joined: tuple[tuple[str, str], ...]
    leads: tuple[str, ...]
    """Target cards that become lead because the joined source card led."""


def merge_plan(snap: BoardSnapshot, source: str, target: str) -> MergePlan:
    theirs = {c.item_id: c for c in snap.cards.values() if c.agency_id == target}
    moved, joined, leads = [], [], []
    for card in sorted(snap.cards.values(), key=lambda c: c.id):
        if card.agency_id != source:
            continue
        kept = theirs.get(card.item_id)
        if kept is None:
            moved.append(card.id)
            continue
        joined.append((card.id, kept.id))
        if card.role == "lead" and kept.role != "lead":
            leads.append(kept.id)
    return MergePlan(source, target, tuple(moved), tuple(joined), tuple(leads))
