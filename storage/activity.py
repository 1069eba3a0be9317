"""Who did what, when: the board's history as one time-ordered list of activities.

Built from the snapshot's notes and history events over a general model: an event belongs
to whatever its owner id names — a card, an item, a letter or an agency — so new kinds of
events (edits by hand, agency merges, retracted notes) show in the log as soon as the store
records them, worded generically until the log learns a better word for them.
Pure: ``board log``, the log screen and the reports use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Iterable, Literal

from storage.models import BoardSnapshot, Card, HistoryEvent, Note

Subject = Literal["card", "item", "directive", "agency", ""]

IMPORT_FIELD = "import"
"""History field of a letter's import event (owner: the letter; ``new``: the file name)."""


@dataclass(frozen=True, slots=True)
class Activity:
    """One thing someone did, with what it was done to resolved against the board."""

    id: str
    at: str
    """ISO-8601 UTC time, as stored."""
    who: str
    kind: str
    """``status`` (a move), ``note``, ``import``, ``deleted``, or ``edit`` (any other field)."""
    subject: Subject
    """What the event belongs to ("" when it names nothing on the board any more)."""
    owner_id: str
    field: str = ""
    old: object = None
    new: object = None
    text: str = ""
    """A note's text."""
    card_id: str | None = None
    item_id: str | None = None
    agency_id: str | None = None
    letter_id: str | None = None


def local_time(iso: str) -> datetime | None:
    """A stored UTC time as the machine's local time (the officer's clock), or None."""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone()


def _resolve(snap: BoardSnapshot, owner: str) -> tuple[Subject, Card | None, str | None, str | None, str | None]:
    """(subject, card, item id, agency id, letter id) of an event's owner id."""
    card = snap.cards.get(owner) or snap.retired.get(owner)  # an agency taken off: named all the same
    if card is not None:
        item = snap.items.get(card.item_id)
        return "card", card, card.item_id, card.agency_id, item.directive_id if item else None
    item = snap.items.get(owner)
    if item is not None:
        return "item", None, item.id, None, item.directive_id
    if owner in snap.directives:
        return "directive", None, None, None, owner
    if owner in snap.agencies:
        return "agency", None, None, owner, None
    return "", None, None, None, None


def _kind(event: HistoryEvent) -> str:
    if event.field in ("status", IMPORT_FIELD, "deleted"):
        return event.field
    return "edit"


def _activity(snap: BoardSnapshot, owner: str, event: HistoryEvent | Note) -> Activity:
    subject, card, item_id, agency_id, letter_id = _resolve(snap, owner)
    common = dict(id=event.id, at=event.at, owner_id=owner, subject=subject, card_id=card.id if card else None,
                  item_id=item_id, agency_id=agency_id, letter_id=letter_id)
    if isinstance(event, Note):
        if event.retracted_by:  # its author took it back: its place in time stays, its words do not
            return Activity(who=event.author, kind="note", field="retracted", **common)  # type: ignore[arg-type]
        return Activity(who=event.author, kind="note", text=event.text, **common)  # type: ignore[arg-type]
    return Activity(who=event.author, kind=_kind(event), field=event.field, old=event.old,  # type: ignore[arg-type]
                    new=event.new, **common)


def _merged(snap: BoardSnapshot, owner: str, events, notes) -> list[Activity]:
    """One owner's history and notes in the store's order (each is stamp-ordered), the two
    interleaved by time; at the same moment a move comes before its note."""
    out = [_activity(snap, owner, e) for e in events] + [_activity(snap, owner, n) for n in notes]
    return sorted(out, key=lambda a: (a.at, a.kind == "note"))  # stable: keeps the stamp order


def activities(snap: BoardSnapshot) -> list[Activity]:
    """Every note and history event on the board, oldest first."""
    owners = sorted(set(snap.history) | set(snap.notes))
    out = [a for owner in owners for a in _merged(snap, owner, snap.history.get(owner, ()), snap.notes.get(owner, ()))]
    out.sort(key=lambda a: a.at)  # stable: one owner's events at one moment keep their order
    return out


@dataclass(frozen=True, slots=True)
class LogFilter:
    """What ``board log`` and the log screen were asked for (all optional)."""

    since: date | None = None
    """Local date: activities on or after this day."""
    agency_ids: frozenset[str] | None = None
    letter_ids: frozenset[str] | None = None
    user: str = ""
    card_id: str | None = None


def _keeps(a: Activity, flt: LogFilter) -> bool:
    if flt.since is not None:
        moment = local_time(a.at)
        if moment is None or moment.date() < flt.since:
            return False
    if flt.agency_ids is not None and a.agency_id not in flt.agency_ids:
        return False
    if flt.letter_ids is not None and a.letter_id not in flt.letter_ids:
        return False
    if flt.user and a.who.casefold() != flt.user.casefold():
        return False
    return flt.card_id is None or a.card_id == flt.card_id


def log(snap: BoardSnapshot, flt: LogFilter = LogFilter(), entries: Iterable[Activity] | None = None) -> list[Activity]:
    """The activities ``flt`` keeps, oldest first."""
    return [a for a in (activities(snap) if entries is None else entries) if _keeps(a, flt)]


def kept_notes(snap: BoardSnapshot, card_id: str) -> tuple[Note, ...]:
    """A card's notes less those their author retracted: what a report, a review page or an
    agency's reply may quote (a retracted note stays in the files and the card's history)."""
    return tuple(n for n in snap.notes_of(card_id) if not n.retracted_by)


def card_history(snap: BoardSnapshot, card_id: str) -> list[Activity]:
    """A card's history events (moves, edits; not its notes) as activities, oldest first:
    what the card detail lists, in the log's words."""
    return _merged(snap, card_id, snap.history_of(card_id), ())


def latest_change(snap: BoardSnapshot, card: Card) -> Activity | None:
    """The newest activity on a card (a move, a note or an edit), or None."""
    mine = _merged(snap, card.id, snap.history_of(card.id), snap.notes_of(card.id))
    return mine[-1] if mine else None
