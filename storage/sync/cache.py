"""A cache of the joined board in the state dir: an unchanged board opens without parsing
and joining every file (issue 11).

Opening a board reads the base, every file of ``NAME.d/`` and the files beside it, joins
them and builds the snapshot; at 10,000 cards that is most of the time to the first paint.
After an open (and when a session that changed the board closes) the store writes what it
built — the joined registers, the snapshot's records as plain tuples and what the folder
scan remembers — to ``<state dir>/cache/<key>.bin``, with the (inode, size, mtime, ctime) of
every file it was built from. The next open uses it only when every one of those keys is
unchanged, no file appeared or went away, and the program itself is the same; anything
else is a miss, and the board is read from its files as always. So the cache is never a
source of data, only a shortcut to a result the files give: delete it any time.

It is written only for a board with nothing to warn about (no unreadable file, no base
still on its way), never by a read-only open (which writes nothing anywhere, and so does
not read one either: it reads the files), and it is private to one user on one machine, like
the replica identity beside it. The format is ``marshal`` (no code runs when it is read,
unlike pickle) behind a header naming the Python and program version; a cache that does not
decode is ignored and written again.
"""

from __future__ import annotations

import gc
import marshal
import os
import struct
import sys
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any, Iterator

from storage.errors import BoardError
from storage import models
from storage.ids import blake2b
from storage.sync import folder as fs
from storage.sync import cache_log, host
from storage.sync.files import StatKey, stat_key, write_atomic
from storage.sync.replica import find_replica, state_root
from storage.sync.shown import Shown
from storage.sync.state import State
from storage.columns import Columns, fill
from storage.sync.view import LiveView

MAGIC = b"DBCACHE1"
FORMAT = 4
_FRAME = struct.Struct("<IQQ")
"""Checksum (adler32) of what follows, then the lengths of the header and of the view."""
_MODELS = {cls.__name__: cls for cls in vars(models).values()
           if isinstance(cls, type) and is_dataclass(cls) and cls.__module__ == models.__name__}
_FIELDS = {cls: tuple(f.name for f in fields(cls)) for cls in _MODELS.values()}
_ATOMS = (str, int, float, bool, type(None))
_MAKERS: dict[type, tuple[type, type]] = {}
"""Model class -> (class whose objects are filled in, class they then take): see ``_maker``."""
_NOT_KEPT = ("snapshot", "version", "shown")
"""Rebuilt (``LiveView._freeze``), or kept on their own (``shown``: ``_enc_shown``)."""


@contextmanager
def paused_gc() -> Iterator[None]:
    """Inside, the cyclic garbage collector does not run. Opening a board (from the cache or
    the files) allocates a few hundred thousand tuples and dicts and frees none of them: each
    allocation burst made the collector walk the whole, growing heap again, which tripled the
    time to decode a 10,000-card board's registers (docs/benchmarks.md). Nothing made inside
    is a cycle to collect; the collector resumes on the way out, as it was."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def cache_path(board: Path, user: str) -> Path:
    """Where the cache of ``board`` for ``user`` on this machine lives (keyed by the machine's
    fingerprint too: a state dir copied to another machine brings no cache that it would use)."""
    where = os.path.realpath(board)
    key = blake2b(f"{where}\x1f{user}\x1f{host.fingerprint()}".encode(), digest_size=10).hexdigest()
    return state_root() / "cache" / f"{key}.bin"


def _code_key() -> tuple:
    """(path, size, mtime_ns) of every module of storage/: the view, the join, the codec and
    what they use (Thai text, ids, the editing rules) compute the cached values, so a change
    to any of them (an upgrade, a fix) makes every cache a miss. ~100 stat calls, ~0.5 ms."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    keys, folders = [], [root]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        folders.append(entry.path)
                elif entry.name.endswith(".py"):
                    st = entry.stat()
                    keys.append((entry.path[len(root):], st.st_size, st.st_mtime_ns))
    return (FORMAT, sys.version, tuple(sorted(keys)))


@dataclass
class Cached:
    """What a cache holds (``state`` still encoded: most opens never need the registers)."""

    meta: dict
    base_key: StatKey
    sources: dict[str, tuple[StatKey, bool]]
    """Every file the folder scan read (the base too): its key and whether it is another board's."""
    own_keys: tuple[StatKey | None, StatKey | None]
    """Our synced copy and our shadow, as the cached registers include them."""
    named: dict[str, tuple[str, list[dict]]]
    """Compacted bases named by the files read (``bases.NamedBases``)."""
    max_stamp: tuple
    view: "dict[str, Any] | LiveView"
    """The live view as ``encode_view`` keeps it (a ``LiveView`` when handed to ``write``)."""
    state: "bytes | State"
    """``marshal`` of (records, events), decoded the first time the registers are needed
    (``decode_state``); a ``State`` when handed to ``write``."""
    dirs: "dict[Path, StatKey | None] | None" = None
    """The folders' keys taken just before ``read`` checked the files (not stored): the open
    board compares them from then on, so a file added after the check is still noticed."""
    token: bytes = b""
    """A random id of this cache, which its log (cache_log.py) names; set by ``write``."""
    frames: "list[cache_log.Frame]" = field(default_factory=list)
    """Our changes since the cache was written (not stored here: replayed from its log)."""
    columns: "Columns | None" = None
    """The board's columns (storage/columns.py ``fill``) of the view kept here, as the cache
    was written: the board's first paint takes them when the view is that one, unchanged."""


# -- writing ----------------------------------------------------------------------------------


def _plain(value: Any) -> bool:
    """Data marshal keeps as it is (tuples stay tuples): no model, set or mapping proxy inside."""
    kind = type(value)
    if kind in _ATOMS:
        return True
    if kind is tuple or kind is list:
        return all(map(_plain, value))
    if kind is dict:
        return all(type(k) is str and _plain(v) for k, v in value.items())
    return False


def _row(model: Any, same: dict) -> tuple | None:
    """The model's fields in order, each text as the one object ``same`` holds for it (marshal
    then writes a repeated id or status once and a reference after: a smaller cache, read
    faster); None when a field is not plain data."""
    row = []
    for name in _FIELDS[type(model)]:
        value = getattr(model, name)
        kind = type(value)
        if kind is str:
            value = same.setdefault(value, value)
        elif kind not in _ATOMS and not _plain(value):
            return None
        row.append(value)
    return tuple(row)


def _rows_of(values: Any, same: dict) -> tuple[str, list[tuple]] | None:
    """("Card", rows) when every value is a model of one class with plain fields, else None."""
    values = list(values)
    cls = type(values[0]) if values else None
    if cls not in _FIELDS or any(type(v) is not cls for v in values):
        return None
    rows = []
    for value in values:
        row = _row(value, same)
        if row is None:
            return None
        rows.append(row)
    return cls.__name__, rows


def _enc(value: Any, same: dict) -> Any:
    """``value`` as marshal-able data: every tuple in the result is a tagged node, so a
    tuple of the input is told apart from the tags. ValueError for what cannot be kept."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is dict:
        packed = _rows_of(value.values(), same) if value else None
        if packed is not None:  # a table of models (cards by id): one row per model
            return ("D", packed[0], [same.setdefault(k, k) for k in value], packed[1])
        if not all(type(k) is str for k in value):
            raise ValueError("a mapping with keys that are not text")
        return {k: _enc(v, same) for k, v in value.items()}
    if kind is tuple:
        packed = _rows_of(value, same) if value else None
        return ("TM", *packed) if packed is not None else ("T", [_enc(v, same) for v in value])
    if kind is list:
        return [_enc(v, same) for v in value]
    if kind is set or kind is frozenset:
        return ("S", [_enc(v, same) for v in value])
    if kind in _FIELDS:
        return ("M", kind.__name__, [_enc(v, same) for v in (getattr(value, n) for n in _FIELDS[kind])])
    raise ValueError(f"cannot keep a {kind.__name__} in the cache")


def _maker(cls: type) -> tuple[type, type]:
    """(mirror, cls): ``mirror(*fields)`` with its ``__class__`` set to ``cls`` is the very
    object ``cls(*fields)`` makes, ~4x faster. A frozen dataclass's ``__init__`` stores each
    field through ``object.__setattr__``; the mirror, a plain class with the same slots,
    stores them directly, and then takes the model's class (same layout, so Python allows
    it). At 10,000 cards, making the models was most of opening a board from the cache
    (issue 11). A model the mirror cannot stand for (slots other than its fields in order,
    a ``__post_init__``, a layout Python refuses) is made by ``(cls, cls)``: by ``cls`` itself."""
    made = _MAKERS.get(cls)
    if made is None:
        names = _FIELDS[cls]
        made = (cls, cls)
        if getattr(cls, "__slots__", None) == names and not hasattr(cls, "__post_init__"):
            code: dict[str, Any] = {}
            exec(f"def __init__(self, {', '.join(names)}):\n" + "".join(f"    self.{n} = {n}\n" for n in names), code)
            mirror = type(f"{cls.__name__}Fields", (), {"__slots__": names, "__init__": code["__init__"]})
            try:
                mirror(*names).__class__ = cls
                made = (mirror, cls)
            except TypeError:
                pass
        _MAKERS[cls] = made
    return made


def _models(name: str, rows: list) -> list:
    """The models of class ``name`` whose fields are ``rows``, in order."""
    mirror, cls = _maker(_MODELS[name])
    if mirror is cls:
        return [cls(*row) for row in rows]
    out = []
    for row in rows:
        model = mirror(*row)
        model.__class__ = cls
        out.append(model)
    return out


def _dec(value: Any) -> Any:
    kind = type(value)
    if kind is dict:
        return {k: _dec(v) for k, v in value.items()}
    if kind is list:
        return [_dec(v) for v in value]
    if kind is not tuple:
        return value
    tag = value[0]
    if tag == "D":
        return dict(zip(value[2], _models(value[1], value[3])))
    if tag == "TM":
        return tuple(_models(value[1], value[2]))
    if tag == "T":
        return tuple(_dec(v) for v in value[1])
    if tag == "S":
        return {_dec(v) for v in value[1]}
    if tag == "M":
        return _MODELS[value[1]](*(_dec(v) for v in value[2]))
    raise ValueError(f"unknown node {tag!r}")


def _sources(live: LiveView) -> dict[str, dict]:
    """The live view's own mappings, which the shown board mostly shares objects with."""
    return {**{f"table:{kind}": table for kind, table in live.tables.items()},
            "notes": live.notes, "history": live.history}


def _enc_shown(value: Any, sources: dict[str, dict], same: dict) -> Any:
    """A mapping of the shown board whose values are mostly the very objects of one of the
    view's mappings (cards not joined, items not retired) is kept as keys into it, plus the
    values that differ: half the size, and no model decoded twice. One that holds exactly the
    mapping's own objects in its order (a board with nothing joined, merged or hidden: most
    boards) is kept as its name alone, and decoded as a copy of it (C's own loop: at 10,000
    cards ~1 ms less before the first paint, issue 11)."""
    if type(value) is dict and value:
        first_key, first = next(iter(value.items()))
        for name, source in sources.items():
            if source.get(first_key) is first:
                extra = {k: v for k, v in value.items() if source.get(k) is not v}
                if not extra and len(value) == len(source) and list(value) == list(source):
                    return ("SAME", name)
                return ("SUB", name, [same.setdefault(k, k) for k in value], _enc(extra, same))
    return _enc(value, same)


def encode_view(live: LiveView) -> dict[str, Any]:
    """Everything the live view derived from the registers (its tables, notes and history,
    and the cross-record rules' results), as plain data; ValueError when something there
    cannot be kept. Generic over the attributes, so a new one is cached without a change here
    (tests/storage/test_open_cache.py compares a cached view with one built from the files)."""
    same: dict[str, str] = {}
    kept = {name: _enc(value, same) for name, value in vars(live).items() if name not in _NOT_KEPT}
    sources = _sources(live)
    kept["shown"] = {name: _enc_shown(value, sources, same) for name, value in vars(live.shown).items()}
    return kept


def decode_view(data: dict[str, Any]) -> LiveView:
    """The live view ``encode_view`` kept; TypeError/ValueError/KeyError when damaged."""
    live = LiveView.__new__(LiveView)
    for name, value in data.items():
        if name != "shown":
            setattr(live, name, _dec(value))
    sources = _sources(live)
    shown = Shown.__new__(Shown)
    for name, value in data["shown"].items():
        if type(value) is tuple and value[0] == "SAME":
            value = dict(sources[value[1]])
        elif type(value) is tuple and value[0] == "SUB":
            source, extra = sources[value[1]], _dec(value[3])
            value = {k: extra[k] if k in extra else source[k] for k in value[2]}
        else:
            value = _dec(value)
        setattr(shown, name, value)
    live.shown = shown
    live.version = 0
    live.snapshot = live._freeze()
    return live


def encode_state(state: State) -> bytes:
    """The registers as marshal data. Registers that are equal and hold a text or nothing (a
    card's item, its agency, a status, a role: most of a board) are kept as one object, which
    marshal writes once: at 10,000 cards a third of the bytes, decoded in a third of the time.
    Sharing a tuple is safe, it never changes; other values (1 and True are equal in Python,
    and so are 0.0 and -0.0) are left as they are."""
    same: dict = {}
    records = {key: {name: same.setdefault(reg, reg) if type(reg[1]) is str or reg[1] is None else reg
                     for name, reg in fields.items()} for key, fields in state.records.items()}
    return marshal.dumps((records, state.events))


def decode_state(raw: bytes) -> State:
    records, events = marshal.loads(raw)
    return State(records, events)


def write(path: Path, cached: Cached) -> bool:
    """Write the cache (atomically, without fsync: losing it costs one slow open); False
    when it could not be written (a full disk, a value marshal cannot hold)."""
    token = os.urandom(8)
    try:
        head = marshal.dumps((_code_key(), cached.meta, cached.base_key, cached.sources, cached.own_keys,
                              cached.named, cached.max_stamp, token))
        if isinstance(cached.view, LiveView):
            view, columns = encode_view(cached.view), fill(cached.view.snapshot)[0]
        else:
            view, columns = cached.view, cached.columns
        body = marshal.dumps((view, columns))
        state = cached.state if isinstance(cached.state, bytes) else encode_state(cached.state)
        payload = b"".join((head, body, state))
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, b"".join((MAGIC, _FRAME.pack(zlib.adler32(payload), len(head), len(body)), payload)),
                     durable=False)
    except (OSError, ValueError, TypeError, BoardError):  # BoardError: a folder we may not write (files.py)
        return False
    cached.token = token
    # A log of another cache, left beside this one, names another token: never replayed here.
    cache_log.start(cache_log.log_path(path), token, cached.own_keys)
    return True


# -- reading ----------------------------------------------------------------------------------


def _unchanged(board: Path, cached: Cached) -> tuple | None:
    """The keys of our own file's two copies now, when every other file the cache was built
    from is as it was and no other file is there to be read (a new replica file, a conflict
    copy dropped in, an odd entry to warn about); None otherwise."""
    # The folders first: a file that arrives while we compare is then seen by the open board.
    cached.dirs = {d: stat_key(d) for d in (board.parent, fs.board_folder(board))}
    if stat_key(board) != cached.base_key:
        return None
    files, odd = fs.folder_listing(board)
    if odd:
        return None
    replica = find_replica(board, str(cached.meta.get("board_id")), cached.meta["user"])
    if replica is None:
        return None
    own = fs.board_folder(board) / f"{replica.id}.json"
    wanted = {str(p) for p in (board, *files, *fs.beside_files(board)) if p != own}
    if wanted != set(cached.sources):
        return None
    if not all(stat_key(Path(p)) == key for p, (key, _) in cached.sources.items()):
        return None
    return (stat_key(own), stat_key(replica.shadow_path))


def read(path: Path, board: Path, user: str) -> Cached | None:
    """The cache at ``path`` when it was built from exactly the files ``board`` has now, by
    this program, for ``user``; None otherwise (missing, stale, damaged: all the same)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError:
        return None
    try:
        if raw[:8] != MAGIC:
            return None
        checksum, head_len, body_len = _FRAME.unpack_from(raw, 8)
        start = 8 + _FRAME.size
        payload = memoryview(raw)[start:]
        if zlib.adler32(payload) != checksum:
            return None
        code, meta, base_key, sources, own_keys, named, max_stamp, token = marshal.loads(payload[:head_len])
        if code != _code_key() or not isinstance(meta, dict) or meta.get("user") != user:
            return None
        cached = Cached(meta, base_key, sources, own_keys, named, max_stamp, {}, b"", token=token)
        own_now = _unchanged(board, cached)
        if own_now is None:
            return None
        if own_now != own_keys:  # we wrote since: the frames that lead to our file as it is now
            frames = cache_log.replay(cache_log.log_path(path), token, own_keys, own_now)
            if frames is None:
                return None
            cached.frames = frames
        cached.view, cached.columns = marshal.loads(payload[head_len:head_len + body_len])
        cached.state = bytes(payload[head_len + body_len:])
    except (ValueError, TypeError, EOFError, KeyError, struct.error):
        return None  # damaged or from elsewhere: the files are read instead
    return cached
