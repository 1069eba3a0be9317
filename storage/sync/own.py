"""The replica's own file: the one file of the folder this replica writes.

Both copies are TinyDB databases (``tables.ReplicaFile``): a change is a few document
operations on the shadow, written once and mirrored byte for byte to the synced copy.

``OwnFile`` owns everything about it (DESIGN.md §3): its entries (a ``State``), the two
copies it lives in (the synced ``NAME.d/<replica>.json`` and the shadow in the local state
dir, which restores the synced copy when a sync engine deletes it or rolls it back), their
stat keys, the compacted bases it names, and the lock held around re-read -> apply -> write.
It loads, writes and compacts itself; what the rest of the board looks like is passed in
(the joined registers a compaction writes out), never reached for.
"""

from __future__ import annotations

import _thread
import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable, NamedTuple

from storage.errors import BadFile
from storage.sync import folder as fs
from storage.sync.bases import latest, named_bases, own_changes
from storage.sync.clock import Stamp
from storage.sync.codec import file_notes, make_meta, to_tables
from storage.sync.sharing import make_folder
from storage.sync.files import TEMP_PREFIX, StatKey, dumps, stat_key, write_atomic
from storage.sync import host
from storage.sync.host import stale_temp
from storage.sync.replica import Replica, WriteLock, current, renew
from storage.sync.state import Delta, State, dominates, merge_into, prune

if TYPE_CHECKING:
    from storage.sync.tables import ReplicaFile


# A NamedTuple, not a dataclass: every command defines it, and a frozen dataclass costs ~5x as much to
# define (~0.5 ms of each start; issue 11).
class Identity(NamedTuple):
    """What the board document of every file this replica writes says about it."""

    board_id: str
    name: str
    user: str


class Compacted(NamedTuple):  # a NamedTuple: see Identity
    """What one compaction did."""

    entries: int
    """How many entries of this replica moved into the new base."""
    base: str
    """The new base's file name."""
    removed: list[str]
    """Our older bases removed (the new one holds all of their entries)."""


class OwnFile:
    """This replica's entries and the two copies of its file.

    ``replica`` is None only for a read-only store of a user who never wrote here: then
    there is no shadow, no lock, and nothing is ever written.
    """

    def __init__(self, identity: Identity, replica: Replica | None, board: Path, *, read_only: bool = False) -> None:
        self.identity = identity
        self.replica = replica
        self.board = board
        self.folder = fs.board_folder(board)
        # Read-only, our synced file is read like anybody's; the dot name is never listed.
        name = f"{TEMP_PREFIX}read-only" if read_only or replica is None else f"{replica.id}.json"
        self.path = self.folder / name
        """The synced copy, ``NAME.d/<replica>.json``."""
        self.entries = State()
        """Everything this replica wrote that no base holds yet (what its file holds)."""
        self.bases: list[dict] = []
        """The newest compacted base our file names (``bases.py``), as a list of at most one."""
        self._moved: tuple[BadFile, ...] = ()
        self._notes: dict[Path, tuple[BadFile, ...]] = {}
        self._copies: dict[Path, ReplicaFile] = {}
        """The TinyDB databases of the two copies, made when first read or written (``_copy``)."""
        self._synced_key: StatKey | None = None
        self._shadow_key: StatKey | None = None
        # The watcher thread compares these keys. threading.Lock is this; the threading module
        # itself (~0.4 ms) is not imported by a command (issue 11).
        self._keys = _thread.allocate_lock()
        self.ahead: Callable[[int], bool] | None = None
        """Whether a stamp's wall time is ahead of our clock (set by the store: clock.py)."""
        self._pending = State()
        """Changes taken in since the last write."""
        self._rewrite = True
        """The shadow does not hold exactly ``entries`` plus ``_pending``: write it whole."""

    def _copy(self, path: Path) -> ReplicaFile:
        """The TinyDB database of one copy. Made at its first read or write, which an open
        from the cache never does: TinyDB and orjson are not imported by ``board list`` (issue 11)."""
        if path not in self._copies:
            from storage.sync.tables import ReplicaFile

            self._copies[path] = ReplicaFile(path)
        return self._copies[path]

    @property
    def _synced(self) -> ReplicaFile:
        """Our synced copy, ``NAME.d/<replica>.json`` (it follows ``path`` when the replica moves)."""
        return self._copy(self.path)

    @property
    def _shadow(self) -> ReplicaFile | None:
        """The shadow in the state dir; None without an identity (read-only, never wrote here)."""
        return self._copy(self.replica.shadow_path) if self.replica is not None else None

    @property
    def problems(self) -> tuple[BadFile, ...]:
        """Our synced copy found damaged and moved aside (the shadow still had our entries),
        and values left out of either copy (that copy is then rewritten without them)."""
        return (*self._moved, *(note for notes in self._notes.values() for note in notes))

    # -- the lock and the keys ----------------------------------------------------------------

    def locked(self) -> WriteLock:
        """The local lock around re-read -> apply -> write (two sessions of one replica)."""
        assert self.replica is not None, "a read-only store without an identity takes no lock"
        return self.replica.lock()

    @property
    def synced_key(self) -> StatKey | None:
        """The stat key of the synced copy as last read or written (None: missing or damaged)."""
        with self._keys:
            return self._synced_key

    @property
    def keys(self) -> tuple[StatKey | None, StatKey | None]:
        """The stat keys of the synced copy and of the shadow as last read or written."""
        with self._keys:
            return self._synced_key, self._shadow_key

    def changed(self) -> bool:
        """Cheap: did either copy change on disk since we last read or wrote it?"""
        with self._keys:
            synced, shadow = self._synced_key, self._shadow_key
        if stat_key(self.path) != synced:
            return True
        return self.replica is not None and stat_key(self.replica.shadow_path) != shadow

    def forget(self) -> None:
        """A write failed: drop what is in memory; the next write re-reads both copies."""
        self.entries, self._pending, self._rewrite = State(), State(), True
        for copy in self._copies.values():
            copy.forget()
        with self._keys:
            self._synced_key = self._shadow_key = None

    # -- reading ------------------------------------------------------------------------------

    def sweep_temps(self) -> None:
        """Under the lock: remove the temp files a killed process of ours left — only those
        provably ours and abandoned (``host.stale_temp``): a machine with a copy of our state
        dir writes the same names, and removing its temp file failed its write."""
        assert self.replica is not None
        for folder, name in ((self.folder, self.path.name), (self.replica.home, self.replica.shadow_path.name)):
            for temp in folder.glob(f"{TEMP_PREFIX}{name}.*.tmp"):
                if stale_temp(temp):
                    temp.unlink(missing_ok=True)

    def load(self, *, repair: bool = True, board: Callable[[], State] | None = None) -> bool:
        """Under the lock: join the shadow and the synced copy into ``entries`` (other
        processes of this replica write both); with ``repair``, rewrite either copy that lost
        entries. True when ``entries`` gained something.

        A synced copy that another machine wrote under our identity is not ours to join:
        this machine moves to a fresh replica id (``_written_elsewhere``). ``board`` returns
        the whole board as seen (it reads the folder); asked only when that is in doubt."""
        assert self._shadow is not None and self.replica is not None
        self._switch(current(self.replica))  # another process of this machine may have moved
        shadow_key, shadow, shadow_meta = self._read_copy(self._shadow, self._shadow_key)
        synced_key, synced, synced_meta = self._read_copy(self._synced, self._synced_key,
                                                          twin=self._shadow if shadow is not None else None)
        why = self._written_elsewhere(shadow, synced, synced_meta, board)
        if why:
            # The old file stays where it is and is read like any other replica's; ours
            # (the shadow's entries) go to the new one with the next write.
            self._switch(renew(self.replica, why))
            synced_key, synced, synced_meta = None, None, None
        self.bases = latest(self.bases, named_bases(shadow_meta), named_bases(synced_meta))
        added = False
        for state in (shadow, synced):
            if state is not None:
                added = bool(merge_into(self.entries, state)) or added
        # A copy with values left out of it is rewritten whole: nothing invalid stays in our files.
        fix_synced = self._stale(synced_key, synced, added) or self._skipped(self._synced)
        fix_shadow = self._stale(shadow_key, shadow, added) or self._skipped(self._shadow)
        self._rewrite = fix_shadow  # else the shadow was read whole or written by us: add to it
        with self._keys:
            self._synced_key, self._shadow_key = synced_key, shadow_key
        # A reader that never wrote keeps no file: no empty replica files from `board list`.
        if repair and (fix_synced or fix_shadow) and self.entries.size():
            if fix_shadow:
                self.write(synced_too=fix_synced)
            else:
                self._mirror()
        return added

    def _written_elsewhere(self, shadow: State | None, synced: State | None, meta: dict | None,
                           board: Callable[[], State] | None) -> str:
        """Why the synced copy (just read: it changed) was written by another machine under
        our identity, or "". Processes of this machine write the shadow first and the synced
        copy after, under one lock, so our synced copy never holds anything this machine has
        not seen — an older copy that a sync engine rolled back holds what our shadow or,
        once compacted, our bases hold. Another machine's copy says so (its ``host``) or, a
        clone saying the same, holds entries seen nowhere here (it won a race for the file)."""
        if synced is None or meta is None:
            return ""
        if meta.get("host") not in (None, "", host.fingerprint()):
            return "written by another machine"
        ours = self.entries
        if shadow is not None:
            ours = self.entries.copy()
            merge_into(ours, shadow)
        unseen = prune(synced, ours)
        if unseen.size() and board is not None:
            unseen = prune(unseen, board())
        return "holds entries this machine never wrote" if unseen.size() else ""

    def _switch(self, replica: Replica) -> None:
        """Write under ``replica`` from now on (the same shadow, lock and state folder)."""
        if self.replica is not None and replica.id == self.replica.id:
            return
        self.replica = replica
        self.path = self.folder / f"{replica.id}.json"
        self._rewrite = True  # the shadow's board document names the old id
        with self._keys:
            self._synced_key = None

    def read_shadow(self) -> State | None:
        """Read-only: our entries from the shadow, which may hold what the synced copy lost;
        None when it did not change (or there is none)."""
        if self._shadow is None:
            return None
        key, state, _ = self._read_copy(self._shadow, self._shadow_key)
        with self._keys:
            self._shadow_key = key
        if state is not None:
            merge_into(self.entries, state)
        return state

    def _stale(self, key: StatKey | None, state: State | None, added: bool) -> bool:
        """Whether one copy must be rewritten: missing or damaged, unchanged while the other
        copy brought new entries, or lacking some of ours."""
        if key is None:
            return True
        return added if state is None else not dominates(state, self.entries)

    def _read_copy(self, copy: ReplicaFile, known: StatKey | None,
                   twin: ReplicaFile | None = None) -> tuple[StatKey | None, State | None, dict | None]:
        """(key, state, meta): key None when missing or damaged; state, meta None when unchanged.
        ``twin``: the other copy, just read (the same bytes are not parsed twice)."""
        try:
            parsed = copy.read(known, self.ahead, twin)
        except BadFile as error:
            copy.forget()
            if copy is self._synced:
                # Keep its bytes for people (moved, never overwritten); our data is in the shadow.
                where = fs.archive(self.path, self.folder)
                self._moved = (error.restated("moved", where=str(where)),)
            return None, None, None
        if parsed is None:
            self._notes.pop(copy.path, None)
            return None, None, None
        if parsed.meta is not None:
            self._notes[copy.path] = file_notes(copy.path, parsed)
        return parsed.key, parsed.state, parsed.meta

    def _skipped(self, copy: ReplicaFile | None) -> bool:
        return copy is not None and any(n.reason == "bad_values" for n in self._notes.get(copy.path, ()))

    # -- writing ------------------------------------------------------------------------------

    def add(self, ops: State) -> Delta:
        """Take entries into ``entries`` (written by the next ``write``); returns what was new."""
        delta = merge_into(self.entries, ops)
        for key, names in delta.records.items():
            fields = self.entries.records[key]
            self._pending.records.setdefault(key, {}).update((name, fields[name]) for name in names)
        self._pending.events.update((e, self.entries.events[e]) for e in delta.events)
        return delta

    def write(self, *, synced_too: bool = True) -> None:
        """Under the lock: the shadow := ``entries`` — by adding the changes taken in since
        the last write, or whole when it may lack more — then the same bytes to the synced
        copy (atomic, durable)."""
        assert self._shadow is not None and self.replica is not None
        ident = self.identity
        meta = make_meta(ident.board_id, ident.name, "replica", self.replica.id, ident.user, self.replica.machine,
                         bases=self.bases)
        meta["host"] = host.fingerprint()  # which machine wrote it: see _written_elsewhere
        mirrors = (self.path,) if synced_too else ()
        if mirrors:
            make_folder(self.folder)
        if self._rewrite:
            self._shadow.rewrite(self.entries, meta, mirrors)
        else:
            self._shadow.apply(self._pending, self.entries, meta, mirrors)
        self._pending, self._rewrite = State(), False
        with self._keys:
            self._shadow_key = self._shadow.storage.key
        if synced_too:
            self._synced.mirror_of(self._shadow)
            with self._keys:
                self._synced_key = self._synced.storage.key

    def _mirror(self) -> None:
        """Under the lock: the synced copy := the shadow's bytes (it was lost or rolled back)."""
        assert self._shadow is not None
        make_folder(self.folder)
        write_atomic(self.path, self._shadow.path.read_bytes())
        self._synced.mirror_of(self._shadow)
        with self._keys:
            self._synced_key = self._synced.storage.key

    def fold(self, state: State) -> int:
        """Take a stray copy's entries in as ours; how many were new to this file."""
        kept = self.add(state)
        return sum(len(names) for names in kept.records.values()) + len(kept.events)

    def compact(self, joined: State, base: State, stamp: Stamp, *,
                pending: State | None = None, keep: frozenset[Path] = frozenset()) -> Compacted | None:
        """Under the lock: write everything ``joined`` holds that the board's ``base`` lacks
        (with ``pending`` entries about to be written) into a new immutable
        ``base-<stamp>-<replica>.json``, remove our older bases and drop from ``entries``
        what the new base holds. The caller has read every file first (``joined`` must be
        the whole board) and writes ``entries`` afterwards. ``keep``: files not read."""
        assert self.replica is not None
        entries = self.entries.size()
        if not entries:
            return None
        out = prune(joined, base)
        if pending is not None:
            merge_into(out, prune(pending, base))
        name = f"base-{stamp[0]}{stamp[1]:04d}-{self.replica.id}.json"  # unique even within one ms
        ident = self.identity
        meta = make_meta(ident.board_id, ident.name, "base", self.replica.id, ident.user, self.replica.machine)
        make_folder(self.folder)  # a board whose NAME.d/ does not exist yet
        write_atomic(self.folder / name, dumps(to_tables(out, meta)), exclusive=True)
        done = Compacted(entries, name, [])
        for old in fs.folder_files(self.board):
            if old in keep:
                continue  # not read, so not in the new base: leave it for people
            if re.match(fs.BASE_NAME, old.name) and old.name.endswith(f"-{self.replica.id}.json") and old.name != name:
                old.unlink(missing_ok=True)  # ours, and every entry of it is in the new base
                done.removed.append(old.name)
        self.entries = prune(prune(self.entries, out), base)
        self.bases = [{"name": name, "changes": own_changes(out, self.replica.id)}]
        self._pending, self._rewrite = State(), True
        return done
