"""Undo of one's own change (issue 7): take it back only while nobody changed those fields
since — undo never overwrites another officer's later move (it says who, and writes nothing).

``undoable`` is taken when a change is committed (what it wrote, what was there before);
``revert`` is the edit that takes it back, built like every other edit from a ``Basis``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storage.editing.errors import EditError
from storage.sync.edits import Basis, set_field
from storage.sync.hand import bury, history
from storage.sync.state import Reg, State, order


@dataclass(frozen=True)
class Undoable:
    """One change made here, as undo needs it: what was written and what was there before."""

    ops: State
    before: dict[tuple[str, str], Reg] = field(default_factory=dict)
    """(record key, field) → the register it replaced (absent: the field was new)."""
    existed: frozenset[str] = frozenset()
    """Record keys that were on the board before (the others this change created)."""


def undoable(state: State, ops: State) -> Undoable:
    """Taken before ``ops`` is joined into ``state``."""
    before = {(key, name): state.records[key][name] for key, fields in ops.records.items()
              for name in fields if name in state.records.get(key, {})}
    return Undoable(ops, before, frozenset(k for k in ops.records if k in state.records))


def _unwritten(name: str) -> Any:
    """What a field reads as before anyone wrote it."""
    return False if name == "deleted" or name.startswith("alias:") else None


def _moved_on(b: Basis, change: Undoable) -> tuple[str, Reg] | None:
    """The first field someone changed after us (record key, its register now), if any —
    a record deleted after us counts too: undo does not write into what someone removed."""
    for key, fields in change.ops.records.items():
        now = b.state.records.get(key, {})
        for name, reg in fields.items():
            if name in now and now[name][0] != reg[0]:
                return key, now[name]
        gone = now.get("deleted")
        if gone is not None and gone[1] and "deleted" not in fields and \
                order(gone[0]) > max(order(r[0]) for r in fields.values()):
            return key, gone
    return None


def _conflict(b: Basis, key: str, reg: Reg) -> EditError:
    kind, rid = key.split("/", 1)
    card = b.snapshot.cards.get(rid) if kind == "card" else None
    item = b.snapshot.items.get(card.item_id if card else rid)
    if item is not None:
        return EditError("edits.undo_conflict_item", who=reg[2] or "?", seq=item.seq)
    named = b.snapshot.agencies.get(rid) or b.snapshot.directives.get(rid)
    name = getattr(named, "name", None) or getattr(named, "subject", None) or rid[:8]
    return EditError("edits.undo_conflict_named", who=reg[2] or "?", name=name)


def revert(b: Basis, change: Undoable) -> State:
    """Take back one of our changes — unless any of its fields has moved on since (someone's
    later change is never overwritten): then EditError, and nothing is written. Records the
    change made are tombstoned; others get their earlier values back. History says so."""
    moved = _moved_on(b, change)
    if moved is not None:
        raise _conflict(b, *moved)
    ops = State()
    for key, fields in change.ops.records.items():
        kind, rid = key.split("/", 1)
        if key not in change.existed:
            # An agency the change named stays known (like a spelling): a card another machine
            # gave it meanwhile must not point at a buried agency. Its cards here are buried.
            if kind != "agency":
                bury(ops, b, kind, rid)
            continue
        for name, reg in fields.items():
            old = change.before.get((key, name))
            value = old[1] if old is not None else _unwritten(name)
            set_field(ops, b, key, name, value)
            if not name.startswith("alias:") and name != "rank":
                history(ops, b, key, name, reg[1], value)
    return ops
