"""``board sync``: fold stray copies into this replica's file, archive them, compact.

Folding makes a conflict copy's data live in a file we own, so the copy can be archived
without losing anything. Compaction (``OwnFile.compact``) writes everything the base
``board.json`` lacks into a new immutable ``base-<ms>-<replica>.json`` under a unique name
and empties our own file; it never rewrites a file another replica may be writing, and
removes only our own older bases. No compaction happens while a file here names a base that
has not arrived (``bases.py``).

This runs on the store's public methods only (``Syncable``); the store imports this
module, never the other way round.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from storage.errors import BadFile
from storage.sync import folder as fs
from storage.sync.report import SyncReport
from storage.sync.state import State


class Syncable(Protocol):
    """What ``board sync`` needs of a store (``BoardStore`` is one)."""

    path: Path
    folder: Path

    def refresh(self) -> object: ...
    def writing(self) -> AbstractContextManager[None]: ...
    def read_strays(self) -> tuple[list[tuple[Path, State]], list[BadFile]]: ...
    def fold(self, state: State) -> int: ...
    def compact(self, report: SyncReport, pending: State | None = None) -> None: ...
    def save(self) -> None: ...


def run_sync(store: Syncable) -> SyncReport:
    report = SyncReport()
    store.refresh()
    stems = {p.stem for p in fs.folder_files(store.path)} | {store.path.stem}
    with store.writing():
        strays, report.problems = store.read_strays()
        for path, state in strays:
            report.folded.append((path.name, fs.label(path, stems), store.fold(state)))
        store.compact(report)
        if strays or report.compacted:
            store.save()
        for path, _ in strays:
            report.archived_to = str(fs.archive(path, store.folder).parent)
    store.refresh()
    return report
