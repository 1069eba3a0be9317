"""What this replica wrote since the open cache was written: a log beside it (issue 11).

The cache (cache.py) is keyed by every file it was built from, our own file too, so a move
used to make it stale — and rewriting ~10 MB of cache at 10,000 cards cost more than the
move. Instead, each change made through a store whose view is exactly the cache's appends
one frame here: our file's keys before and after the write, and the operations written. Our
file then holds what it held before plus those operations, so the cache joined with the
frames, in order, is what the files say. An open that finds our file's keys changed replays
the frames that lead from the cache's keys to the current ones; when they do not lead there
(a write by a store that did not log, a compaction, a copy put back by hand, a frame cut
short by a kill), the cache is a miss and the files are read, as before. The store writes
the whole cache again (and starts a new log) when it closes after anything it did not log,
or when the log has grown past ``MAX_BYTES``.

Frames are appended under the replica's write lock, right after the write they describe, so
they are in the order of our file's versions. Each carries a checksum; the log starts with
the cache's token (a random id written in the cache's header), so a log never applies to
another cache than the one it was started for. Like the cache, it is never a source of data.
"""

from __future__ import annotations

import marshal
import os
import struct
import zlib
from pathlib import Path
from typing import Any

from storage.errors import BoardError
from storage.sync.decode import owner_of
from storage.sync.files import write_atomic
from storage.sync.state import Delta, State
from storage.sync.view import LiveView

MAGIC = b"DBCLOG01"
MAX_BYTES = 512 * 1024
"""A log this long is folded into a new cache by the next close (replaying it costs more)."""
_FRAME = struct.Struct("<II")
"""Checksum (adler32) and length of the frame that follows."""

OwnKeys = Any
"""Our synced copy's and our shadow's stat keys (``cache.Cached.own_keys``)."""
Frame = tuple[dict, dict, tuple, "tuple[dict, dict] | None"]
"""(records, events, the writer's newest stamp seen, what the view needs) of one change: the
operations, and for a change of cards only (a move, a rank, a note) the touched cards' joined
registers and their events, so that replaying it rebuilds those cards without the whole
board's registers (``replay_view``)."""


def log_path(cache_file: Path) -> Path:
    return cache_file.with_suffix(".log")


def _head(token: bytes, start: OwnKeys) -> bytes:
    body = marshal.dumps((token, start))
    return MAGIC + _FRAME.pack(zlib.adler32(body), len(body)) + body


def start(path: Path, token: bytes, own_keys: OwnKeys) -> bool:
    """A new, empty log for the cache ``token`` built with our file at ``own_keys``."""
    try:
        write_atomic(path, _head(token, own_keys), durable=False)
    except (OSError, BoardError):
        return False
    return True


def _frames(raw: bytes) -> tuple[bytes, OwnKeys, list[tuple[OwnKeys, OwnKeys, Frame]], bool] | None:
    """(token, start keys, complete frames, whether they are all of it) of a log; None when
    its head is damaged. A frame cut short or damaged ends the list (what follows it cannot
    be trusted to chain)."""
    if raw[:len(MAGIC)] != MAGIC:
        return None
    at = len(MAGIC)
    out = []
    head: Any = None
    while at + _FRAME.size <= len(raw):
        checksum, length = _FRAME.unpack_from(raw, at)
        body = raw[at + _FRAME.size:at + _FRAME.size + length]
        if len(body) != length or zlib.adler32(body) != checksum:
            break
        try:
            value = marshal.loads(body)
        except (ValueError, EOFError, TypeError):
            break
        at += _FRAME.size + length
        if head is None:
            head = value
        else:
            out.append(value)
    if not (isinstance(head, tuple) and len(head) == 2):
        return None
    return head[0], head[1], out, at == len(raw)


def replay(path: Path, token: bytes, since: OwnKeys, now: OwnKeys) -> list[Frame] | None:
    """The changes that took our file from ``since`` (the cache's keys) to ``now``, in
    order; None when the log does not lead there."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES * 2)
        read = _frames(raw)
    except (OSError, ValueError, TypeError):
        return None
    if read is None or read[0] != token or read[1] != since:
        return None
    at, out = since, []
    try:
        for before, after, frame in read[2]:
            if before != at:
                return None
            out.append(frame)
            at = after
            if at == now:
                return out
    except (ValueError, TypeError):
        return None
    return None


def append(path: Path, token: bytes, before: OwnKeys, after: OwnKeys, frame: Frame) -> bool:
    """Under the write lock, right after our file went from ``before`` to ``after``: log the
    change, if the log is the one of ``token`` and ends at ``before``. False when not logged
    (the caller then writes the whole cache again when it closes)."""
    try:
        body = marshal.dumps((before, after, frame))
        with open(path, "r+b") as handle:
            raw = handle.read(MAX_BYTES + 1)
            if len(raw) + len(body) > MAX_BYTES:
                return False
            read = _frames(raw)
            if read is None or read[0] != token:
                return False
            end = read[2][-1][1] if read[2] else read[1]
            if end != before or not read[3]:  # after a damaged tail a frame would never chain
                return False
            handle.seek(0, os.SEEK_END)
            handle.write(_FRAME.pack(zlib.adler32(body), len(body)) + body)
    except (OSError, ValueError, TypeError):
        return False
    return True


def frame(ops: State, joined: State, live: LiveView, seen: tuple) -> Frame:
    """The frame of ``ops``, just merged into ``joined``; ``live`` is the view before it."""
    shown = None
    if all(key.startswith("card/") for key in ops.records):
        owners = {owner_of(event)[1] for event in ops.events.values()}
        events = {e.id: joined.events[e.id] for table in (live.notes, live.history)
                  for owner in owners for e in table.get(owner, ()) if e.id in joined.events}
        events.update(ops.events)
        shown = ({key: joined.records[key] for key in ops.records}, events)
    return (ops.records, ops.events, seen, shown)


def _one_card_each(live: LiveView, joined: dict) -> bool:
    """Whether the view redoes each of these cards alone (``Shown.card``): shown before, not
    joined with another, still of its item and agency, not deleted. Anything else makes the
    view derive across records (``Shown.full``), which needs the whole board's registers."""
    shown = live.shown
    for key, fields in joined.items():
        rid = key.split("/", 1)[1]
        card = live.tables["card"].get(rid)
        if card is None or rid not in shown.cards or rid in shown.kept_of or rid in shown.folds:
            return False
        item, agency, deleted = fields.get("item_id"), fields.get("agency_id"), fields.get("deleted")
        if item is None or agency is None or (item[1], agency[1]) != (card.item_id, card.agency_id):
            return False
        if deleted is not None and deleted[1]:
            return False
    return True


def replay_view(live: LiveView, frames: list[Frame]) -> bool:
    """Rebuild what ``frames`` touched in ``live`` from the frames alone; False (``live``
    untouched) unless every frame changed cards only, each of which the view redoes alone
    (``_one_card_each``), and no agency is merged into another (then the view needs other
    records' registers: the caller joins the whole board)."""
    if live.shown.merged or any(f[3] is None for f in frames):
        return False
    # Checked against the view before the first frame: a frame only changes cards' status,
    # rank, role or notes when this holds, so it still holds for the frames after it.
    if not all(_one_card_each(live, f[3][0]) for f in frames):  # type: ignore[index]
        return False
    for records, events, _, (joined, owned) in frames:  # type: ignore[misc]
        live.apply(State(joined, owned), Delta({key: set(fields) for key, fields in records.items()}, list(events)))
    return True
