"""State <-> TinyDB tables, and Records -> State.

A board file (the base ``board.json``, a replica file in ``board.d/``, a compacted base)
is an ordinary TinyDB file with three tables:

* ``board``: one document ``{"board_id", "name", "role", "replica", "user", "machine", "format"}``
  (a compacted replica file adds ``"bases": [{"name", "changes"}]``, see ``bases.py``);
* ``regs``: ``{"r": "card/<id>", "s": [wall_ms, counter, replica], "by": user, "f": {field: value}}``,
  one document per record and stamp (an import writes all fields of a record with one stamp);
* ``events``: notes and history events, ``{"id", "kind", "target": "card/<id>", "card": "<id>",
  "s", "by", ...}``. ``target`` names what the event belongs to (a card, an item, a letter, an
  agency); ``card`` repeats its bare id for readers of format 1, which knew only card events
  (an event of format 1 has only ``card``, and belongs to that card).

What each field may hold, and which kinds this version knows: ``kinds.py``; how a file is
checked as it is read: ``decode.py``.

This replica's own file is changed through TinyDB itself (``tables.py``); every other file is
decoded here from its bytes, which is the same documents at a fraction of the cost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, NamedTuple

from storage.errors import BadFile
from storage.models import Records
from storage.sync.clock import MAX_DRIFT_MS, ZERO, Stamp
from storage.sync.files import StatKey, load_keyed
from storage.sync.decode import Decoded, NotABoard, Skip, decode, read_meta
from storage.sync.kinds import FORMAT
from storage.sync.state import State


def group_regs(state: State) -> list[dict]:
    """The ``regs`` documents of ``state``: one per record, stamp and author."""
    docs = []
    for key, fields in state.records.items():
        groups: dict[tuple[Stamp, str], dict[str, Any]] = {}
        for name, (stamp, value, by) in fields.items():
            groups.setdefault((stamp, by), {})[name] = value
        for (stamp, by), values in groups.items():
            docs.append({"r": key, "s": list(stamp), "by": by, "f": values})
    return docs


def to_tables(state: State, meta: dict) -> dict:
    regs = {str(n): doc for n, doc in enumerate(group_regs(state), 1)}
    events = {str(i): event for i, event in enumerate(state.events.values(), 1)}
    return {"board": {"1": meta}, "regs": regs, "events": events}


def from_tables(data: Any) -> tuple[dict, State]:
    """(meta, state) of a parsed board file; ValueError when its core shape is bad. What
    ``decode`` skipped is dropped here: callers that warn use ``decode`` itself."""
    decoded = decode(data)
    return decoded.meta, decoded.state


def make_meta(board_id: str, name: str, role: str, replica: str = "", user: str = "", machine: str = "",
              bases: list[dict] | None = None) -> dict:
    meta = {
        "board_id": board_id, "name": name, "role": role, "replica": replica,
        "user": user, "machine": machine, "format": FORMAT,
    }
    if bases:  # a compacted replica names the base its entries went to (storage/sync/bases.py)
        meta["bases"] = bases
    return meta


def _put(state: State, key: str, values: dict[str, Any], stamp: Stamp, by: str) -> None:
    fields = state.records.setdefault(key, {})
    for name, value in values.items():
        fields[name] = (stamp, value, by)


def records_state(records: Records, by: str = "", stamp: Stamp = ZERO) -> State:
    """Imported records as a state. The zero stamp makes any later edit win, and makes two
    officers importing the same letter write identical registers."""
    state = State()
    for d in records.directives:
        _put(state, f"directive/{d.id}", {
            "number": d.number, "date": d.date, "subject": d.subject, "issuer": d.issuer,
            "references": list(d.references), "source": d.source}, stamp, by)
    for i in records.items:
        _put(state, f"item/{i.id}", {
            "directive_id": i.directive_id, "seq": i.seq, "text": i.text, "due": i.due,
            "recurrence": i.recurrence, "subpoints": list(i.subpoints)}, stamp, by)
    for a in records.agencies:
        values: dict[str, Any] = {"name": a.name, "short": a.short}
        values.update({f"alias:{alias}": True for alias in a.aliases})
        _put(state, f"agency/{a.id}", values, stamp, by)
    for c in records.cards:
        _put(state, f"card/{c.id}", {
            "item_id": c.item_id, "agency_id": c.agency_id, "role": c.role,
            "status": c.status, "rank": c.rank}, stamp, by)
    return state


class Parsed(NamedTuple):
    """One board file as read: meta and state are None when it did not change."""

    key: StatKey
    meta: dict | None
    state: State | None
    skipped: tuple[Skip, ...] = ()
    """What was left out of it (bad values, records, events): the rest counts."""
    format: int = FORMAT
    ahead: tuple[Skip, ...] = ()
    """What it holds stamped ahead of the clock (kept, not adopted: clock.py)."""


def decoded(path: Path, data: Any, ahead: Callable[[int], bool] | None = None) -> Decoded:
    """``decode`` with the file named: BadFile when its core shape is bad."""
    try:
        return decode(data, ahead)
    except (ValueError, TypeError, AttributeError) as error:
        reason = "not_board" if isinstance(error, NotABoard) else "damaged"
        raise BadFile(str(path), reason, "skipped", detail=str(error)) from None


def parse_file(path: Path, known: StatKey | None = None,
               ahead: Callable[[int], bool] | None = None) -> Parsed | None:
    """Read one board file: None if missing, (key, None, None) if unchanged; BadFile if bad.
    ``ahead``: whether a stamp's wall time is ahead of the clock (``HybridClock.ahead``)."""
    loaded = load_keyed(path, known)
    if loaded is None:
        return None
    key, data = loaded
    if data is None:
        return Parsed(key, None, None)
    return Parsed(key, *decoded(path, data, ahead))


def file_notes(path: Path, parsed: Parsed) -> tuple[BadFile, ...]:
    """What to say about a file that was read: the values left out of it (one warning naming
    the first), and that a newer version made it (the store says that once for all files)."""
    notes = []
    if parsed.skipped:
        notes.append(BadFile(str(path), "bad_values", count=len(parsed.skipped), detail=str(parsed.skipped[0])))
    if parsed.format > FORMAT:
        notes.append(BadFile(str(path), "newer", format=parsed.format))
    if parsed.ahead:
        notes.append(BadFile(str(path), "ahead", count=len(parsed.ahead), detail=str(parsed.ahead[0]),
                             hours=MAX_DRIFT_MS // 3_600_000))
    return tuple(notes)
