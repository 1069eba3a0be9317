"""State <-> TinyDB tables, and Records -> State.

A board file (the base ``board.json``, a replica file in ``board.d/``, a compacted base)
is an ordinary TinyDB file with three tables:

* ``board``: one document ``{"board_id", "name", "role", "replica", "user", "machine", "format"}``
  (a compacted replica file adds ``"bases": [{"name", "changes"}]``, see ``bases.py``);
* ``regs``: ``{"r": "card/<id>", "s": [wall_ms, counter, replica], "by": user, "f": {field: value}}``,
  one document per record and stamp (an import writes all fields of a record with one stamp);
* ``events``: notes and history events, ``{"id", "kind", "card", "s", "by", ...}``.

This replica's own file is changed through TinyDB itself (``tables.py``); every other file is
decoded here from its bytes, which is the same documents at a fraction of the cost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storage.errors import BadFile
from storage.models import Records
from storage.sync.clock import ZERO, Stamp
from storage.sync.files import StatKey, load_keyed
from storage.sync.state import EVENT_KINDS, FORMAT, KINDS, State, event_wins, reg_wins


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


def _stamp(raw: Any) -> Stamp:
    if (
        isinstance(raw, list) and len(raw) == 3 and type(raw[0]) is int
        and type(raw[1]) is int and isinstance(raw[2], str)
    ):
        return (raw[0], raw[1], raw[2])
    raise ValueError(f"bad stamp {raw!r:.40}")


def _table(data: dict, name: str) -> dict:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise ValueError(f"table {name!r} is not an object")
    return table


class NotABoard(ValueError):
    """Well-formed JSON that is not a board file at all (as opposed to damaged board data)."""


def read_meta(data: Any) -> dict:
    """The board document of a parsed file; NotABoard when this is not a board file."""
    if not isinstance(data, dict):
        raise NotABoard("top level is not an object")
    docs = list(_table(data, "board").values())
    if not docs or not isinstance(docs[0], dict) or not isinstance(docs[0].get("board_id"), str):
        raise NotABoard("no board identity")
    return docs[0]


def from_tables(data: Any) -> tuple[dict, State]:
    """Parse a TinyDB board file; ValueError with a short reason when it is not one."""
    meta = read_meta(data)
    state = State()
    for doc in _table(data, "regs").values():
        if not isinstance(doc, dict) or not isinstance(doc.get("f"), dict):
            raise ValueError("bad field document")
        key = doc.get("r")
        if not isinstance(key, str) or key.split("/", 1)[0] not in KINDS or "/" not in key:
            raise ValueError(f"bad record key {key!r:.40}")
        stamp, by = _stamp(doc.get("s")), str(doc.get("by", ""))
        fields = state.records.setdefault(key, {})
        for name, value in doc["f"].items():
            reg = (stamp, value, by)
            if reg_wins(reg, fields.get(name)):
                fields[name] = reg
    for event in _table(data, "events").values():
        if not isinstance(event, dict) or event.get("kind") not in EVENT_KINDS:
            raise ValueError("bad event document")
        if not isinstance(event.get("id"), str) or not isinstance(event.get("card"), str):
            raise ValueError("event without id or card")
        _stamp(event.get("s"))
        if event_wins(event, state.events.get(event["id"])):
            state.events[event["id"]] = event
    return meta, state


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


def parse_file(path: Path, known: StatKey | None = None) -> tuple[StatKey, dict | None, State | None] | None:
    """Read one board file: None if missing, (key, None, None) if unchanged; BadFile if bad."""
    loaded = load_keyed(path, known)
    if loaded is None:
        return None
    key, data = loaded
    if data is None:
        return key, None, None
    try:
        meta, state = from_tables(data)
    except (ValueError, TypeError, AttributeError) as error:
        reason = "not_board" if isinstance(error, NotABoard) else "damaged"
        raise BadFile(str(path), reason, "skipped", detail=str(error)) from None
    return key, meta, state
