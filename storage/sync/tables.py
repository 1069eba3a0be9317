"""A replica file as a TinyDB database: tables ``board``, ``regs`` and ``events``.

This replica's own file is read and changed through TinyDB's tables and documents, over the
project's atomic orjson storage (``AtomicJSONStorage`` over files.py), so a script that opens ``NAME.d/*.json`` with ``TinyDB(path)``
sees exactly the documents the board works with (``codec.py`` describes them). A change is a
few table operations — insert the new documents, remove the ones they supersede — inside one
``batch()``, which ends in a single atomic write (TinyDB alone would rewrite the whole file
once per operation, and a kill between two of them would leave half a change).

Other replicas' files and the base are read straight from their bytes (``codec.parse_file``):
building TinyDB documents for a 10,000-card base costs more than the whole parse, and the
bytes are the same documents (bench/bench_storage.py, docs/benchmarks.md).
"""

from __future__ import annotations

import os
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, Callable, Iterator

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from storage.sync.codec import Parsed, decoded, group_regs
from storage.sync.files import StatKey, dumps, load_raw, put_back_on_failure, stat_key, write_atomic
from storage.sync.state import State

TABLES = ("board", "regs", "events")
Where = dict[tuple[str, str], set[int]]
"""(record key, field) -> ids of the ``regs`` documents that hold a register of it."""


class AtomicJSONStorage(Storage):
    """TinyDB storage for board files: atomic writes, re-open by path, cached parse.

    Usable as ``TinyDB(path, storage=AtomicJSONStorage)``. ``read()`` returns the cached
    value when the file's (inode, size, mtime_ns, ctime_ns) did not change; callers must not mutate it.
    """

    def __init__(self, path: str | os.PathLike, durable: bool = True) -> None:
        self.path = Path(path)
        self.durable = durable
        self._key: StatKey | None = None
        self._data: Any = None
        self._raw: bytes | None = None
        """The bytes behind ``_data`` when they were read (None once written: not kept)."""

    def read(self, twin: "AtomicJSONStorage | None" = None) -> dict[str, dict[str, Any]] | None:
        """The parsed file; ``twin``: a storage just read whose parse is this one's when the
        bytes are the same (``load_raw``)."""
        same = (twin._raw, twin._data) if twin is not None and twin._raw is not None else None
        loaded = load_raw(self.path, self._key, same)
        if loaded is None:
            self._key, self._data, self._raw = None, None, None
            return None
        if loaded[0] != self._key:
            self._key, self._raw, self._data = loaded
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        write_atomic(self.path, dumps(data), durable=self.durable)
        self._key, self._data, self._raw = stat_key(self.path), data, None

    @property
    def key(self) -> StatKey | None:
        """The stat key of the last read or write."""
        return self._key

    def close(self) -> None:
        self._data = self._raw = None


class BatchStorage(AtomicJSONStorage):
    """The atomic storage, plus ``batch()``: TinyDB operations inside it change the data in
    memory; the batch ends in one atomic write (of the same bytes to ``mirrors`` too)."""

    def __init__(self, path: str | Path, durable: bool = True) -> None:
        super().__init__(path, durable)
        self._pending: dict[str, dict[str, Any]] | None = None

    def read(self, twin: AtomicJSONStorage | None = None) -> dict[str, dict[str, Any]] | None:
        if self._pending is not None:
            return self._pending
        data = super().read(twin)
        # TinyDB assigns whole tables into what it is handed: keep the cached parse intact.
        return dict(data) if isinstance(data, dict) else data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self._pending is not None:
            self._pending = data
        else:
            super().write(data)

    @contextmanager
    def batch(self, mirrors: tuple[Path, ...] = ()) -> Iterator[None]:
        """Collect TinyDB's writes; write once at the end (nothing at all if it raises)."""
        self._pending = self.read() or {}
        try:
            yield
            data, self._pending = self._pending, None
            raw = dumps(data)
            # All copies or none: a mirror refused (a full or read-only share) puts this one
            # back, so a change reported as failed does not turn up later.
            with put_back_on_failure(self.path) if mirrors else nullcontext():
                write_atomic(self.path, raw, durable=self.durable)
                for mirror in mirrors:
                    write_atomic(mirror, raw, durable=self.durable)
            self._key, self._data, self._raw = stat_key(self.path), data, None
        except BaseException:
            # TinyDB may have changed cached documents in place: parse the file again next time.
            self._key = self._data = self._raw = None
            raise
        finally:
            self._pending = None

    @property
    def data(self) -> dict[str, dict[str, Any]] | None:
        """What the file held at the last read or write (do not change it)."""
        return self._data

    def adopt(self, data: dict[str, dict[str, Any]] | None, key: StatKey | None) -> None:
        """The file now holds ``data`` (written as another copy's mirror), or is unknown (None)."""
        self._key, self._data, self._raw = key, data, None


class ReplicaFile:
    """One copy of a replica file, read and written through TinyDB."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = TinyDB(path, storage=BatchStorage)
        self.storage: BatchStorage = self.db.storage  # type: ignore[assignment]
        self.where: Where = {}
        """Where each register of the file lives, for superseding it in place."""
        self.decoded: tuple[Any, Any] | None = None
        """(the parsed data, what it decoded to) of the last read that decoded (``read``'s twin)."""

    def read(self, known: StatKey | None, ahead: Callable[[int], bool] | None = None,
             twin: "ReplicaFile | None" = None) -> Parsed | None:
        """Like ``codec.parse_file``: None when missing, (key, None, None) when the key is
        ``known`` (not decoded again); BadFile when it is not a board file. ``twin``: the other
        copy, just read: when both hold the same bytes (as we write them), this one is neither
        parsed nor decoded again — a second parse of a 2,000-entry file was ~20 ms of a move."""
        if self.storage.read(twin.storage if twin is not None else None) is None:
            return None
        key = self.storage.key
        assert key is not None
        if key == known:
            return Parsed(key, None, None)
        if twin is not None and twin.decoded is not None and self.storage.data is twin.decoded[0]:
            self.decoded = twin.decoded
            self.where = {k: set(v) for k, v in twin.where.items()}
            return Parsed(key, *twin.decoded[1])
        data = self.storage.read()
        if _documents_only(data):
            # Plain dicts: a TinyDB Document keeps its id, and would claim it again when inserted.
            data = {name: {str(doc.doc_id): dict(doc) for doc in self.db.table(name, cache_size=0)}
                    for name in TABLES}
        # else TinyDB itself would raise on what is there: the decoder names and skips it.
        result = decoded(self.path, data, ahead)
        self.decoded = (self.storage.data, result)
        parsed = Parsed(key, *result)
        self.where = _where(data.get("regs") or {})
        return parsed

    def mirror_of(self, other: "ReplicaFile") -> None:
        """This copy was just written with the same bytes as ``other``."""
        self.storage.adopt(other.storage.data, stat_key(self.path))
        self.where = {k: set(v) for k, v in other.where.items()}

    def forget(self) -> None:
        """Read the file again next time (a write failed, or it was written behind our back)."""
        self.storage.adopt(None, None)
        self.where, self.decoded = {}, None

    # -- writing --------------------------------------------------------------------------------

    def rewrite(self, state: State, meta: dict, mirrors: tuple[Path, ...] = ()) -> None:
        """The whole file := ``state`` (after a compaction, or to repair a copy that lost entries)."""
        regs = group_regs(state)
        with self.storage.batch(mirrors):
            self.db.drop_tables()
            tables = self._tables()
            tables["board"].insert(Document(meta, doc_id=1))
            tables["regs"].insert_multiple(regs)
            tables["events"].insert_multiple(list(state.events.values()))
        self.where, self.decoded = _where({str(n): doc for n, doc in enumerate(regs, 1)}), None

    def apply(self, ops: State, entries: State, meta: dict, mirrors: tuple[Path, ...] = ()) -> None:
        """Add a change: new documents for ``ops``' registers and events, and the fields they
        supersede taken out of older documents (removed when nothing is left in them).
        ``entries``: every register the file holds once the change is in."""
        tables = self._tables()
        with self.storage.batch(mirrors):
            data = self.storage.read() or {}
            if _meta_doc(data) != meta:
                tables["board"].remove(doc_ids=[1])
                tables["board"].insert(Document(meta, doc_id=1))
            regs = data.get("regs") or {}
            stale = {i: regs[str(i)] for i in _superseded(self.where, ops) if str(i) in regs}
            kept = [Document({**doc, "f": left}, doc_id=i) for i, doc in stale.items() if (left := _left(doc, ops))]
            # New documents get ids after every id in the file: TinyDB would number them from
            # the table as stored (the stale ones already taken out), and could hand a kept
            # document's id to a new one — that document, and a record's other fields, lost.
            after = max((int(i) for i in regs if str(i).isdigit()), default=0) + 1
            new = [Document(doc, doc_id=after + n) for n, doc in enumerate(
                d for d in (_winning(doc, entries) for doc in group_regs(ops)) if d is not None)]
            if stale:
                tables["regs"].remove(doc_ids=list(stale))
            ids = tables["regs"].insert_multiple([*kept, *new]) if kept or new else []
            if ops.events:
                tables["events"].insert_multiple(list(ops.events.values()))
        for doc_id, doc in stale.items():
            for name in doc["f"]:
                self.where.get((doc["r"], name), set()).discard(doc_id)
        for doc_id, doc in zip(ids, [*kept, *new]):
            for name in doc["f"]:
                self.where.setdefault((doc["r"], name), set()).add(doc_id)
        self.decoded = None  # of the file as it was

    def _tables(self) -> dict[str, Table]:
        # Fresh tables each time: another session of this replica may have written the file,
        # and a Table remembers its next document id.
        return {name: Table(self.storage, name, cache_size=0) for name in TABLES}


def _documents_only(data: Any) -> bool:
    """Whether every table is what TinyDB can iterate: numbered documents that are objects."""
    if not isinstance(data, dict):
        return False
    for name in TABLES:
        table = data.get(name, {})
        if not isinstance(table, dict):
            return False
        if not all(type(doc) is dict and key.isascii() and key.isdigit() for key, doc in table.items()):
            return False
    return True


def _meta_doc(data: dict) -> Any:
    docs = data.get("board")
    return docs.get("1") if isinstance(docs, dict) else None


def _where(regs: dict[str, Any]) -> Where:
    where: Where = {}
    for doc_id, doc in regs.items():
        if isinstance(doc, dict) and isinstance(doc.get("r"), str) and isinstance(doc.get("f"), dict):
            for name in doc["f"]:
                where.setdefault((doc["r"], name), set()).add(int(doc_id))
    return where


def _superseded(where: Where, ops: State) -> set[int]:
    """Ids of the documents holding a field that ``ops`` writes again."""
    return {i for key, fields in ops.records.items() for name in fields for i in where.get((key, name), ())}


def _left(doc: dict, ops: State) -> dict:
    """The fields of a superseded document that ``ops`` does not write again."""
    written = ops.records.get(doc["r"], {})
    return {name: value for name, value in doc["f"].items() if name not in written}


def _winning(doc: dict, entries: State) -> dict | None:
    """A ``regs`` document of a change, with only the fields that won (None if none did)."""
    fields = entries.records.get(doc["r"], {})
    stamp = tuple(doc["s"])
    won = {name: value for name, value in doc["f"].items() if fields.get(name) == (stamp, value, doc["by"])}
    return {**doc, "f": won} if won else None
