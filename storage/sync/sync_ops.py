"""``board sync``: fold stray copies into this replica's file, archive them, compact.

Folding makes a conflict copy's data live in a file we own, so the copy can be archived
without losing anything. Compaction writes everything the base ``board.json`` lacks into a
new immutable ``base-<ms>-<replica>.json`` under a unique name and empties our own file;
it never rewrites a file another replica may be writing, and removes only our own older
bases (the new one holds all of their entries). Our emptied file names the new base, and
no compaction happens while a file here names a base that has not arrived (``bases.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from storage.errors import BadFile
from storage.sync import folder as fs
from storage.sync.bases import own_changes
from storage.sync.codec import make_meta, parse_file, to_tables
from storage.sync.files import dumps, write_atomic
from storage.sync.report import SyncReport, join_deltas
from storage.sync.state import Delta, State, merge_into, prune
from storage.sync.wording import restated

if TYPE_CHECKING:
    from storage.sync.store import BoardStore


def _strays(store: "BoardStore", report: SyncReport) -> list[tuple[Path, State]]:
    found = []
    candidates = [p for p in fs.folder_files(store.path) if fs.is_stray_in_folder(p)]
    candidates += fs.beside_files(store.path)
    for path in candidates:
        try:
            parsed = parse_file(path)
        except BadFile as error:
            if path.parent == store.folder:
                report.problems.append(restated(error, "left"))
            continue
        if parsed is None or parsed[1] is None or parsed[2] is None:
            continue
        if parsed[1].get("board_id") == store.board_id:
            found.append((path, parsed[2]))
    return found


def compact(store: "BoardStore", report: SyncReport, pending: State | None = None) -> None:
    """Under the lock: move this replica's entries (and ``pending`` ones about to be written)
    into a new immutable base, then drop from our own file what the bases now hold."""
    # Read every file first: another session of this replica may have compacted into a base
    # this one never read, and that base is about to be removed as "ours and older".
    store._live.apply(store._state, store._scan())
    store.clock.observe(store._state.max_stamp())
    if store.waiting:
        # This view lacks what a missing base holds: a base written now would look complete
        # while it is not, so keep our entries where they are until the base arrives.
        report.waiting = [w.base for w in store.waiting]
        return
    entries = store._own.size()
    if not entries:
        return
    base_state = prune(store._state, store._base)
    if pending is not None:
        merge_into(base_state, prune(pending, store._base))
    stamp = store.clock.now()
    name = f"base-{stamp[0]}{stamp[1]:04d}-{store.replica_id}.json"  # unique even within one ms
    meta = make_meta(store.board_id, store.name, "base", store.replica_id, store.user, store.replica.machine)
    write_atomic(store.folder / name, dumps(to_tables(base_state, meta)), exclusive=True)
    for old in fs.folder_files(store.path):
        if old in store._bad:
            continue  # not read, so not in the new base: leave it for people
        if fs.BASE_NAME.match(old.name) and old.name.endswith(f"-{store.replica_id}.json") and old.name != name:
            old.unlink(missing_ok=True)  # ours, and every entry of it is in the new base
            report.removed_bases.append(old.name)
    store._own = prune(prune(store._own, base_state), store._base)
    store._own_bases = [{"name": name, "changes": own_changes(base_state, store.replica_id)}]
    report.compacted, report.base = entries, name


def run_sync(store: "BoardStore") -> SyncReport:
    report = SyncReport()
    store.refresh()
    stems = {p.stem for p in fs.folder_files(store.path)} | {store.path.stem}
    board_delta = Delta()
    with store._locked():
        store._live.apply(store._state, store._load_own(repair=False))
        strays = _strays(store, report)
        for path, state in strays:
            new = merge_into(store._state, state)
            kept = merge_into(store._own, state)
            count = sum(len(n) for n in kept.records.values()) + len(kept.events)
            report.folded.append((path.name, fs.label(path, stems), count))
            board_delta = join_deltas(board_delta, new)
        compact(store, report)
        if strays or report.compacted:
            store._write_own()
        for path, _ in strays:
            report.archived_to = str(fs.archive(path, store.folder).parent)
    store._live.apply(store._state, board_delta)
    store.refresh()
    return report
