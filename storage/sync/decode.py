"""A board file's documents -> a ``State``, every value checked where it is read.

A file in a shared folder is untrusted input (DESIGN.md §3). A file is damaged — named and
skipped whole — only when its core shape is bad: not an object, no board identity, a table that
is not an object. Anything smaller is contained: a document, record field or event that does
not pass ``kinds.py`` is left out and listed in ``skipped`` (the store names the file and the
first of them in one warning), and the rest of the file counts. So nothing invalid ever enters
the joined state, and so nothing invalid is ever written into our own files by ``board sync``
or a compaction, which only write what the state holds.

Kinds this version does not know are kept (``kinds.py`` says why and how to add one).
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

from storage.sync.clock import MAX_OVER_DEPTH, MAX_WALL, Stamp, iso
from storage.sync.kinds import (
    EVENT_COMMON, EVENTS, FIELD_NAME_LIMIT, FORMAT, RECORDS, field_check, ident, plain, record_key,
)
from storage.sync.state import State, event_wins, reg_wins

MAX_COUNTER = 2**31
_NONE: dict = {}
MAX_AUTHOR = 300


class NotABoard(ValueError):
    """Well-formed JSON that is not a board file at all (as opposed to damaged board data)."""


# A NamedTuple, not a dataclass: every command defines it, and a frozen dataclass costs ~5x as much to
# define (~0.5 ms of each start; issue 11).
class Skip(NamedTuple):
    """One thing of a file that was left out."""

    what: str
    """The record key (``card/<id>``), ``event <id>`` or ``<table> document <n>``."""
    field: str
    """The field or event key that was bad; "" when the whole document was left out."""
    why: str
    """Short English words for whoever repairs the file."""

    def __str__(self) -> str:
        return f"{self.what}{'.' + self.field if self.field else ''}: {self.why}"


class Decoded(NamedTuple):
    meta: dict
    state: State
    skipped: tuple[Skip, ...] = ()
    format: int = FORMAT
    """The format the file says it was written in (``meta.format``; 1 when it does not say)."""
    ahead: tuple[Skip, ...] = ()
    """Documents stamped ahead of the clock given to ``decode`` (a clock far ahead: clock.py).
    They are in ``state`` like any other; the clock does not adopt them."""


def stamp(raw: Any, *, over: bool = True) -> Stamp | None:
    """A stamp ``[wall_ms, counter, replica]`` within range, or with ``over`` also
    ``[wall_ms, counter, replica, [the stamp it was written over]]`` and
    ``[…, over, depth]`` with a depth from 1 (``state.written_over``); or None."""
    if type(raw) is not list or not 3 <= len(raw) <= (5 if over else 3):
        return None
    wall, counter, replica = raw[:3]
    if type(wall) is not int or not 0 <= wall <= MAX_WALL:
        return None
    if type(counter) is not int or not 0 <= counter < MAX_COUNTER:
        return None
    if type(replica) is not str or len(replica) > 64:
        return None
    if len(raw) == 3:
        return (wall, counter, replica)
    under = stamp(raw[3], over=False)
    if under is None:
        return None
    if len(raw) == 4:
        return (wall, counter, replica, under)
    depth = raw[4]
    if type(depth) is not int or not 1 <= depth <= MAX_OVER_DEPTH:
        return None  # a depth 0 would sort like the 4-element stamp: not one order any more
    return (wall, counter, replica, under, depth)


def _table(data: dict, name: str) -> dict:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise ValueError(f"table {name!r} is not an object")
    return table


def read_meta(data: Any) -> dict:
    """The board document of a parsed file; NotABoard when this is not a board file."""
    if not isinstance(data, dict):
        raise NotABoard("top level is not an object")
    docs = list(_table(data, "board").values())
    if not docs or not isinstance(docs[0], dict) or not isinstance(docs[0].get("board_id"), str):
        raise NotABoard("no board identity")
    return docs[0]


def decode(data: Any, ahead: Callable[[int], bool] | None = None) -> Decoded:
    """Decode a parsed TinyDB board file; NotABoard / ValueError when its core shape is bad.
    Documents whose stamp's wall time is ``ahead`` of the clock are listed as such."""
    meta = read_meta(data)
    regs, events = _table(data, "regs"), _table(data, "events")
    state, skipped, early = State(), [], []
    is_ahead = ahead or (lambda wall: False)
    for doc_id, doc in regs.items():
        when = _reg_doc(state, doc_id, doc, skipped)
        if when is not None and is_ahead(when[0]):
            early.append(Skip(doc["r"], "", "stamped " + (iso(when) or "")))
    for doc_id, event in events.items():
        if _event_doc(state, doc_id, event, skipped) and is_ahead(event["s"][0]):
            early.append(Skip(f"event {event['id']}", "", "stamped " + (iso(tuple(event["s"])) or "")))
    written = meta.get("format")
    return Decoded(meta, state, tuple(skipped), written if type(written) is int else 1, tuple(early))


def _reg_doc(state: State, doc_id: str, doc: Any, skipped: list[Skip]) -> Stamp | None:
    """Join one ``regs`` document's good fields into ``state``; its stamp (None: left out)."""
    if type(doc) is not dict:
        skipped.append(Skip(f"regs document {doc_id}", "", "not an object"))
        return None
    key = doc.get("r")
    if not record_key(key):
        skipped.append(Skip(f"regs document {doc_id}", "", f"bad record name {key!r:.40}"))
        return None
    when, by, values = stamp(doc.get("s")), doc.get("by", ""), doc.get("f")
    if when is None:
        skipped.append(Skip(key, "", f"bad stamp {doc.get('s')!r:.60}"))
        return None
    if type(by) is not str or len(by) > MAX_AUTHOR:
        skipped.append(Skip(key, "", "bad author"))
        return None
    if type(values) is not dict:
        skipped.append(Skip(key, "", "no fields"))
        return None
    kind = key.split("/", 1)[0]
    checks = RECORDS.get(kind, _NONE)  # looked up once per document: this loop runs 50k times at open
    fields = state.records.get(key)
    for name, value in values.items():
        check = checks.get(name)
        if check is not None:
            good = check(value)
        elif len(name) > FIELD_NAME_LIMIT:
            good = False
        else:  # a set-valued field (alias:…), or one this version does not know
            check = field_check(kind, name)
            good = plain(value) if check is None else check(value)
        if not good:
            skipped.append(Skip(key, name[:60], f"bad value {value!r:.40}"))
            continue
        if fields is None:
            fields = state.records[key] = {}
        old = fields.get(name)
        if old is None or reg_wins((when, value, by), old):
            fields[name] = (when, value, by)
    return when


def _event_doc(state: State, doc_id: str, event: Any, skipped: list[Skip]) -> bool:
    """Join one event into ``state``; False when it was left out."""
    if type(event) is not dict or not ident(event.get("id")):
        skipped.append(Skip(f"events document {doc_id}", "", "not an event"))
        return False
    what = f"event {event['id']}"
    if stamp(event.get("s"), over=False) is None:
        skipped.append(Skip(what, "s", f"bad stamp {event.get('s')!r:.60}"))
        return False
    bad = _bad_event_key(event)
    if bad is not None:
        skipped.append(Skip(what, bad[:60], f"bad value {event.get(bad)!r:.40}"))
        return False
    if event_wins(event, state.events.get(event["id"])):
        state.events[event["id"]] = event
    return True


def _bad_event_key(event: dict) -> str | None:
    """The first key of an event whose value is not acceptable (None: all are)."""
    target, card = event.get("target"), event.get("card")
    if target is not None and not record_key(target):
        return "target"
    if card is not None and not ident(card) or target is None and card is None:
        return "card"
    own = EVENTS.get(event.get("kind"), {})  # type: ignore[arg-type]
    for name, value in event.items():
        if name in ("s", "target", "card"):
            continue
        check = EVENT_COMMON.get(name) or own.get(name)
        if not (plain(value) if check is None else check(value)):
            return name
    return None if "kind" in event else "kind"


def owner_of(event: dict) -> tuple[str, str]:
    """(kind, id) of what an event belongs to: its ``target``, else the card of format 1."""
    target = event.get("target")
    if target is not None:
        kind, rid = target.split("/", 1)
        return kind, rid
    return "card", event["card"]
