"""Replica state and the pure ``join`` (DESIGN.md §3, merge rule).

A state holds

* ``records``: ``"kind/id" -> field -> (stamp, value, author)``. Per (record, field) the
  largest stamp wins (a last-writer-wins register). Set-valued fields store one register per
  member (``alias:<text>`` -> True/False); a delete is the tombstone field ``deleted``.
* ``events``: notes and history events keyed by id, a grow-only set.

``join`` is commutative, associative and idempotent (tests/storage/test_join_props.py), so
replica files may be read in any order, any number of times, and the board converges.
On disk a state is a TinyDB document set (see ``to_tables`` / ``from_tables``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storage.sync.clock import MAX_OVER_DEPTH, MAX_WALL, ZERO, Stamp

Reg = tuple[Stamp, Any, str]
"""(stamp, value, author) of one field."""



@dataclass
class State:
    records: dict[str, dict[str, Reg]] = field(default_factory=dict)
    events: dict[str, dict] = field(default_factory=dict)

    def copy(self) -> "State":
        return State({k: dict(v) for k, v in self.records.items()}, dict(self.events))

    def size(self) -> int:
        return sum(len(f) for f in self.records.values()) + len(self.events)

    def max_stamp(self, below: int | None = None) -> Stamp:
        """The largest stamp, among those whose wall time is at most ``below`` if given (a
        clock adopts only those: clock.py)."""
        best, limit = ZERO, MAX_WALL if below is None else below
        for fields in self.records.values():
            for reg in fields.values():
                if reg[0] > best and reg[0][0] <= limit:
                    best = reg[0]
        for event in self.events.values():
            stamp = tuple(event["s"])
            if stamp > best and stamp[0] <= limit:
                best = stamp
        return best

    def __eq__(self, other: object) -> bool:
        return isinstance(other, State) and self.records == other.records and self.events == other.events


def _tiebreak(value: Any) -> bytes:
    import orjson  # here: only two registers with one stamp need it, and an open from the cache none (issue 11)

    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def written_over(current: Stamp, stamp: Stamp) -> Stamp:
    """``stamp`` as written over the register stamped ``current`` that beats it (a clock far
    ahead, clock.py): ``(wall, counter, replica, over)`` sorts right after ``over``; written
    over a register that already carries ``over``, one step deeper, ``(…, over, depth)``, so
    it wins too, even when this machine's own clock is behind that register's real time."""
    if len(current) == 3 or current[3] <= current[:3]:
        return (*stamp[:3], current[:3])
    depth = min(current[4] + 1, MAX_OVER_DEPTH) if len(current) == 5 else 1  # a forged depth: still a valid stamp
    return (*stamp[:3], current[3], depth)


def order(stamp: Stamp) -> tuple:
    """How a register's stamp sorts. A stamp written over one that was ahead of the clock
    (``(wall, counter, replica, over[, depth])``, clock.py) comes right after ``over``, after
    any plain stamp equal to it and after those written over it less deep; then the later
    real time wins. A total order, so ``join`` stays commutative, associative and idempotent:
    no two different stamps sort alike (a plain one ends in ``()``, no written-over one does;
    a depth is never 0 on disk, decode.py)."""
    if len(stamp) == 3:
        return (stamp, 0, 0, stamp, ())
    base, over = stamp[:3], stamp[3]
    depth = stamp[4] if len(stamp) == 5 else 0
    return (over, 1, depth, base, ()) if over > base else (base, 0, 0, base, (over, depth))


def stamp_wins(new: Stamp, old: Stamp) -> bool:
    if len(new) == 3 and len(old) == 3:  # nearly always: plain tuples
        return new > old
    return order(new) > order(old)


_SCALARS = (str, int, bool, type(None))


def reg_wins(new: Reg, old: Reg | None) -> bool:
    """True when ``new`` beats ``old`` (always, when there is none yet). Equal stamps
    (imports) fall back to the value bytes."""
    if old is None:
        return True
    if new[0] != old[0]:
        return stamp_wins(new[0], old[0])
    if new == old and type(new[1]) is type(old[1]) and type(new[1]) in _SCALARS:
        return False  # the same value: every replica's import of one letter, the common case
    # Otherwise by the bytes, never by ==: 1 == True in Python, so an == test kept whichever came
    # first, and two replicas joining in other orders wrote different values (1 vs true).
    return _tiebreak([new[1], new[2]]) > _tiebreak([old[1], old[2]])


def event_wins(new: dict, old: dict | None) -> bool:
    # Ids are random, so two different events under one id only come from a damaged file;
    # any fixed order keeps join commutative.
    return old is None or (new != old and _tiebreak(new) > _tiebreak(old))


@dataclass
class Delta:
    """What a merge changed: record keys whose fields changed, new event ids."""

    records: dict[str, set[str]] = field(default_factory=dict)
    events: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.records or self.events)


def merge_into(target: State, other: State) -> Delta:
    """Join ``other`` into ``target`` in place; return what changed."""
    delta = Delta()
    for key, fields in other.records.items():
        mine = target.records.get(key)
        if mine is None:
            target.records[key] = dict(fields)
            delta.records[key] = set(fields)
            continue
        for name, reg in fields.items():
            if reg_wins(reg, mine.get(name)):
                mine[name] = reg
                delta.records.setdefault(key, set()).add(name)
    for event_id, event in other.events.items():
        if event_wins(event, target.events.get(event_id)):
            target.events[event_id] = event
            delta.events.append(event_id)
    return delta


def join(*states: State) -> State:
    """The least upper bound of replica states. Pure: the inputs are not changed."""
    result = State()
    for state in states:
        merge_into(result, state)
    return result


def dominates(big: State, small: State) -> bool:
    """True when ``big`` already holds everything in ``small`` (join(big, small) == big)."""
    for key, fields in small.records.items():
        mine = big.records.get(key)
        if mine is None:
            return False
        for name, reg in fields.items():
            if reg_wins(reg, mine.get(name)):
                return False
    return not any(event_wins(ev, big.events.get(e)) for e, ev in small.events.items())


def prune(state: State, base: State) -> State:
    """The entries of ``state`` that ``base`` does not already hold (compaction)."""
    kept = State()
    for key, fields in state.records.items():
        theirs = base.records.get(key, {})
        for name, reg in fields.items():
            if reg_wins(reg, theirs.get(name)):
                kept.records.setdefault(key, {})[name] = reg
    for event_id, event in state.events.items():
        if event_wins(event, base.events.get(event_id)):
            kept.events[event_id] = event
    return kept
