"""The board's columns: each agency's cards per status, in the order a column shows them —
by rank, then item number, then id (the one rule: ``column_key``).

The board index (widgets/board_index.py) builds them with ``fill`` and keeps them up to date
card by card. The open cache (storage/sync/cache.py) keeps them as ``fill`` made them for the
board it holds: an unchanged board's first paint takes them as they are instead of sorting
10,000 cards again (issue 11). The rule lives here, in storage, so that a change to it changes
the program's code key and no cache made under the old rule is ever used.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storage.models import STATUSES, BoardSnapshot, Card

Columns = dict[str, dict[str, list[str]]]
"""agency id → status → card ids, in order."""


def column_key(card: Card, items: Mapping) -> tuple:
    """Where a card stands in its column (keys end in the card id: no two are equal)."""
    item = items.get(card.item_id)
    return (card.rank, item.seq if item else 0, card.id)


def keys_of(snapshot: BoardSnapshot) -> dict[str, tuple]:
    """Every card's ``column_key``."""
    items = snapshot.items
    return {card.id: (card.rank, item.seq if (item := items.get(card.item_id)) else 0, card.id)
            for card in snapshot.cards.values()}


def fill(snapshot: BoardSnapshot, order: Sequence[str] = ()) -> tuple[Columns, dict[str, tuple]]:
    """(columns, keys): every agency's columns (empty ones too), each sorted by
    ``column_key``, and each card's key — ``column_key`` written out in one loop, which runs
    before the first paint over every card. ``order``, when it names every card once (``flat``
    of columns kept earlier), is the order to take the cards in: each column is then already
    (or nearly) sorted, and its sort has little to do; the result is the same either way."""
    keys: dict[str, tuple] = {}
    cols: Columns = {agency_id: {s: [] for s in STATUSES} for agency_id in snapshot.agencies}
    items, cards = snapshot.items, snapshot.cards
    values = cards.values()
    if order and len(order) == len(cards) and cards.keys() == set(order):
        values = map(cards.__getitem__, order)  # type: ignore[assignment]
    for card in values:
        item = items.get(card.item_id)
        key = keys[card.id] = (card.rank, item.seq if item else 0, card.id)
        columns = cols.get(card.agency_id)
        if columns is None:
            columns = cols[card.agency_id] = {s: [] for s in STATUSES}
        columns[card.status].append(key)  # type: ignore[arg-type]
    for columns in cols.values():
        for status, column in columns.items():
            column.sort()  # type: ignore[call-overload]
            columns[status] = [key[2] for key in column]  # type: ignore[index]
    return cols, keys


def flat(columns: Columns) -> list[str]:
    """Every card id of ``columns``, column by column: an ``order`` for ``fill``."""
    return [card_id for by_status in columns.values() for ids in by_status.values() for card_id in ids]
