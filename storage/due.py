"""When a card is due: overdue, due soon, days late — the one rule of every report and screen.

Kept apart from the counting in progress.py (which re-exports it): ``board list`` marks each
overdue line with it and counts nothing, and defining progress.py's ``Progress`` dataclass was
~0.7 ms of its start (issue 11). Pure functions of a ``BoardSnapshot`` and today's date.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from storage.models import BoardSnapshot, Card

DUE_SOON_DAYS = 14
"""A card is 'due soon' when its due date is at most this many days away."""

DueState = Literal["overdue", "soon"]


def due_state(due: str | None, status: str, today: date) -> DueState | None:
    """``"overdue"``, ``"soon"`` or None for a card with this due date and status."""
    if not due or status == "done":
        return None
    try:
        day = date.fromisoformat(due[:10])
    except ValueError:
        return None
    if day < today:
        return "overdue"
    if day <= today + timedelta(days=DUE_SOON_DAYS):
        return "soon"
    return None


def days_late(due: str | None, today: date) -> int:
    """Days past ``due`` (negative: days left); 0 without a readable date."""
    try:
        return (today - date.fromisoformat((due or "")[:10])).days
    except ValueError:
        return 0


def card_due(snap: BoardSnapshot, card: Card) -> str | None:
    item = snap.items.get(card.item_id)
    return item.due if item else None


def is_overdue(snap: BoardSnapshot, card: Card, today: date) -> bool:
    """Past the item's due date (not on it) and not done."""
    return due_state(card_due(snap, card), card.status, today) == "overdue"
