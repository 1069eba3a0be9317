"""BoardStore: the one object the app and the CLI use to read and change a board.

The board you see is join(base, every file in ``NAME.d/``) (DESIGN.md §3). This replica
writes only its own file, under a local lock, after re-reading it: re-read -> apply ->
atomic write. Its authoritative copy is the shadow in the local state dir; the synced file
is rewritten from it whenever a sync engine deletes it or rolls it back.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from storage.errors import AmbiguousCard, BadFile, BoardError, UnknownCard
from storage.ids import new_id
from storage.models import BoardSnapshot, Card, Change, Records
from storage.sync import folder as fs
from storage.sync.bases import NamedBases, WaitingForBase, latest, named_bases
from storage.sync.clock import HybridClock, Stamp, wall_ms
from storage.sync.codec import make_meta, parse_file, records_state, to_tables
from storage.sync.edits import Edits
from storage.sync.files import TEMP_PREFIX, StatKey, dumps, stat_key, write_atomic
from storage.sync.replica import Replica, WriteLock, find_replica, replica_for, user_name
from storage.sync.report import SyncReport, changes_of, join_deltas, newest_stamp
from storage.sync.state import Delta, State, dominates, merge_into
from storage.sync.sync_ops import compact, run_sync
from storage.sync.view import LiveView
from storage.sync.wording import restated

__all__ = ["BoardStore", "SyncReport", "parse_file"]

COMPACT_AT = 2000
"""Entries in our own file that trigger a compaction on write (a move then costs ~4 ms at 10k)."""


class BoardStore(Edits):
    """A board file, its replica folder and this replica's writes. See the team contract."""

    def __init__(self, path: Path, meta: dict, base: State, base_key: StatKey, user: str,
                 clock: Callable[[], int] | None, read_only: bool = False) -> None:
        self.path = path
        self.folder = fs.board_folder(path)
        self.board_id: str = meta["board_id"]
        self.name: str = str(meta.get("name", ""))
        self.user = user
        self.read_only = read_only
        # Read-only: no identity is made; None when this user never wrote to this board here.
        self.replica: Replica = (find_replica if read_only else replica_for)(path, self.board_id, user)  # type: ignore[assignment]
        self.replica_id = self.replica.id if self.replica else ""
        # Read-only, our synced file is read like anybody's; the dot name is never listed.
        self.own_path = self.folder / (f"{TEMP_PREFIX}read-only" if read_only else f"{self.replica_id}.json")
        self.clock = HybridClock(self.replica_id, clock)
        self.problems: tuple[BadFile, ...] = ()
        self._state = base.copy()
        self._base = base
        self._own = State()
        self._own_key: StatKey | None = None
        self._shadow_key: StatKey | None = None
        self._sources: dict[Path, tuple[StatKey | None, bool]] = {path: (base_key, False)}
        self._dir_keys: dict[Path, StatKey | None] = {}
        self._keys_lock = threading.Lock()
        self._closed = False
        self._own_problems: tuple[BadFile, ...] = ()
        self._bad: dict[Path, BadFile] = {}
        self._own_bases: list[dict] = []
        self._named = NamedBases()
        self.waiting: tuple[WaitingForBase, ...] = ()
        """Compacted bases that files here name but that have not arrived: the view is incomplete."""

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, user: str | None = None,
             clock: Callable[[], int] | None = None, read_only: bool = False) -> "BoardStore":
        """Open a board; ``read_only`` writes nothing anywhere (not even the state dir) and
        refuses every change with a BoardError."""
        path = Path(path)
        try:
            parsed = parse_file(path)
        except BadFile as error:
            raise restated(error, "") from None
        if parsed is None:
            raise BoardError(f"{path}: no board file here (start one with `board import LETTER`)")
        key, meta, base = parsed
        assert meta is not None and base is not None
        if meta.get("role") != "base":
            raise BadFile(str(path), "this is a replica file, not a board; open the NAME.json beside NAME.d/")
        store = cls(path, meta, base, key, user_name(user), clock, read_only)
        store._boot()
        return store

    def _boot(self) -> None:
        # NAME.d/ is made by the first write, not here: reading a board (a meeting on a
        # read-only share, `board list` on the bundled board.json) leaves no trace.
        self._remember_dirs()
        if self.read_only:
            self._read_shadow()
        else:
            with self._locked():
                self._sweep_temps()
                self._load_own()
        self._scan()
        self.clock.observe(self._state.max_stamp())
        self._live = LiveView(self._state)

    @classmethod
    def create(cls, path: str | Path, records: Records, *, name: str = "", by: str = "") -> None:
        """Write a NEW base board file holding ``records``; refuses to replace an existing one.

        ``by`` (who imported it) also gets one import event per letter, with the time."""
        path = Path(path)
        meta = make_meta(new_id(), name or path.stem, "base")
        state = records_state(records)
        if by:
            stamp = (wall_ms(), 0, "")
            for letter in records.directives:
                event_id = new_id()
                state.events[event_id] = {"id": event_id, "kind": "history", "card": letter.id, "by": by,
                                          "s": list(stamp), "field": "import", "old": None, "new": letter.source}
        data = dumps(to_tables(state, meta))
        try:
            write_atomic(path, data, exclusive=True)
        except FileExistsError:
            raise BoardError(f"{path}: a board already exists here; not replacing it") from None
        fs.board_folder(path).mkdir(exist_ok=True)

    # -- reading ---------------------------------------------------------------------------

    def snapshot(self) -> BoardSnapshot:
        return self._live.snapshot

    def resolve_card(self, prefix: str) -> Card:
        """The card whose id is ``prefix`` or starts with it."""
        cards = self._live.snapshot.cards
        wanted = prefix.strip().lower()
        if wanted in cards:
            return cards[wanted]
        matches = [c for cid, c in cards.items() if wanted and cid.startswith(wanted)]
        if not matches:
            raise UnknownCard(f"no card {prefix!r} on this board")
        if len(matches) > 1:
            shown = sorted(c.id[:10] for c in matches)
            some = ", ".join(shown[:4]) + (", …" if len(shown) > 4 else "")  # … only when some are left out
            raise AmbiguousCard(f"{prefix!r} matches {len(matches)} cards ({some}); type more of the id")
        return matches[0]

    def watch_paths(self) -> list[Path]:
        return [self.path.parent, self.folder]

    def _locked(self) -> WriteLock:
        return self.replica.lock()

    # -- the replica's own file ------------------------------------------------------------

    def _sweep_temps(self) -> None:
        """Under the lock: temp files of our own writes can only be left by a killed process."""
        for folder, name in ((self.folder, self.own_path.name), (self.replica.home, self.replica.shadow_path.name)):
            for temp in folder.glob(f"{TEMP_PREFIX}{name}.*.tmp"):
                temp.unlink(missing_ok=True)

    def _load_own(self, *, repair: bool = True) -> Delta:
        """Under the lock: join the shadow and the synced own file (other processes of this
        replica write both); rewrite either copy that lost entries. Returns the board delta."""
        shadow_key, shadow, shadow_meta = self._read_own_copy(self.replica.shadow_path, self._shadow_key, shadow=True)
        synced_key, synced, synced_meta = self._read_own_copy(self.own_path, self._own_key, shadow=False)
        self._own_bases = latest(self._own_bases, named_bases(shadow_meta), named_bases(synced_meta))
        added = Delta()
        for state in (shadow, synced):
            if state is not None:
                added = join_deltas(added, merge_into(self._own, state))
        fix_synced = self._stale(synced_key, synced, bool(added))
        fix_shadow = self._stale(shadow_key, shadow, bool(added))
        with self._keys_lock:
            self._own_key, self._shadow_key = synced_key, shadow_key
        # A reader that never wrote keeps no file: no empty replica files from `board list`.
        if repair and (fix_synced or fix_shadow) and self._own.size():
            self._write_own(shadow_too=fix_shadow, synced_too=fix_synced)
        return merge_into(self._state, self._own) if added else Delta()

    def _stale(self, key: StatKey | None, state: State | None, added: bool) -> bool:
        """Whether one copy of our file must be rewritten: missing or damaged, unchanged
        while the other copy brought new entries, or lacking some of ours."""
        if key is None:
            return True
        return added if state is None else not dominates(state, self._own)

    def _read_own_copy(self, path: Path, known: StatKey | None, *,
                       shadow: bool) -> tuple[StatKey | None, State | None, dict | None]:
        """(key, state, meta): key None when missing or damaged; state, meta None when unchanged."""
        try:
            parsed = parse_file(path, known)
        except BadFile as error:
            if not shadow:
                # Keep its bytes for people (moved, never overwritten); our data is in the shadow.
                where = fs.archive(path, self.folder)
                self._own_problems = (restated(error, "moved", where=str(where)),)
            return None, None, None
        if parsed is None:
            return None, None, None
        return parsed[0], parsed[2], parsed[1]

    def _read_shadow(self) -> Delta:
        """Read-only: our entries from the shadow, which may hold what the synced copy lost."""
        if self.replica is None:
            return Delta()
        key, state, _ = self._read_own_copy(self.replica.shadow_path, self._shadow_key, shadow=True)
        self._shadow_key = key
        return merge_into(self._state, state) if state is not None else Delta()

    def _write_own(self, *, shadow_too: bool = True, synced_too: bool = True) -> None:
        meta = make_meta(self.board_id, self.name, "replica", self.replica_id, self.user, self.replica.machine,
                         bases=self._own_bases)
        data = dumps(to_tables(self._own, meta))
        if shadow_too:
            write_atomic(self.replica.shadow_path, data)
            self._shadow_key = stat_key(self.replica.shadow_path)
        if synced_too:
            self.folder.mkdir(exist_ok=True)
            before = stat_key(self.folder)
            write_atomic(self.own_path, data)
            with self._keys_lock:
                self._own_key = stat_key(self.own_path)
                # Our own rename changes the folder listing; only ignore it if nothing else did.
                if self._dir_keys.get(self.folder) == before:
                    self._dir_keys[self.folder] = stat_key(self.folder)

    def _commit(self, build: Callable[[Stamp], State]) -> State:
        """re-read -> apply -> atomic write, under the local lock; then update the view."""
        self._check_open(write=True)
        with self._locked():
            self._live.apply(self._state, self._load_own(repair=False))
            ops = build(self.clock.now())
            merge_into(self._own, ops)
            try:
                if self._own.size() >= COMPACT_AT:  # keep every later write small and fast
                    compact(self, SyncReport(), pending=ops)
                self._write_own()
            except BaseException:
                # Not saved: forget it, and re-read our files from disk before the next write.
                self._own, self._own_key, self._shadow_key = State(), None, None
                raise
        self._live.apply(self._state, merge_into(self._state, ops))
        return ops

    def _check_open(self, *, write: bool = False) -> None:
        if self._closed:
            raise BoardError(f"{self.path}: the board is closed")
        if write and self.read_only:
            raise BoardError(f"{self.path}: opened read-only; nothing was changed")

    # -- changes made elsewhere ----------------------------------------------------------------

    def strays(self) -> list[Path]:
        """Conflict copies and restored backups read as data on the last look (not yet folded).

        ``board sync`` folds them into our own file and archives them; the UI names them first."""
        bad = {Path(p.path) for p in self.problems}
        with self._keys_lock:
            sources = dict(self._sources)
        return sorted(path for path, (_, foreign) in sources.items()
                      if not foreign and path != self.path and path not in bad
                      and (path.parent == self.path.parent or fs.is_stray_in_folder(path)))

    def _candidates(self) -> list[Path]:
        return [self.path, *fs.folder_files(self.path), *fs.beside_files(self.path)]

    def _scan(self) -> Delta:
        """Re-read every board file whose stat key changed; join it in."""
        delta, problems = Delta(), list(self._own_problems)
        seen: dict[Path, tuple[StatKey | None, bool]] = {}
        beside = self.path.parent
        for path in self._candidates():
            if path == self.own_path:
                continue
            known, foreign = self._sources.get(path, (None, False))
            try:
                parsed = parse_file(path, known)
            except BadFile as error:
                seen[path] = (stat_key(path), False)
                if path == self.path or path.parent != beside:  # others beside may be anything
                    problems.append(error)
                continue
            if parsed is None:
                continue
            key, meta, state = parsed
            if meta is None:  # unchanged
                seen[path] = (key, foreign)
                if path in self._bad:
                    problems.append(self._bad[path])
                continue
            foreign = meta.get("board_id") != self.board_id
            seen[path] = (key, foreign)
            if not foreign and state is not None:
                delta = join_deltas(delta, merge_into(self._state, state))
            self._named.remember(path, None if foreign else meta)
        with self._keys_lock:
            self._sources = seen
        self._bad = {Path(p.path): p for p in problems}
        present = {p.name for p, (_, foreign) in seen.items()
                   if p.parent == self.folder and not foreign and p not in self._bad}
        own = (self.own_path, self.user, self._own_bases)
        self.waiting = tuple(self._named.missing(set(seen), present, own))
        self.problems = (*problems, *self.waiting)
        return delta

    def _remember_dirs(self) -> None:
        with self._keys_lock:
            self._dir_keys = {d: stat_key(d) for d in (self.path.parent, self.folder)}

    def changed_on_disk(self) -> bool:
        """Cheap: did any board file (or the folders' listings) change since we last looked?"""
        with self._keys_lock:
            dirs = dict(self._dir_keys)
            files = dict((p, k) for p, (k, _) in self._sources.items())
            files[self.own_path] = self._own_key
        if any(stat_key(d) != k for d, k in dirs.items()):
            return True
        return any(stat_key(p) != k for p, k in files.items())

    def refresh(self) -> list[Change]:
        """Re-read what changed on disk; [] if nothing did. Updates ``snapshot()``."""
        self._check_open()
        self._remember_dirs()
        delta = Delta()
        if self.read_only:
            delta = self._read_shadow()
        elif stat_key(self.own_path) != self._own_key or stat_key(self.replica.shadow_path) != self._shadow_key:
            with self._locked():
                delta = self._load_own()
        delta = join_deltas(delta, self._scan())
        if not delta:
            return []
        self.clock.observe(newest_stamp(self._state, delta))
        self._live.apply(self._state, delta)
        return changes_of(self._state, delta)

    # -- sync, close -------------------------------------------------------------------------------

    def sync(self) -> SyncReport:
        """Fold stray copies into our own file, archive them, and compact. See sync_ops.py."""
        self._check_open(write=True)
        return run_sync(self)

    def close(self) -> None:
        self._closed = True

