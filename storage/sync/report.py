"""What a refresh or a sync found, in words a user can read."""

from __future__ import annotations

from dataclasses import dataclass, field

from storage.controls import visible
from storage.errors import BadFile
from storage.i18n import say
from storage.models import Change
from storage.sync.clock import MAX_WALL, Stamp, iso
from storage.sync.decode import owner_of
from storage.sync.kinds import RECORDS
from storage.sync.state import Delta, State


def join_deltas(a: Delta, b: Delta) -> Delta:
    if not b:
        return a
    if not a:
        return b
    merged = Delta({k: set(v) for k, v in a.records.items()}, list(a.events))
    for key, names in b.records.items():
        merged.records.setdefault(key, set()).update(names)
    seen = set(a.events)  # built once, not once per event of b
    merged.events.extend(e for e in b.events if e not in seen)
    return merged


def changes_of(state: State, delta: Delta) -> list[Change]:
    """One Change per changed card field or record, and one per new note.

    Its author and detail are shown as they are ("สมชาย: ส่งรายงานแล้ว"), so their text is
    made visible here, like the snapshot's (storage.sync.view)."""
    changes: list[Change] = []
    for key, names in delta.records.items():
        kind, rid = key.split("/", 1)
        if kind not in RECORDS:
            continue  # a kind of a newer version: kept, never shown
        fields = state.records[key]
        for name in sorted(names):
            stamp, value, raw_by = fields[name]
            at, by = iso(stamp) or "", visible(str(raw_by))
            if kind == "card" and name in ("status", "rank"):
                changes.append(Change(name, rid, by, at, visible(str(value))))  # type: ignore[arg-type]
            elif kind == "card" and name == "item_id":
                changes.append(Change("record", rid, by, at, "new card", record=key, field=name))
            elif name not in ("status", "rank") and len(names) == 1:
                changes.append(Change("other", rid if kind == "card" else None, by, at, visible(f"{kind} {name}"),
                                      record=key, field=name))
    for event_id in delta.events:
        event = state.events[event_id]
        if event["kind"] == "note":
            text, by = visible(str(event.get("text", ""))), visible(str(event.get("by", "")))
            changes.append(Change("note", owner_of(event)[1], by, iso(tuple(event["s"])) or "", text[:60]))
    return changes


def newest_stamp(state: State, delta: Delta, below: int | None = None) -> Stamp:
    """The largest stamp among what ``delta`` changed (the clock must not run behind it),
    among those whose wall time is at most ``below`` (the clock's horizon)."""
    best: Stamp = (0, 0, "")
    below = MAX_WALL if below is None else below
    for key, names in delta.records.items():
        for name in names:
            stamp = state.records[key][name][0]
            if stamp > best and stamp[0] <= below:
                best = stamp
    for event_id in delta.events:
        stamp = tuple(state.events[event_id]["s"])
        if stamp > best and stamp[0] <= below:
            best = stamp
    return best


@dataclass
class SyncReport:
    """The outcome of ``board sync``."""

    folded: list[tuple[str, str, int]] = field(default_factory=list)
    """(file name, what it looked like, how many entries were new)."""
    archived_to: str = ""
    compacted: int = 0
    base: str = ""
    removed_bases: list[str] = field(default_factory=list)
    problems: list[BadFile] = field(default_factory=list)
    """Stray copies that could not be read (left as they are)."""
    waiting: list[str] = field(default_factory=list)
    """Names of bases named but not here yet: why nothing was compacted."""

    @property
    def changed(self) -> bool:
        return bool(self.folded or self.compacted)

    def lines(self, lang: str = "th", *, problems: bool = True) -> list[str]:
        """One line per thing done, in ``lang`` (th, th-ascii or en). ``problems=False`` leaves
        out the unreadable strays for a caller that already warned about every bad file."""
        out = []
        for name, what, new in self.folded:
            gain = say(lang, "sync.report.gain", new=new) if new else say(lang, "sync.report.no_gain")
            out.append(say(lang, "sync.report.folded", name=name, what=say(lang, f"sync.copy.{what}"), gain=gain))
        if self.folded:
            out.append(say(lang, "sync.report.archived", count=len(self.folded), where=self.archived_to))
        if self.compacted:
            out.append(say(lang, "sync.report.compacted", count=self.compacted, base=self.base))
        out.extend(say(lang, "sync.report.removed", name=name) for name in self.removed_bases)
        if problems:
            out.extend(say(lang, "sync.report.problem", text=p.text(lang)) for p in self.problems)
        out.extend(say(lang, "sync.report.waiting", base=base) for base in self.waiting)
        if not self.changed and not self.waiting:
            out.insert(0, say(lang, "sync.report.in_sync"))
        return [visible(line) for line in out]  # file names found in a shared folder
