"""Which compacted bases a replica file says it was emptied into, and which are missing.

Compaction moves a replica's entries into a new ``base-<n>-<replica>.json`` and empties the
replica's own file. Sync engines copy files in any order, so another machine may get the
emptied file before the base: it would silently show fewer of that person's changes.
So the replica file names its latest base in its ``board`` document
(``"bases": [{"name": ..., "changes": N}]``, kept on every later write), and a store that
reads a file naming a base it does not have reports it and does not compact on top of that
incomplete view (see ``BoardStore.compact``).
"""

from __future__ import annotations

import re
from pathlib import Path

from storage.errors import BadFile
from storage.sync.folder import BASE_NAME as _BASE
from storage.sync.state import State


class WaitingForBase(BadFile):
    """A replica file names a compacted base that has not arrived (or cannot be read) yet."""

    def __init__(self, path: str, base: str, user: str, changes: int) -> None:
        super().__init__(path, "waiting", base=base, who=user, changes=changes)
        self.base = base


def own_changes(state: State, replica_id: str) -> int:
    """How many entries of ``state`` this replica wrote (what its base holds of its own)."""
    fields = sum(1 for regs in state.records.values() for reg in regs.values() if reg[0][2] == replica_id)
    return fields + sum(1 for event in state.events.values() if event["s"][2] == replica_id)


def named_bases(meta: dict | None) -> list[dict]:
    """The well-formed ``bases`` entries of a file's board document."""
    raw = (meta or {}).get("bases")
    if not isinstance(raw, list):
        return []
    return [b for b in raw if isinstance(b, dict) and isinstance(b.get("name"), str) and re.match(_BASE, b["name"])]


def _covered(name: str, present: set[str]) -> bool:
    # Base numbers only grow per replica, and a newer base of the same replica holds all
    # that its older ones held (compaction writes the whole joined view).
    wanted = re.match(_BASE, name)
    assert wanted is not None
    number, replica = int(wanted.group(1)), wanted.group(2)
    for other in present:
        got = re.match(_BASE, other)
        if got and got.group(2) == replica and int(got.group(1)) >= number:
            return True
    return False


def missing(named: dict[Path, tuple[str, list[dict]]], present: set[str]) -> list[WaitingForBase]:
    """One problem per named base that no readable base file covers."""
    out = []
    for path, (user, bases) in sorted(named.items()):
        for base in bases:
            if not _covered(base["name"], present):
                changes = base.get("changes")
                out.append(WaitingForBase(str(path), base["name"], user,
                                          changes if isinstance(changes, int) else 0))
    return out


def latest(*lists: list[dict]) -> list[dict]:
    """The newest named base among ``lists`` (it covers the older ones), as a list."""
    entries = [b for entries in lists for b in entries]
    if not entries:
        return []
    return [max(entries, key=lambda b: int(re.match(_BASE, b["name"]).group(1)))]  # type: ignore[union-attr]


class NamedBases:
    """Per file read by a store: who wrote it and the bases it names."""

    def __init__(self) -> None:
        self.named: dict[Path, tuple[str, list[dict]]] = {}

    def remember(self, path: Path, meta: dict | None) -> None:
        """``meta`` of a file just parsed (None: not this board's)."""
        bases = named_bases(meta)
        if bases:
            self.named[path] = (str((meta or {}).get("user", "")), bases)
        else:
            self.named.pop(path, None)

    def missing(self, seen: set[Path], present: set[str],
                own: tuple[Path, str, list[dict]]) -> list[WaitingForBase]:
        """Bases named by a file still here (ours included) that no readable base covers."""
        self.named = {p: v for p, v in self.named.items() if p in seen}
        named = dict(self.named)
        if own[2]:
            named[own[0]] = (own[1], own[2])
        return missing(named, present)
