"""What an officer types to pick part of a board: an agency, a letter, a status.

Shared by every command that takes ``--agency``, ``--letter`` or a status, so ``board list``,
``board summary``, ``board log`` and ``board export`` read them alike. Pure; errors are
``BoardError`` with one line.
"""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from functools import cache
from typing import Iterable

from storage.errors import BadStatus, BoardError
from storage.i18n import say
from storage.models import STATUSES, Agency, BoardSnapshot, Card, Directive, Status
from storage.thai.digits import to_ascii_digits

OTHER_STATUS_NAMES: dict[Status, tuple[str, ...]] = {
    "todo": ("todo",), "doing": ("in progress",), "blocked": (), "done": ("เสร็จ", "ทำแล้ว"),
}
"""Words officers type besides the column titles (the issue's ``เสร็จ`` for the short ``เสร็จแล้ว``)."""


def norm(text: str) -> str:
    """Compare typed names: NFC, case-folded, ASCII digits, no spaces."""
    return to_ascii_digits(unicodedata.normalize("NFC", text)).casefold().replace(" ", "")


@cache  # at the first status typed, not at every start: `board list` alone reads none (issue 11)
def _status_names() -> dict[str, Status]:
    names: dict[str, Status] = {}
    for status in STATUSES:
        # Every column title the board shows, long and short, in both languages.
        shown = (say(lang, f"{kind}.{status}") for kind in ("status", "status_short") for lang in ("th", "en"))
        spellings = (status, *shown, *OTHER_STATUS_NAMES[status])
        names.update({norm(s): status for s in spellings})
    return names


def parse_status(text: str) -> Status:
    """``doing``, or any column title the board shows, long or short, Thai or English
    (กำลังดำเนินการ, กำลังทำ, In progress, Doing)."""
    status = _status_names().get(norm(text))
    if status is None:
        raise BadStatus("error.unknown_status", text=text, codes=", ".join(STATUSES))
    return status


def match_agencies(snap: BoardSnapshot, wanted: str) -> list[Agency]:
    """Agencies whose name, short name or alias is ``wanted``, or whose id starts with it;
    failing that, those whose names contain it."""
    key = norm(wanted)
    exact = [a for a in snap.agencies.values()
             if key in {norm(a.name), norm(a.short), *map(norm, a.aliases)} or a.id.startswith(key)]
    if exact:
        return exact
    loose = [a for a in snap.agencies.values()
             if key and any(key in norm(n) for n in (a.name, a.short, *a.aliases) if n)]
    if not loose:
        raise BoardError("error.no_agency_match", text=wanted)
    return loose


def one_agency(snap: BoardSnapshot, wanted: str) -> Agency:
    """The one agency ``wanted`` names (as ``match_agencies`` reads it); BoardError if it names
    none or several (the names of a few, so the officer can type one)."""
    found = match_agencies(snap, wanted)
    if len(found) > 1:
        names = ", ".join(sorted(a.short or a.name for a in found)[:4])
        raise BoardError("error.many_agencies", text=wanted, n=len(found), names=names)
    return found[0]


def match_letters(snap: BoardSnapshot, wanted: str) -> list[Directive]:
    """Letters whose number is ``wanted`` (spaces, Thai digits and case ignored) or whose
    id starts with it; failing that, those whose number or subject contains it."""
    key = norm(wanted)
    exact = [d for d in snap.directives.values() if key and (norm(d.number) == key or d.id.startswith(key))]
    if exact:
        return exact
    loose = [d for d in snap.directives.values()
             if key and (key in norm(d.number) or key in norm(d.subject))]
    if not loose:
        numbers = ", ".join(sorted(d.number for d in snap.directives.values())[:4])
        if numbers:
            raise BoardError("error.no_letter_match_some", text=wanted, numbers=numbers)
        raise BoardError("error.no_letter_match", text=wanted)
    return loose


def select_cards(snap: BoardSnapshot, *, agency: str | None = None, letter: str | None = None,
                 cards: Iterable[Card] | None = None) -> list[Card]:
    """The cards of the agencies matching ``agency`` and the letters matching ``letter``."""
    chosen = list(snap.cards.values() if cards is None else cards)
    if agency:
        ids = {a.id for a in match_agencies(snap, agency)}
        chosen = [c for c in chosen if c.agency_id in ids]
    if letter:
        letters = {d.id for d in match_letters(snap, letter)}
        items = {i.id for i in snap.items.values() if i.directive_id in letters}
        chosen = [c for c in chosen if c.item_id in items]
    return chosen


def letter_tag(number: str) -> str:
    """A short tag for a letter on a card: the last run of its number (``ว 3362`` → ``3362``)."""
    tail = number.replace("/", " ").split()
    return tail[-1] if tail else ""


def sitting_tag(subject: str) -> str:
    """A short tag for a meeting without a number: its sitting (``ครั้งที่ 11/2569`` → ``11/69``),
    else "" — meetings' titles start alike (``ข้อสั่งการ …``, ``รายงานการประชุม …``)."""
    at = subject.find("ครั้งที่")
    if at < 0:
        return ""
    rest = to_ascii_digits(subject[at + len("ครั้งที่"):]).lstrip()
    number = _leading_digits(rest)
    after = rest[len(number):].lstrip()
    if not 1 <= len(number) <= 3 or not after.startswith("/"):
        return ""
    year = _leading_digits(after[1:].lstrip())
    return f"{number}/{year[-2:]}" if len(year) in (2, 4) else ""


def _leading_digits(text: str) -> str:
    return text[:len(text) - len(text.lstrip("0123456789"))]


def parse_day(text: str, today: date) -> date:
    """A day typed on the command line: ``2025-09-30``, ``30/9/2568``, ``30 ก.ย. 68``, or
    ``7d`` (seven days ago); B.E. and C.E. years are told apart by size."""
    from storage.thai.dates import parse_thai_date

    body = to_ascii_digits(text.strip())
    if body[:-1].isdigit() and body[-1:] in ("d", "ว"):
        return today - timedelta(days=int(body[:-1]))
    day = parse_thai_date(body)
    if day is None:
        raise BoardError("error.bad_day", text=text)
    return day
