"""BoardStore: the one object the app and the CLI use to read and change a board.

The board you see is join(base, every file in ``NAME.d/``) (DESIGN.md §3). The store is a
facade over parts that each own their state:

* ``OwnFile`` (own.py): this replica's entries, its synced file and shadow, the bases it
  names, the lock; it loads, writes and compacts itself;
* ``FolderScan`` (scan.py): every other file — what was read, what is bad, what is missing;
* ``edits`` (edits.py): pure functions that build stamped operations from the board as seen;
* ``LiveView`` (view.py): the snapshot the screens render, rebuilt only where things changed.

A change is: lock -> re-read our own file -> build the operations -> atomic write -> apply
to the live view (``commit``, which every edit goes through).
"""

from __future__ import annotations

from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from storage.columns import Columns
from storage.controls import visible
from storage.errors import AmbiguousCard, BadFile, BoardError, UnknownCard
from storage.ids import new_id
from storage.models import Agency, BoardSnapshot, Card, Change, Directive, Item, Note, Records
from storage.sync import cache, cache_log
from storage.sync import folder as fs
from storage.sync.bases import WaitingForBase
from storage.sync.clock import HybridClock, Stamp, wall_ms
from storage.sync.codec import file_notes, make_meta, parse_file, records_state, to_tables
from storage.sync.sharing import make_folder
from storage.sync.files import StatKey, dumps, stat_key, write_atomic
from storage.sync.own import Identity, OwnFile
from storage.sync.replica import Replica, find_replica, replica_for, user_name
from storage.sync.report import SyncReport, changes_of, join_deltas, newest_stamp
from storage.sync.scan import FolderScan
from storage.sync.state import Delta, State, merge_into
from storage.sync.view import LiveView

if TYPE_CHECKING:  # annotations only: what hand edits take is imported by the forms that make it
    from storage.editing.impact import MergePlan
    from storage.editing.values import AgencyChoice, AgencyEdit, ItemInput, LetterInput
    from storage.sync import edits, undo

# What builds a change — edits.py, hand.py, undo.py, sync_ops.py — is imported by the methods
# that change the board, not here: an open (`board list`, `board summary`, the first paint)
# never needs them, and they were ~2 ms of every such command (issue 11).

__all__ = ["BoardStore", "SyncReport", "parse_file"]

COMPACT_AT = 2000
"""Entries in our own file that trigger a compaction on write (a move then costs ~4 ms at 10k)."""


def _made(ops: State, kind: str) -> str:
    """The id of the record of ``kind`` an edit created (the one that got a ``created`` event)."""
    return next(e["target"].split("/", 1)[1] for e in ops.events.values()
                if e.get("field") == "created" and e["target"].startswith(f"{kind}/"))


class BoardStore:
    """A board file, its replica folder and this replica's writes. See the team contract."""

    def __init__(self, path: Path, meta: dict, base: State, base_key: StatKey, user: str,
                 clock: Callable[[], int] | None, read_only: bool = False, notes: tuple[BadFile, ...] = ()) -> None:
        self.path = path
        self.folder = fs.board_folder(path)
        self.board_id: str = meta["board_id"]
        # The name is anybody's text (board.json sits in a shared folder): shown in exports,
        # so made visible once here, like every text of the snapshot (storage/controls.py).
        self.name: str = visible(str(meta.get("name", "")))
        self.user = user
        self.read_only = read_only
        # Read-only: no identity is made; None when this user never wrote to this board here.
        self.cannot_write: BaseException | None = None
        """Why this store only reads (a full disk, a read-only share or state dir), if it does."""
        replica = find_replica(path, self.board_id, user) if read_only else self._identity(path, user)
        self.own = OwnFile(Identity(self.board_id, self.name, user), replica, path, read_only=read_only)
        self.files = FolderScan(path, self.board_id, base_key, notes)
        self.clock = HybridClock(self.replica_id, clock)
        self.own.ahead = self.files.ahead = self.clock.ahead
        self._state = base.copy()
        self._base: State | None = base
        """The base file's registers (a compaction writes what it lacks); None until needed
        when the board was opened from the cache."""
        self._closed = False
        self._swept = False
        """Temp files of a killed writer removed (on the first locked load or write)."""
        self._cached_version: int | None = None
        """The snapshot version the cache and its log hold (None: not written in this session)."""
        self._unjoined: list[State] = []
        """Changes from the cache's log not yet merged into the registers (see ``_state``)."""
        self._cache_token = b""
        """The id of the cache this store was opened from or wrote (cache_log.py names it)."""
        self._columns: tuple[Columns | None, BoardSnapshot | None] = (None, None)
        """The board's columns as the open cache kept them, and the snapshot they are exactly
        the columns of (None: our own changes were replayed over the cache's view)."""
        self.last_change: undo.Undoable | None = None
        """What undo needs to take back the last change made through this store (None: nothing)."""

    def _identity(self, path: Path, user: str) -> Replica | None:
        """This user's replica here, made if need be; when it cannot be made (a full disk, a
        state dir we may not write) the saved one, or None: reading needs no identity."""
        try:
            return replica_for(path, self.board_id, user)
        except (OSError, BoardError) as error:
            self.cannot_write = error
            return find_replica(path, self.board_id, user)

    @property
    def replica(self) -> Replica:
        """Who writes here. It changes when another machine turns out to write under the same
        identity (a copied state dir): this one then moves to a fresh id (``OwnFile.load``)."""
        return self.own.replica  # type: ignore[return-value]

    @property
    def replica_id(self) -> str:
        return self.own.replica.id if self.own.replica else ""

    @property
    def own_path(self) -> Path:
        """Our synced file, ``NAME.d/<replica>.json``."""
        return self.own.path

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, user: str | None = None,
             clock: Callable[[], int] | None = None, read_only: bool = False) -> "BoardStore":
        """Open a board; ``read_only`` writes nothing anywhere (not even the state dir) and
        refuses every change with a BoardError."""
        with cache.paused_gc():  # a few hundred thousand objects made, none freed
            return cls._open(Path(path), user, clock, read_only)

    @classmethod
    def _open(cls, path: Path, user: str | None, clock: Callable[[], int] | None, read_only: bool) -> "BoardStore":
        if not read_only:
            store = cls._from_cache(path, user_name(user), clock)
            if store is not None:
                return store
        try:
            parsed = parse_file(path, ahead=HybridClock("", clock).ahead)
        except BadFile as error:
            raise error.restated("") from None
        if parsed is None:
            raise BoardError("error.no_board", path=str(path))
        meta, base = parsed.meta, parsed.state
        assert meta is not None and base is not None
        if meta.get("role") != "base":
            raise BadFile(str(path), "replica")
        store = cls(path, meta, base, parsed.key, user_name(user), clock, read_only, notes=file_notes(path, parsed))
        store._boot()
        store.save_cache()
        return store

    @classmethod
    def _from_cache(cls, path: Path, user: str, clock: Callable[[], int] | None) -> "BoardStore | None":
        """The board as the cache holds it, when every file it was built from is unchanged
        (storage/sync/cache.py); None otherwise. Our own file is read on the first write or
        refresh, as after ``OwnFile.forget()``; the base's registers when a compaction needs them."""
        found = cache.read(cache.cache_path(path, user), path, user)
        if found is None:
            return None
        try:
            live = cache.decode_view(found.view)
        except (TypeError, ValueError, KeyError, AttributeError, IndexError):
            return None
        store = cls(path, found.meta, State(), found.base_key, user, clock)
        store.files.restore(found.sources, found.named, found.dirs or {})
        store._base = None
        store._encoded_state = found.state
        # A clock set back since: read the files, which name what is now ahead of it.
        if not all(store.clock.observe(stamp) for stamp in (found.max_stamp, *(f[2] for f in found.frames))):
            return None
        # Our changes since the cache was written, in order: a move or a note rebuilds its card
        # from the log alone; the registers take them in when they are decoded (``_state``).
        store._unjoined = [State(f[0], f[1]) for f in found.frames]
        try:
            if found.frames and not cache_log.replay_view(live, found.frames):
                for ops in store._take_unjoined():
                    live.apply(store._state, merge_into(store._state, ops))
        except (TypeError, ValueError, KeyError, AttributeError, IndexError):
            return None  # a log this version cannot replay: the files are read instead
        store._live = live
        store._cached_version = live.version
        store._cache_token = found.token
        store._columns = (found.columns, None if found.frames else live.snapshot)
        return store

    def save_cache(self) -> None:
        """Write the cache of what this store holds, unless the board has problems to report
        or our own copies changed since we read them (then the next open reads the files), or
        our own file could not be read for writing (a full disk: the next open tries again)."""
        if (self.read_only or self.cannot_write is not None or self.problems or self.own.problems
                or self.own.changed()):
            return
        remembered = self.files.remembered()
        if remembered is None:
            return
        sources, named = remembered
        state = self._encoded_state if self._encoded_state is not None else self._state
        found = cache.Cached({"board_id": self.board_id, "name": self.name, "user": self.user},
                             sources[str(self.path)][0], sources, self.own.keys, named,
                             self.clock.seen, self._live, state)
        with cache.paused_gc():
            written = cache.write(cache.cache_path(self.path, self.user), found)
        if written:
            self._cached_version = self._live.version
            self._cache_token = found.token

    @property
    def _state(self) -> State:
        """The joined registers; from the cache they are decoded when first needed (a write,
        a refresh), which a `board list` or a first paint never does."""
        if self._encoded_state is not None:
            with cache.paused_gc():
                self._joined = cache.decode_state(self._encoded_state)
            self._encoded_state = None
            for ops in self._take_unjoined():
                merge_into(self._joined, ops)
        return self._joined

    def _take_unjoined(self) -> list[State]:
        """Our changes replayed from the cache's log into the view but not yet into the registers."""
        unjoined, self._unjoined = self._unjoined, []
        return unjoined

    @_state.setter
    def _state(self, value: State) -> None:
        self._joined, self._encoded_state = value, None

    def _base_state(self) -> State:
        if self._base is None:
            parsed = parse_file(self.path)
            if parsed is None or parsed.state is None:
                raise BoardError("error.no_board", path=str(self.path))
            self._base = parsed.state
        return self._base

    def _boot(self) -> None:
        # NAME.d/ is made by the first write, not here: reading a board (a meeting on a
        # read-only share, `board list` on the bundled board.json) leaves no trace.
        self.files.remember_dirs()
        if self.read_only or self.own.replica is None:
            self._read_shadow()
        else:
            try:
                with self.own.locked():
                    self.own.sweep_temps()
                    self._swept = True
                    self._load_own()
            except (OSError, BoardError) as error:
                # Reading never needs to write: on a full disk or a read-only share the board
                # still opens from what is there; a repair waits for the next change.
                self.cannot_write = error
                self.own.forget()
                self._read_shadow()
        self._scan()
        self._adopt(self._state.max_stamp)
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
                state.events[event_id] = {"id": event_id, "kind": "history", "target": f"directive/{letter.id}",
                                          "card": letter.id, "by": by, "s": list(stamp), "field": "import",
                                          "old": None, "new": letter.source}
        data = dumps(to_tables(state, meta))
        try:
            write_atomic(path, data, exclusive=True)
        except FileExistsError:
            raise BoardError("error.board_exists", path=str(path)) from None
        with suppress(OSError):  # else the first write makes it: the board is there either way
            make_folder(fs.board_folder(path))

    # -- reading ---------------------------------------------------------------------------

    def snapshot(self) -> BoardSnapshot:
        return self._live.snapshot

    def cached_columns(self) -> tuple[Columns | None, bool]:
        """(columns, exact): the board's columns (storage/columns.py) as the open cache kept
        them, and whether they are this store's snapshot's — True when the board was opened
        from the cache and nothing changed since it was written; False when our own changes
        were replayed over it (then they are only an order to sort faster in). (None, False)
        when the board was read from its files. Each call hands them out once."""
        (columns, of), self._columns = self._columns, (None, None)
        return columns, columns is not None and of is self._live.snapshot

    @property
    def state(self) -> State:
        """The joined registers behind the snapshot (deleted records too). Do not change it."""
        return self._state

    @property
    def problems(self) -> tuple[BadFile, ...]:
        """Files that could not be read (named, skipped, never overwritten) and bases named
        but not here yet, as of the last look."""
        return self.files.problems

    @property
    def waiting(self) -> tuple[WaitingForBase, ...]:
        """Compacted bases that files here name but that have not arrived: the view is incomplete."""
        return self.files.waiting

    def resolve_card(self, prefix: str) -> Card:
        """The card whose id is ``prefix`` or starts with it."""
        cards = self._live.snapshot.cards
        wanted = prefix.strip().lower()
        if wanted in cards:
            return cards[wanted]
        matches = [c for cid, c in cards.items() if wanted and cid.startswith(wanted)]
        if not matches:
            raise UnknownCard("error.no_card", card=prefix)
        if len(matches) > 1:
            shown = sorted(c.id[:10] for c in matches)
            some = ", ".join(shown[:4]) + (", …" if len(shown) > 4 else "")  # … only when some are left out
            raise AmbiguousCard("error.ambiguous_card", card=prefix, n=len(matches), some=some)
        return matches[0]

    def watch_paths(self) -> list[Path]:
        return [self.path.parent, self.folder]

    # -- changes made here -------------------------------------------------------------------

    def move(self, card_id: str, status: str, *, note: str | None = None) -> Card:
        """Set a card's status (durable on return) and record who did it, with an optional note."""
        from storage.sync import edits

        self.commit(edits.move, card_id, status, note)
        return edits.card_of(self.snapshot(), card_id)

    def set_rank(self, card_id: str, rank: float) -> Card:
        """Reorder a card within its column (smaller rank first)."""
        from storage.sync import edits

        self.commit(edits.set_rank, card_id, rank)
        return edits.card_of(self.snapshot(), card_id)

    def add_note(self, card_id: str, text: str) -> Note:
        """Append a progress note to a card."""
        from storage.sync import edits

        ops = self.commit(edits.add_note, card_id, text)
        note_id = next(iter(ops.events))
        return next(n for n in self.snapshot().notes_of(card_id) if n.id == note_id)

    def add_records(self, records: Records) -> int:
        """Add imported records; those already on the board are left alone. Returns how many were new."""
        from storage.sync import edits

        new = edits.new_records(self._state, records)
        self.commit(edits.add_records, records)
        return new

    def add_alias(self, agency_id: str, alias: str) -> Agency:
        """Teach the board another way of writing an agency's name."""
        from storage.sync import edits

        self.commit(edits.add_alias, agency_id, alias)
        return self.snapshot().agencies[agency_id]

    def delete_card(self, card_id: str) -> None:
        """Remove a card from the board (a tombstone: its notes and history are kept)."""
        from storage.sync import edits

        self.commit(edits.delete_card, card_id)

    # -- made by hand (issue 7; storage/sync/hand.py) --------------------------------------------

    def add_letter(self, letter: LetterInput) -> Directive:
        from storage.sync import hand

        ops = self.commit(hand.add_letter, letter)
        return self.snapshot().directives[_made(ops, "directive")]

    def add_item(self, directive_id: str, item: ItemInput) -> tuple[Item, list[Card]]:
        """A new item at the end of the letter and its cards (agencies not known yet are added)."""
        from storage.sync import hand

        ops = self.commit(hand.add_item, directive_id, item)
        snap = self.snapshot()
        made = snap.items[_made(ops, "item")]
        return made, sorted((c for c in snap.cards.values() if c.item_id == made.id), key=lambda c: c.rank)

    def edit_item(self, item_id: str, **values: object) -> Item:
        """Correct ``text``, ``due`` or ``recurrence``; only what differs is written."""
        from storage.sync import hand

        self.commit(hand.edit_item, item_id, values)
        return self.snapshot().items[item_id]

    def assign(self, item_id: str, choice: AgencyChoice) -> Card:
        """The agency's card on the item (new, brought back, or given the chosen role)."""
        from storage.sync import hand

        ops = self.commit(hand.assign, item_id, choice)
        snap = self.snapshot()
        agency = next((key[7:] for key in ops.records if key.startswith("agency/")), choice.agency_id)
        return next(c for c in snap.cards.values() if c.item_id == item_id
                    and (c.agency_id == agency or f"card/{c.id}" in ops.records))

    def set_role(self, card_id: str, role: str) -> Card:
        from storage.sync import hand

        self.commit(hand.set_role, card_id, role)
        return self.snapshot().cards[card_id]

    def retire(self, target: str, target_id: str) -> None:
        """Delete a card, an item or a letter (tombstones; ``undo`` brings them back)."""
        from storage.sync import hand

        self.commit(hand.retire, target, target_id)

    def restore(self, text: str) -> State:
        """Bring back the deleted letter, item or card ``text`` names (an id prefix or a
        letter's number) with what was deleted along with it; returns the operations."""
        from storage.sync import hand

        return self.commit(lambda b: hand.restore(b, hand.deleted_key(b, text)))

    def edit_agency(self, edit: AgencyEdit) -> Agency:
        from storage.sync import hand

        self.commit(hand.edit_agency, edit)
        return self.snapshot().agencies[edit.agency_id]

    def merge_agencies(self, source: str, target: str) -> MergePlan:
        """``source`` is the same office as ``target``: its cards follow (see hand.merge_agencies)."""
        from storage.editing.impact import merge_plan
        from storage.sync import hand

        plan = merge_plan(self.snapshot(), source, target)
        self.commit(hand.merge_agencies, source, target)
        return plan

    def retract_note(self, card_id: str, note_id: str) -> Note:
        from storage.sync import hand

        self.commit(hand.retract_note, card_id, note_id)
        return next(n for n in self.snapshot().notes_of(card_id) if n.id == note_id)

    def undo(self, change: undo.Undoable) -> bool:
        """Take back one of our changes, unless someone changed those fields since
        (EditError saying who; nothing written)."""
        from storage.sync import undo

        self.commit(undo.revert, change)
        self.last_change = None
        return True

    def commit(self, edit: edits.Edit, *args: object) -> State:
        """Make a change: lock -> re-read our file -> ``edit(basis, *args)`` builds the stamped
        operations (edits.py) -> atomic write -> update the view; returns the operations.
        Nothing is written when the edit has nothing to say, or raises (a BoardError)."""
        from storage.sync import edits, undo

        self.last_change = None
        with self.writing():
            # The view is still what the cache and its log hold (our file re-read brought
            # nothing new): this change can be logged instead of the cache written again.
            loggable = self._live.version == self._cached_version
            before = self.own.keys
            basis = edits.Basis(self.snapshot(), self._state, self.clock.now(), self.user)
            ops = edit(basis, *args)
            if not ops.size():
                return ops
            change = undo.undoable(self._state, ops)
            self.own.add(ops)
            self.save()
            if self.own.entries.size() >= COMPACT_AT:  # keep every later write small and fast
                self._compact_after_save(ops)
                loggable = False  # our file lost entries to a new base: the cache is a miss anyway
            gained = merge_into(self._state, ops)
            logged = loggable and cache_log.append(
                cache_log.log_path(cache.cache_path(self.path, self.user)), self._cache_token, before,
                self.own.keys, cache_log.frame(ops, self._state, self._live, self.clock.seen))
        self._live.apply(self._state, gained)
        if logged:
            self._cached_version = self._live.version
        self.last_change = change if ops.records else None
        return ops

    _commit = commit  # the name used before the store was in parts

    def _compact_after_save(self, ops: State) -> None:
        """Under ``writing()``, once a change is saved: compaction is housekeeping. If it fails
        (a full disk) the change stays saved and reported as done — never a failure whose
        change turns up later in a base — and the next write tries again."""
        try:
            self.compact(SyncReport(), pending=ops)  # ops are saved, not yet in the joined view
            self.save()
        except (OSError, BoardError):
            self.own.forget()  # re-read our own file (it was put back whole) before the next write

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the write lock with our own file re-read into the view. If anything inside
        fails, what was not saved is forgotten and re-read from disk before the next write."""
        self._check_open(write=True)
        with self.own.locked():
            if not self._swept:  # opened from the cache, without the lock: sweep now
                self.own.sweep_temps()
                self._swept = True
            self._live.apply(self._state, self._load_own(repair=False))
            try:
                yield
            except BaseException:
                self.own.forget()
                raise

    def save(self) -> None:
        """Under ``writing()``: write our own file (both copies)."""
        before = stat_key(self.folder)
        self.own.write()
        self.files.own_write(before)

    def _check_open(self, *, write: bool = False) -> None:
        if self._closed:
            raise BoardError("error.closed", path=str(self.path))
        if write and self.read_only:
            raise BoardError("error.read_only", path=str(self.path))
        if write and self.own.replica is None and self.cannot_write is not None:
            raise self.cannot_write  # no identity could be made: say why, change nothing

    # -- our own file and the folder ---------------------------------------------------------

    def _load_own(self, *, repair: bool = True) -> Delta:
        """Under the lock: re-read our own file; returns what the board gained."""
        gained = self.own.load(repair=repair, board=self._whole_board)
        self.clock.replica_id = self.replica_id  # stamps name the id we write under now
        if not gained:
            return Delta()
        return merge_into(self._state, self.own.entries)

    def _whole_board(self) -> State:
        """The board with every file read (for OwnFile: is an unknown entry in our file known
        elsewhere?)."""
        delta = self._scan()
        if delta:
            self._adopt(lambda below=None: newest_stamp(self._state, delta, below))  # a write follows: never behind
        if delta and hasattr(self, "_live"):  # not yet at boot: the view is built from the state after
            self._live.apply(self._state, delta)
        return self._state

    def _adopt(self, newest: Callable[..., Stamp]) -> None:
        """Never run behind what was seen, within the drift bound (clock.py): ``newest(below)``
        is the newest stamp among those with a wall time of at most ``below`` (all: None)."""
        if not self.clock.observe(newest(None)):  # the newest is set aside: adopt the newest of the rest
            self.clock.observe(newest(self.clock.horizon()))

    def _read_shadow(self) -> Delta:
        state = self.own.read_shadow()
        return Delta() if state is None else merge_into(self._state, state)

    def _scan(self) -> Delta:
        return self.files.scan(self._state, own=self.own.path, own_user=self.user,
                               own_bases=self.own.bases, own_problems=self.own.problems)

    def strays(self) -> list[Path]:
        """Conflict copies and restored backups read as data on the last look (not yet folded).

        ``board sync`` folds them into our own file and archives them; the UI names them first."""
        return self.files.strays()

    def changed_on_disk(self) -> bool:
        """Cheap: did any board file (or the folders' listings) change since we last looked?"""
        return self.files.changed() or stat_key(self.own.path) != self.own.synced_key

    def refresh(self) -> list[Change]:
        """Re-read what changed on disk; [] if nothing did. Updates ``snapshot()``."""
        self._check_open()
        self.files.remember_dirs()
        delta = Delta()
        if self.read_only:
            delta = self._read_shadow()
        elif self.own.changed():
            with self.own.locked():
                delta = self._load_own()
        delta = join_deltas(delta, self._scan())
        if not delta:
            return []
        self._adopt(lambda below=None: newest_stamp(self._state, delta, below))
        self._live.apply(self._state, delta)
        return changes_of(self._state, delta)

    # -- sync, compaction, close ---------------------------------------------------------------

    def sync(self) -> SyncReport:
        """Fold stray copies into our own file, archive them, and compact. See sync_ops.py."""
        from storage.sync.sync_ops import run_sync

        self._check_open(write=True)
        return run_sync(self)

    def read_strays(self) -> tuple[list[tuple[Path, State]], list[BadFile]]:
        """Every stray copy of this board read afresh, and the unreadable ones (``board sync``)."""
        return self.files.read_strays()

    def fold(self, state: State) -> int:
        """Under ``writing()``: take a stray copy's entries in as ours (saved by ``save``);
        how many were new to our file."""
        self._live.apply(self._state, merge_into(self._state, state))
        return self.own.fold(state)

    def compact(self, report: SyncReport, pending: State | None = None) -> None:
        """Under ``writing()``: move our entries (and ``pending`` ones about to be written)
        into a new immutable base; ``save`` writes our emptied file afterwards."""
        # Read every file first: another session of this replica may have compacted into a base
        # this one never read, and that base is about to be removed as "ours and older".
        self._live.apply(self._state, self._scan())
        self._adopt(self._state.max_stamp)
        if self.waiting:
            # This view lacks what a missing base holds: a base written now would look complete
            # while it is not, so keep our entries where they are until the base arrives.
            report.waiting = [w.base for w in self.waiting]
            return
        done = self.own.compact(self._state, self._base_state(), self.clock.now(), pending=pending,
                                keep=self.files.unread())
        if done is not None:
            report.compacted, report.base = done.entries, done.base
            report.removed_bases.extend(done.removed)

    def close(self) -> None:
        """Done with the board: keep the cache up to date when this session changed what it shows."""
        live = getattr(self, "_live", None)  # None: the open itself failed
        if not self._closed and live is not None and live.version != self._cached_version:
            self.save_cache()
        self._closed = True
