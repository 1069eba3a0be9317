"""Per-agency, per-status card order, kept up to date one card at a time.

The board never re-sorts 10,000 cards on a key press: a move removes the card from
one sorted list and bisects it into another. Views (lanes) are cheap projections of
these lists through the current filter.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from datetime import date
from typing import NamedTuple

from storage.columns import Columns, column_key, fill, flat, keys_of
from storage.models import STATUSES, BoardSnapshot, Card
from storage.progress import DUE_SOON_DAYS, Progress, due_state  # noqa: F401 - the one rule, re-exported for widgets

from widgets.textfit import normalize

SEARCH_KEYS_MAX = 1 << 16
"""Normalised texts kept; a board's items and agencies are far fewer than this."""


class Lane(NamedTuple):
    """One swimlane: an agency and its four status columns of card ids.

    (A NamedTuple, not a frozen dataclass: as immutable, equal and hashable by value, and
    ~3 M instructions less to define before the first paint, issue 11.)"""

    agency_id: str
    title: str
    columns: tuple[list[str], ...]


class BoardFilter(NamedTuple):
    """What the user asked to see (a NamedTuple: ``_replace`` makes a changed copy)."""

    status: str | None = None
    overdue: bool = False
    query: str = ""

    @property
    def active(self) -> bool:
        return bool(self.status or self.overdue or self.query)


class BoardIndex:
    """Sorted card ids per (agency, status), plus per-agency progress."""

    def __init__(self, snapshot: BoardSnapshot,
                 cached: tuple[Columns | None, bool] = (None, False)) -> None:
        """``cached``: the open cache's columns and whether they are exactly ``snapshot``'s
        (``BoardStore.cached_columns``). Exact, they are taken as they are — at 10,000 cards
        no pass over every card before the first paint (issue 11), each card's key is worked
        out at the first change; otherwise they are the order to take the cards in
        (storage/columns.py ``fill``), and the columns are sorted as without them."""
        self.snapshot = snapshot
        columns, exact = cached
        self._made_keys: dict[str, tuple] | None
        if columns is not None and exact:
            self._cols = {agency_id: {status: list(ids) for status, ids in by_status.items()}
                          for agency_id, by_status in columns.items()}
            self._made_keys = None
        else:
            self._cols, self._made_keys = fill(snapshot, flat(columns) if columns else ())
        self._search_keys: dict[str, str] = {}
        """Normalised text keyed by the text itself: an item edited or an agency renamed
        by another replica gets a fresh key, never the old text's."""
        self.agency_order = sorted(snapshot.agencies, key=self._agency_sort)

    @property
    def _keys(self) -> dict[str, tuple]:
        """Each card's place in its column (``column_key``), by the snapshot the columns are of."""
        if self._made_keys is None:
            self._made_keys = keys_of(self.snapshot)
        return self._made_keys

    def _agency_sort(self, agency_id: str) -> tuple:
        agency = self.snapshot.agencies[agency_id]
        return (-self.total(agency_id), agency.short or agency.name)

    def _key(self, card: Card) -> tuple:
        return column_key(card, self.snapshot.items)

    def _column(self, card: Card) -> list[str]:
        columns = self._cols.get(card.agency_id)
        if columns is None:
            columns = self._cols[card.agency_id] = {s: [] for s in STATUSES}
        return columns[card.status]

    def update(self, snapshot: BoardSnapshot, old: Card | None, new: Card | None) -> None:
        """Move one card from its old place to its new one."""
        keys = self._keys  # first: made from the snapshot the columns are sorted by
        self.snapshot = snapshot
        if old is not None and old.id in keys:
            ids = self._column(old)
            at = bisect_left(ids, keys[old.id], key=keys.__getitem__)
            if at < len(ids) and ids[at] == old.id:
                del ids[at]
            else:  # rank changed under us; fall back to a scan
                ids.remove(old.id)
            del keys[old.id]
        if new is not None:
            keys[new.id] = self._key(new)
            insort(self._column(new), new.id, key=keys.__getitem__)

    def ids(self, agency_id: str, status: str) -> list[str]:
        return self._cols.get(agency_id, {}).get(status, [])

    def total(self, agency_id: str) -> int:
        return sum(len(ids) for ids in self._cols.get(agency_id, {}).values())

    def progress(self, agency_id: str) -> Progress:
        """One agency's progress, counted from the index's columns (no pass over the board)
        into storage's Progress, whose rule (done, total, percent) every report uses."""
        columns = self._cols.get(agency_id, {})
        counts = tuple(len(columns.get(status, ())) for status in STATUSES)
        return Progress(agency_id, counts)  # type: ignore[arg-type]

    def status_counts(self, lanes: list[Lane]) -> list[int]:
        return [sum(len(lane.columns[i]) for lane in lanes) for i in range(len(STATUSES))]

    def _normalized(self, text: str) -> str:
        value = self._search_keys.get(text)
        if value is None:
            if len(self._search_keys) >= SEARCH_KEYS_MAX:  # only edits add texts: rarely reached
                self._search_keys.clear()
            value = self._search_keys[text] = normalize(text)
        return value

    def search_key(self, text: str) -> str:
        """``text`` as searches compare it (normalised once per text, then cached)."""
        return self._normalized(text)

    def matches(self, card_id: str, query: str) -> bool:
        """Whether the normalised ``query`` is in the card's item text or agency names.

        Normalised text is cached per text (cards of one item or agency share it), so the
        first search over 10,000 cards normalises ~3,000 texts, not 10,000.
        """
        card = self.snapshot.cards[card_id]
        item = self.snapshot.items.get(card.item_id)
        if item is not None and query in self._normalized(item.text):
            return True
        agency = self.snapshot.agencies.get(card.agency_id)
        return agency is not None and query in self._normalized(f"{agency.name} {agency.short}")

    def _keep(self, card_id: str, flt: BoardFilter, today: date, query: str) -> bool:
        card = self.snapshot.cards[card_id]
        if flt.overdue:
            item = self.snapshot.items.get(card.item_id)
            if due_state(item.due if item else None, card.status, today) != "overdue":
                return False
        return not query or self.matches(card_id, query)

    def lanes(self, agency_id: str | None, flt: BoardFilter, today: date) -> list[Lane]:
        """The swimlanes to show: one agency, or every agency with cards (None)."""
        order = [agency_id] if agency_id else [a for a in self.agency_order if self.total(a)]
        query = normalize(flt.query) if flt.query else ""
        lanes = []
        for aid in order:
            columns = []
            for status in STATUSES:
                ids = self.ids(aid, status)
                if flt.status and status != flt.status:
                    ids = []
                elif flt.overdue or query:
                    ids = [c for c in ids if self._keep(c, flt, today, query)]
                columns.append(ids)
            if agency_id or not flt.active or any(columns):
                agency = self.snapshot.agencies.get(aid)
                title = (agency.short or agency.name) if agency else aid
                lanes.append(Lane(aid, title, tuple(columns)))
        return lanes
