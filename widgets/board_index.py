"""Per-agency, per-status card order, kept up to date one card at a time.

The board never re-sorts 10,000 cards on a key press: a move removes the card from
one sorted list and bisects it into another. Views (lanes) are cheap projections of
these lists through the current filter.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from storage.models import STATUSES, BoardSnapshot, Card
from storage.progress import DUE_SOON_DAYS, Progress, due_state  # noqa: F401 - the one rule, re-exported for widgets

from widgets.textfit import normalize

SEARCH_KEYS_MAX = 1 << 16
"""Normalised texts kept; a board's items and agencies are far fewer than this."""


@dataclass(frozen=True, slots=True)
class Lane:
    """One swimlane: an agency and its four status columns of card ids."""

    agency_id: str
    title: str
    columns: tuple[list[str], ...]


@dataclass(frozen=True, slots=True)
class BoardFilter:
    """What the user asked to see."""

    status: str | None = None
    overdue: bool = False
    query: str = ""

    @property
    def active(self) -> bool:
        return bool(self.status or self.overdue or self.query)


class BoardIndex:
    """Sorted card ids per (agency, status), plus per-agency progress."""

    def __init__(self, snapshot: BoardSnapshot, order: Sequence[str] = ()) -> None:
        self.snapshot = snapshot
        self._keys: dict[str, tuple] = {}
        self._cols: dict[str, dict[str, list[str]]] = {}
        self._search_keys: dict[str, str] = {}
        """Normalised text keyed by the text itself: an item edited or an agency renamed
        by another replica gets a fresh key, never the old text's."""
        for agency_id in snapshot.agencies:
            self._cols[agency_id] = {s: [] for s in STATUSES}
        self._fill(snapshot, order)
        self.agency_order = sorted(snapshot.agencies, key=self._agency_sort)

    def _fill(self, snapshot: BoardSnapshot, order: Sequence[str]) -> None:
        """Every card into its column, each column sorted: the same keys as ``_key`` and
        ``_column``, written out in one loop — it runs before the first paint, over every
        card (10,000 cards: ~6 ms instead of ~14, issue 11). ``order``, when it names every
        card once (the open cache's ``column_order``), is the order to take them in: each
        column is then already sorted, and its sort only checks that (a card changed since
        is still sorted into place)."""
        keys, cols, items, cards = self._keys, self._cols, snapshot.items, snapshot.cards
        values = cards.values()
        if order and len(order) == len(cards) and cards.keys() == set(order):
            values = map(cards.__getitem__, order)
        for card in values:
            item = items.get(card.item_id)
            key = keys[card.id] = (card.rank, item.seq if item else 0, card.id)
            columns = cols.get(card.agency_id)
            if columns is None:
                columns = cols[card.agency_id] = {s: [] for s in STATUSES}
            columns[card.status].append(key)
        for columns in cols.values():
            for status, column in columns.items():
                column.sort()  # keys end in the card id, so no two are equal
                columns[status] = [key[2] for key in column]

    def _agency_sort(self, agency_id: str) -> tuple:
        agency = self.snapshot.agencies[agency_id]
        return (-self.total(agency_id), agency.short or agency.name)

    def _key(self, card: Card) -> tuple:
        item = self.snapshot.items.get(card.item_id)
        return (card.rank, item.seq if item else 0, card.id)

    def _column(self, card: Card) -> list[str]:
        columns = self._cols.get(card.agency_id)
        if columns is None:
            columns = self._cols[card.agency_id] = {s: [] for s in STATUSES}
        return columns[card.status]

    def update(self, snapshot: BoardSnapshot, old: Card | None, new: Card | None) -> None:
        """Move one card from its old place to its new one."""
        self.snapshot = snapshot
        if old is not None and old.id in self._keys:
            ids = self._column(old)
            at = bisect_left(ids, self._keys[old.id], key=self._keys.__getitem__)
            if at < len(ids) and ids[at] == old.id:
                del ids[at]
            else:  # rank changed under us; fall back to a scan
                ids.remove(old.id)
            del self._keys[old.id]
        if new is not None:
            self._keys[new.id] = self._key(new)
            insort(self._column(new), new.id, key=self._keys.__getitem__)

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
