"""The kinds of records and events this version knows, and what each of their fields may hold.

One registry for the file format (DESIGN.md §3, untrusted files). Every file in a shared folder
is input from other machines — older and newer versions of this program among them — so:

* a record ``kind/id`` or an event of a kind listed here is validated field by field where the
  file is decoded (``codec.py``); a bad value is skipped with a warning, the rest counts;
* a record or event of a kind NOT listed here is kept as it is (checked only for being plain,
  bounded JSON), joined like any other, carried through compaction and ``board sync``
  untouched, and left out of the board's views: a newer version's changes never hide the rest;
* a field a known kind does not list is kept the same way (a newer version added it).

Adding a kind (or a field) is therefore:

1. list it here: ``RECORDS["letter"] = {"number": text(1000), ...}`` or
   ``EVENTS["retract"] = {"note": ident}``, with a check per field (the common event fields
   ``id``, ``kind``, ``s``, ``by``, ``target`` and ``card`` are checked for every event);
2. give the view a builder for a record kind (``view.BUILDERS``; a test checks they match);
3. bump ``FORMAT``, so that an older reader says "made by a newer version: update to see
   everything" instead of silently showing less.

A document of the ``regs`` table is ``{"r", "s", "by", "f"}`` and nothing else; extensions go
into fields, kinds and events (whose other keys are kept), never into new document keys or
new tables, which older readers would drop.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any, Callable

from storage.models import ROLES, STATUSES

FORMAT = 3
"""The file format this version writes. 1: the first; 2: events may belong to any record
(``target``), unknown kinds are kept, values are validated; 3: an agency may be merged into
another (``merged_into``: its cards show as the other's — a reader of 2 would still show it)."""

Check = Callable[[Any], bool]
"""True when a value is acceptable for a field."""

MAX_DEPTH = 16
"""How deep a value of a field this version does not know may nest (a board never needs more;
a hostile 900-deep value would otherwise blow up the JSON writer on compaction)."""
MAX_ITEMS = 10_000
"""How many members a list or object of such a value may have."""

_KEY = re.compile(r"[a-z][a-z0-9_]{0,31}/[0-9A-Za-z_-]{1,64}\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def plain(value: Any, depth: int = 0) -> bool:
    """Bounded JSON: what a field or event key this version does not know may hold."""
    kind = type(value)
    if kind is str or kind is bool or kind is int or value is None:
        return True
    if kind is float:
        return math.isfinite(value)
    if depth >= MAX_DEPTH or len(value) > MAX_ITEMS:
        return False
    if kind is list:
        return all(plain(v, depth + 1) for v in value)
    if kind is dict:
        return all(plain(v, depth + 1) for v in value.values())
    return False


def text(limit: int) -> Check:
    def check(value: Any) -> bool:
        return type(value) is str and len(value) <= limit
    return check


def texts(limit: int, count: int = 1000) -> Check:
    return lambda value: type(value) is list and len(value) <= count and all(
        type(v) is str and len(v) <= limit for v in value)


def optional(check: Check) -> Check:
    return lambda value: value is None or check(value)


def one_of(*allowed: str) -> Check:
    return lambda value: type(value) is str and value in allowed


def ident(value: Any) -> bool:
    """A record id: 16 hex digits today; uuid/ulid-like ids of hand-made records are accepted."""
    return type(value) is str and 0 < len(value) <= 64 and "/" not in value


def record_key(value: Any) -> bool:
    """``kind/id``: what ``regs`` documents and an event's ``target`` name."""
    return type(value) is str and _KEY.match(value) is not None


def iso_date(value: Any) -> bool:
    """``YYYY-MM-DD``, a real day of the Gregorian calendar."""
    if type(value) is not str or not _DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def flag(value: Any) -> bool:
    return type(value) is bool


def seq(value: Any) -> bool:
    return type(value) is int and 0 <= value <= 1_000_000


def rank(value: Any) -> bool:
    return (type(value) is float and math.isfinite(value) or type(value) is int) and abs(value) <= 1e15


# -- the registry -------------------------------------------------------------------------------

RECORDS: dict[str, dict[str, Check]] = {
    "directive": {
        "number": text(1000), "date": optional(iso_date), "subject": text(10_000), "issuer": text(2000),
        "references": texts(2000), "source": text(4096), "deleted": flag,
    },
    "item": {
        "directive_id": ident, "seq": seq, "text": text(100_000), "due": optional(iso_date),
        "recurrence": optional(text(1000)), "subpoints": texts(100_000), "deleted": flag,
    },
    "agency": {"name": text(1000), "short": text(1000), "deleted": flag, "merged_into": optional(ident)},
    "card": {
        "item_id": ident, "agency_id": ident, "role": one_of(*ROLES), "status": one_of(*STATUSES),
        "rank": rank, "deleted": flag,
    },
}
"""Record kind -> field -> check. Fields not listed are kept if ``plain``."""

FIELD_PREFIXES: dict[str, dict[str, Check]] = {
    "agency": {"alias:": flag},  # one register per alias: ``alias:<spelling>`` -> present or not
}
"""Set-valued fields: record kind -> field-name prefix -> check of each member's register."""

EVENTS: dict[str, dict[str, Check]] = {
    "note": {"text": text(100_000)},
    "history": {"field": text(300), "old": plain, "new": plain},
}
"""Event kind -> its own keys -> check. Keys not listed are kept if ``plain``."""

EVENT_COMMON: dict[str, Check] = {"id": ident, "kind": text(64), "by": text(300)}
"""Keys every event has (``s``, the stamp, and its owner, ``target``/``card``, are checked apart)."""

FIELD_NAME_LIMIT = 2000
"""Longest field name (an alias register carries the spelling in its name)."""


def field_check(kind: str, name: str) -> Check | None:
    """The check of one field of a record kind; None when this version does not know it."""
    fields = RECORDS.get(kind)
    if fields is None:
        return None
    check = fields.get(name)
    if check is None:
        for prefix, member in FIELD_PREFIXES.get(kind, {}).items():
            if name.startswith(prefix):
                return member
    return check
