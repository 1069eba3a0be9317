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
