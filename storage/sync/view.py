"""From a joined state to the immutable ``BoardSnapshot`` the screens render.

``view(state)`` is the pure, whole-board function. ``LiveView`` keeps the last snapshot
and, for a merge that only touched some cards (a move, a note), rebuilds just those and
copies the mappings once: a key press never rebuilds a 10,000-card board.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Callable

from storage.controls import visible, visible_lines, visible_value
from storage.models import (
    STATUSES, Agency, BoardSnapshot, Card, Directive, HistoryEvent, Item, Note,
)
from storage.sync.clock import iso
from storage.sync.decode import owner_of
from storage.sync.shown import Shown
from storage.sync.state import Delta, Reg, State, stamp_wins

Fields = dict[str, Reg]


def _v(fields: Fields, name: str, default: Any = None) -> Any:
    reg = fields.get(name)
    return default if reg is None else reg[1]


# Every text a screen, the CLI or a report shows comes from these builders, so this is where
# control characters from other machines' files are made visible (storage.controls).

def _s(fields: Fields, name: str) -> str:
    """A one-line text field (a name, a number)."""
    return visible(str(_v(fields, name, "")))


def _lines(fields: Fields, name: str) -> str:
    """A text field that may have lines (an item's text)."""
    return visible_lines(str(_v(fields, name, "")))


def _texts(fields: Fields, name: str) -> tuple[str, ...]:
    return tuple(visible_lines(str(t)) for t in _v(fields, name) or ())


def _opt(fields: Fields, name: str) -> str | None:
    value = _v(fields, name)
    return None if value is None else visible(str(value))


def _directive(rid: str, f: Fields) -> Directive | None:
    if "number" not in f:
        return None
    return Directive(rid, _s(f, "number"), _opt(f, "date"), _s(f, "subject"),
                     _s(f, "issuer"), tuple(visible(str(r)) for r in _v(f, "references") or ()), _s(f, "source"))


def _item(rid: str, f: Fields) -> Item | None:
    if "directive_id" not in f or "seq" not in f:
        return None
    return Item(rid, _v(f, "directive_id"), int(_v(f, "seq")), _lines(f, "text"), _opt(f, "due"),
                _opt(f, "recurrence"), _texts(f, "subpoints"))


def _agency(rid: str, f: Fields) -> Agency | None:
    if "name" not in f:
        return None
    aliases = tuple(sorted(visible(n[6:]) for n, reg in f.items() if n.startswith("alias:") and reg[1]))
    return Agency(rid, _s(f, "name"), _s(f, "short"), aliases)


def _card(rid: str, f: Fields) -> Card | None:
    if "item_id" not in f or "agency_id" not in f:
        return None
    status = _v(f, "status", "todo")
    newest = None  # the register that counts as latest (a clock far ahead: state.order)
    for reg in f.values():
        if newest is None or stamp_wins(reg[0], newest[0]):
            newest = reg
    assert newest is not None
    return Card(rid, _v(f, "item_id"), _v(f, "agency_id"), _v(f, "role", "support"),
                status if status in STATUSES else "todo", float(_v(f, "rank", 0.0) or 0.0),
                iso(newest[0]), visible(newest[2]) or None if newest[0][0] else None)


BUILDERS: dict[str, Callable[[str, Fields], Any]] = {
    "directive": _directive, "item": _item, "agency": _agency, "card": _card,
}


def build(key: str, fields: Fields) -> Any:
    """The model value of one record, or None when it is deleted, incomplete or of a kind
    this version does not show (kept in the files all the same: kinds.py)."""
    kind, rid = key.split("/", 1)
    builder = BUILDERS.get(kind)
    if builder is None or _v(fields, "deleted", False):
        return None
    return builder(rid, fields)


SHOWN_EVENTS = ("note", "history")
"""Event kinds the snapshot holds (others are kept in the files, not shown)."""


def event_model(event: dict) -> Note | HistoryEvent:
    """A note or history event; ``card_id`` is the id of what it belongs to (a card, or an
    item, a letter or an agency)."""
    at = iso(tuple(event["s"])) or ""
    by = visible(str(event.get("by", "")))
    owner = owner_of(event)[1]
    if event["kind"] == "note":
        return Note(event["id"], owner, visible_lines(str(event.get("text", ""))), by, at)
    return HistoryEvent(event["id"], owner, visible(str(event.get("field", ""))),
                        visible_value(event.get("old")), visible_value(event.get("new")), by, at)


def _order(event: dict) -> tuple:
    return (tuple(event["s"]), event["id"])


class LiveView:
    """The current snapshot plus the plain dicts it was built from."""

    def __init__(self, state: State) -> None:
        self.tables: dict[str, dict[str, Any]] = {kind: {} for kind in BUILDERS}
        self.retired: dict[str, Card] = {}
        for key, fields in state.records.items():
            value = build(key, fields)
            if value is not None:
                self.tables[key.split("/", 1)[0]][value.id] = value
            else:
                self._retire(key, fields)
        by_card: dict[str, dict[str, list[dict]]] = {kind: {} for kind in SHOWN_EVENTS}
        for event in state.events.values():
            if event["kind"] in by_card:
                by_card[event["kind"]].setdefault(owner_of(event)[1], []).append(event)
        self.notes, self.history = (
            {c: tuple(event_model(e) for e in sorted(es, key=_order)) for c, es in by_card[kind].items()}
            for kind in ("note", "history"))
        self.version = 0
        self.shown = Shown()
        self.shown.track(state, state.records)
        self.shown.full(state, self.tables, self.notes, self.history)
        self.shown.events(self.notes, self.history, start=True)
        self.snapshot = self._freeze()

    def _freeze(self) -> BoardSnapshot:
        s = self.shown  # the cross-record rules: tombstoned parents, merged agencies, retractions
        return BoardSnapshot(
            MappingProxyType(self.tables["directive"]), MappingProxyType(s.items), MappingProxyType(s.agencies),
            MappingProxyType(s.cards), MappingProxyType(s.notes), MappingProxyType(s.history),
            self.version, MappingProxyType(s.folds), MappingProxyType(self.retired),
        )

    def _retire(self, key: str, fields: Fields) -> None:
        """A card deleted by hand is kept aside, as it was (its notes and history name it)."""
        kind, rid = key.split("/", 1)
        if kind == "card" and _v(fields, "deleted", False):
            card = _card(rid, fields)
            if card is not None:
                self.retired[rid] = card

    def apply(self, state: State, delta: Delta) -> None:
        """Rebuild only what ``delta`` touched; copy each touched mapping once."""
        if not delta:
            return
        copied: set[str] = set()
        for key in delta.records:
            kind, rid = key.split("/", 1)
            if kind not in BUILDERS:
                continue
            if kind not in copied:
                self.tables[kind] = dict(self.tables[kind])
                copied.add(kind)
            value = build(key, state.records[key])
            if value is None:
                self.tables[kind].pop(rid, None)
            else:
                self.tables[kind][rid] = value
            if kind == "card" and (rid in self.retired or value is None):
                self.retired = dict(self.retired)  # a new mapping: the old snapshot keeps its own
                self.retired.pop(rid, None)
                self._retire(key, state.records[key])
        self._apply_events(state, delta.events)
        self._derive(state, delta)
        self.version += 1
        self.snapshot = self._freeze()

    def _derive(self, state: State, delta: Delta) -> None:
        """The shown board: one card redone for a move; everything after a letter, item or
        agency changed (rare: an import, a hand edit, a merge)."""
        keys = [key.split("/", 1) for key in delta.records if key.split("/", 1)[0] in BUILDERS]
        cards = {rid for kind, rid in keys if kind == "card"}
        self.shown.track(state, delta.records)
        if cards:
            self.shown.cards = dict(self.shown.cards)  # a new mapping: the old snapshot keeps its own
        events = [state.events[e] for e in delta.events if state.events[e]["kind"] in SHOWN_EVENTS]
        if len(cards) < len(keys) or not all(self.shown.card(self.tables, rid) for rid in cards):
            self.shown.retracted.update({e["new"]: event_model(e) for e in events if e.get("field") == "retracted"})
            self.shown.full(state, self.tables, self.notes, self.history)
            return
        if events:
            new = [event_model(e) for e in events if e["kind"] == "history"]
            self.shown.some_events(self.notes, self.history, {owner_of(e)[1] for e in events}, new)  # type: ignore[arg-type]

    def _apply_events(self, state: State, event_ids: list[str]) -> None:
        if not event_ids:
            return
        self.notes, self.history = dict(self.notes), dict(self.history)
        for event_id in event_ids:
            event = state.events[event_id]
            if event["kind"] not in SHOWN_EVENTS:
                continue
            table = self.notes if event["kind"] == "note" else self.history
            owner = owner_of(event)[1]
            old = [e for e in table.get(owner, ()) if e.id != event_id]
            # Keep the oldest-first order by stamp; new events are nearly always the newest.
            merged = sorted([(_order(state.events[e.id]), e) for e in old] + [(_order(event), event_model(event))],
                            key=lambda pair: pair[0])
            table[owner] = tuple(e for _, e in merged)


def view(state: State) -> BoardSnapshot:
    """The board a user sees for ``state`` (pure)."""
    return LiveView(state).snapshot
