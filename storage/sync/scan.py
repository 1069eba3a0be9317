"""The folder scan: every board file this replica reads but does not write.

``FolderScan`` owns what a look at the folder found: the stat key of every source (the base
``NAME.json``, other replicas' files, compacted bases, strays) and of the two folders'
listings, which files are bad and why, which compacted bases files name, and which of those
have not arrived. It joins what changed into the board's registers it is handed; it never
writes a file (``board sync`` archives strays through the store).
"""

from __future__ import annotations

import _thread
from pathlib import Path
from typing import Callable

from storage.errors import BadFile
from storage.sync import folder as fs
from storage.sync.bases import NamedBases, WaitingForBase
from storage.sync.codec import file_notes, parse_file
from storage.sync.files import StatKey, stat_key
from storage.sync.report import join_deltas
from storage.sync.state import Delta, State, merge_into

NOTES = ("bad_values", "newer", "ahead")
"""Problems of a file that was read all the same (the rest of it counts)."""

Source = tuple[StatKey | None, bool]
"""(stat key when last read, whether the file belongs to another board)."""


class FolderScan:
    """What ``NAME.json``, ``NAME.d/`` and the files beside the board held at the last look."""

    def __init__(self, board: Path, board_id: str, base_key: StatKey | None,
                 base_notes: tuple[BadFile, ...] = ()) -> None:
        self.board = board
        self.board_id = board_id
        self.folder = fs.board_folder(board)
        self.problems: tuple[BadFile, ...] = ()
        """Files that could not be read, and bases named but not here (``waiting``)."""
        self.waiting: tuple[WaitingForBase, ...] = ()
        """Compacted bases that files here name but that have not arrived: the view is incomplete."""
        self._sources: dict[Path, Source] = {board: (base_key, False)}
        self._dirs: dict[Path, StatKey | None] = {}
        self._bad: dict[Path, BadFile] = {}
        """Files that could not be read at all."""
        self._notes: dict[Path, tuple[BadFile, ...]] = {board: base_notes}
        """Files read with something left out of them, or made by a newer version."""
        self._named = NamedBases()
        self.ahead: Callable[[int], bool] | None = None
        """Whether a stamp's wall time is ahead of our clock (set by the store: clock.py)."""
        # The watcher thread compares these keys. threading.Lock is this; the threading module
        # itself (~0.4 ms) is not imported by a command (issue 11).
        self._keys = _thread.allocate_lock()

    # -- what changed on disk -----------------------------------------------------------------

    def remember_dirs(self) -> None:
        """Take the folders' listings as seen (a scan follows)."""
        with self._keys:
            self._dirs = {d: stat_key(d) for d in (self.board.parent, self.folder)}

    def changed(self) -> bool:
        """Cheap: did any source (or the folders' listings) change since the last look?"""
        with self._keys:
            dirs = dict(self._dirs)
            files = {p: k for p, (k, _) in self._sources.items()}
        if any(stat_key(d) != k for d, k in dirs.items()):
            return True
        return any(stat_key(p) != k for p, k in files.items())

    def own_write(self, before: StatKey | None) -> None:
        """Our own rename changed the folder's listing; only ignore that if nothing else did
        (``before``: the folder's key just before our write)."""
        with self._keys:
            if self._dirs.get(self.folder) == before:
                self._dirs[self.folder] = stat_key(self.folder)

    # -- the cache (cache.py) -----------------------------------------------------------------

    def remembered(self) -> tuple[dict[str, Source], dict[str, tuple[str, list[dict]]]] | None:
        """What a cache needs to restore this look at the folder — every source's key and the
        bases the files name — or None when there is something to warn about (not cached)."""
        if self.problems or self._bad or any(self._notes.values()):
            return None
        with self._keys:
            sources = {str(path): (key, foreign) for path, (key, foreign) in self._sources.items()}
        if any(key is None for key, _ in sources.values()):
            return None
        return sources, {str(path): named for path, named in self._named.named.items()}

    def restore(self, sources: dict[str, Source], named: dict[str, tuple[str, list[dict]]],
                dirs: dict[Path, StatKey | None]) -> None:
        """The look a cache remembered (every file as ``remembered`` described it, unchanged
        since), and the folders' keys as they were just before that was checked."""
        with self._keys:
            self._dirs = dict(dirs)
            self._sources = {Path(path): (tuple(key) if key else None, bool(foreign))  # type: ignore[misc]
                             for path, (key, foreign) in sources.items()}
        self._named.named = {Path(path): (user, list(bases)) for path, (user, bases) in named.items()}

    # -- reading ------------------------------------------------------------------------------

    def _candidates(self) -> tuple[list[Path], list[BadFile]]:
        """(the files to read, the entries of ``NAME.d/`` that are not read: links out of
        the board folder, pipes — named, so nobody wonders where those changes went)."""
        files, odd = fs.folder_listing(self.board)
        return [self.board, *files, *fs.beside_files(self.board)], odd

    def scan(self, into: State, *, own: Path, own_user: str, own_bases: list[dict],
             own_problems: tuple[BadFile, ...] = ()) -> Delta:
        """Re-read every file whose stat key changed and join it into ``into``; returns what
        changed. ``own`` (our synced copy, read by ``OwnFile``) is skipped, but the bases
        our file names count among those that must arrive."""
        candidates, odd = self._candidates()
        delta, problems = Delta(), [*own_problems, *odd]
        seen: dict[Path, Source] = {}
        for path in candidates:
            if path == own:
                continue
            got = self._read(path, seen, problems)
            if got is not None:
                delta = join_deltas(delta, merge_into(into, got))
        with self._keys:
            self._sources = seen
        self._bad = {Path(p.path): p for p in problems if p.reason not in NOTES}
        self._notes = {path: notes for path, notes in self._notes.items() if path in seen}
        present = {p.name for p, (_, foreign) in seen.items()
                   if p.parent == self.folder and not foreign and p not in self._bad}
        self.waiting = tuple(self._named.missing(set(seen), present, (own, own_user, own_bases)))
        problems += [note for notes in self._notes.values() for note in notes]
        newer = [p for p in problems if p.reason == "newer"]  # said once, however many files
        self.problems = (*(p for p in problems if p.reason != "newer"), *newer[:1], *self.waiting)
        return delta

    def _read(self, path: Path, seen: dict[Path, Source], problems: list[BadFile]) -> State | None:
        """One source: its new state (None when unchanged, foreign or unreadable)."""
        known, foreign = self._sources.get(path, (None, False))
        try:
            parsed = parse_file(path, known, self.ahead)
        except BadFile as error:
            seen[path] = (stat_key(path), False)
            if path == self.board or path.parent != self.board.parent:  # others beside may be anything
                problems.append(error)
            return None
        if parsed is None:
            return None
        key, meta, state = parsed[:3]
        if meta is None:  # unchanged
            seen[path] = (key, foreign)
            if path in self._bad:
                problems.append(self._bad[path])
            return None
        foreign = meta.get("board_id") != self.board_id
        seen[path] = (key, foreign)
        self._named.remember(path, None if foreign else meta)
        self._notes[path] = () if foreign else file_notes(path, parsed)
        return None if foreign else state

    def unread(self) -> frozenset[Path]:
        """Files of the last look that could not be read (a compaction leaves them alone)."""
        return frozenset(self._bad)

    def strays(self) -> list[Path]:
        """Conflict copies and restored backups read as data on the last look (not yet folded)."""
        bad = set(self._bad) | {Path(w.path) for w in self.waiting}
        with self._keys:
            sources = dict(self._sources)
        return sorted(path for path, (_, foreign) in sources.items()
                      if not foreign and path != self.board and path not in bad
                      and (path.parent == self.board.parent or fs.is_stray_in_folder(path)))

    def read_strays(self) -> tuple[list[tuple[Path, State]], list[BadFile]]:
        """For ``board sync``, read afresh: (every stray of this board with its entries,
        the unreadable strays in ``NAME.d/``, which are left as they are)."""
        found, problems = [], []
        candidates = [p for p in fs.folder_files(self.board) if fs.is_stray_in_folder(p)]
        for path in candidates + fs.beside_files(self.board):
            try:
                parsed = parse_file(path)
            except BadFile as error:
                if path.parent == self.folder:
                    problems.append(error.restated("left"))
                continue
            if parsed is None or parsed[1] is None or parsed[2] is None:
                continue
            if parsed[1].get("board_id") == self.board_id:
                found.append((path, parsed[2]))
        return found, problems
