"""What was deleted by hand and can still come back: one entry per delete (a letter with its
items and cards, an item with its cards, or one agency taken off an item), newest first, for
the board's "bring back" list. Every register one delete wrote carries that delete's stamp
(edits.Basis), so the registers are grouped by stamp and named by the largest thing in each.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.editing.origin import origin
from storage.editing.words import say
from storage.models import BoardSnapshot
from storage.sync.clock import iso
from storage.sync.state import State
from storage.sync.view import _card, _directive, _item

RETIRABLE = ("directive", "item", "card")
"""Record kinds a delete by hand tombstones, largest first."""


@dataclass(frozen=True, slots=True)
class Deleted:
    key: str
    """``kind/id`` of the largest record the delete took (a letter, an item or a card)."""
    at: str
    by: str
    items: int
    cards: int


def deletions(state: State) -> list[Deleted]:
    """Every delete still in force, newest first."""
    groups: dict[tuple, list[str]] = {}
    for key, fields in state.records.items():
        reg = fields.get("deleted")
        if key.partition("/")[0] in RETIRABLE and reg is not None and reg[1] is True:
            groups.setdefault(tuple(reg[0]), []).append(key)
    out = []
    for stamp, keys in groups.items():
        top = min(keys, key=lambda k: RETIRABLE.index(k.partition("/")[0]))
        items = sum(1 for k in keys if k.startswith("item/"))
        by = str(state.records[top]["deleted"][2])
        out.append(Deleted(top, iso(stamp) or "", by, items, _cards(state, keys)))
    return sorted(out, key=lambda d: d.at, reverse=True)


def _agency_now(state: State, agency_id: str) -> str:
    """The agency an agency was merged into (its cards show there), or itself."""
    seen = {agency_id}
    while True:
        reg = state.records.get(f"agency/{agency_id}", {}).get("merged_into")
        if reg is None or not reg[1] or reg[1] in seen:
            return agency_id
        agency_id = str(reg[1])
        seen.add(agency_id)


def _cards(state: State, keys: list[str]) -> int:
    """Cards as the board showed them: a card a merge joined into another is one card."""
    shown = set()
    for key in keys:
        if key.startswith("card/"):
            fields = state.records[key]
            item, agency = fields.get("item_id"), fields.get("agency_id")
            shown.add((item[1] if item else key, _agency_now(state, str(agency[1])) if agency else key))
    return len(shown)


def _record(state: State, key: str):
    kind, _, rid = key.partition("/")
    build = {"directive": _directive, "item": _item, "card": _card}[kind]
    return build(rid, state.records.get(key, {}))


def _item_words(state: State, snap: BoardSnapshot, item_id: str, lang: str) -> str:
    item = snap.items.get(item_id) or _record(state, f"item/{item_id}")
    if item is None:
        return say(lang, "edits.live_some.item")
    letter = snap.directives.get(item.directive_id) or _record(state, f"directive/{item.directive_id}")
    return say(lang, "edits.live_item", seq=item.seq) + (f" · {origin(letter, lang)}" if letter else "")


def what(state: State, snap: BoardSnapshot, deleted: Deleted, lang: str) -> str:
    """The deleted thing as officers name it: the letter, ``ข้อ ๖ · รย …``, or the agency on an item."""
    kind, _, rid = deleted.key.partition("/")
    record = _record(state, deleted.key)
    if record is None:
        return rid[:8]
    if kind == "directive":
        return origin(record, lang)
    if kind == "item":
        return _item_words(state, snap, rid, lang)
    agency = snap.agencies.get(record.agency_id)
    name = (agency.short or agency.name) if agency else record.agency_id[:8]
    return f"{name} · {_item_words(state, snap, record.item_id, lang)}"
