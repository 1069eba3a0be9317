"""What the CLI's arguments name on a board: LETTER, ITEM, AGENCY, CARD and NOTE.

* LETTER: the letter number (any digits, any spacing), a meeting's subject, or an id prefix.
* ITEM: ``LETTER_NUMBER:SEQ`` (``รย 0017.2/ว 3362:6``) or an id prefix (a card's id
  prefix names its item too).
* AGENCY: a name, short name or alias (spelling variants as the importer matches them),
  or an id prefix; ``None`` when the board does not know it (the caller creates it).

Pure functions of a snapshot; a wrong reference raises ``EditError`` (one line).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, TypeVar

from storage.editing.errors import EditError
from storage.editing.values import clean_line, letter_number
from storage.formats.agencies import AgencyIndex
from storage.models import Agency, BoardSnapshot, Card, Directive, Item, Note
from storage.thai.digits import to_ascii_digits

MIN_PREFIX = 4
"""Shortest id prefix taken as an id (shorter hex is too easily a number)."""

T = TypeVar("T")
_HEX = re.compile(r"[0-9a-f]+")


def _key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", to_ascii_digits(text))).casefold()


def letter_key(text: str) -> str:
    """A letter number compared as typed: digits, spacing and case do not matter."""
    return _key(letter_number(text))


def _by_prefix(values: Iterable[T], text: str) -> list[T]:
    wanted = text.strip().lower()
    if len(wanted) < MIN_PREFIX or not _HEX.fullmatch(wanted):
        return []
    return [v for v in values if v.id.startswith(wanted)]  # type: ignore[attr-defined]


def _one(found: list[T], kind: str, text: str) -> T:
    if not found:
        raise EditError(f"edits.no_{kind}", text=text)
    if len(found) > 1:
        shown = ", ".join(sorted(v.id[:8] for v in found)[:4])  # type: ignore[attr-defined]
        raise EditError(f"edits.ambiguous_{kind}", text=text, n=len(found), some=shown)
    return found[0]


def resolve_letter(snap: BoardSnapshot, text: str) -> Directive:
    """By number; a meeting (no number) by its subject; by the tag its cards show on the
    board (``3362`` of ``๖#๓๓๖๒``, ``ประชุม`` of ``๑#ประชุม``); else by id prefix."""
    from storage.editing.origin import origin_tag

    key = _key(letter_number(text))
    letters = snap.directives.values()
    found = [d for d in letters if key and _key(d.number) == key]
    found = found or [d for d in letters if key and not d.number and _key(d.subject) == key]
    found = found or [d for d in letters if key and _key(origin_tag(d)) == key]
    return _one(found or _by_prefix(letters, text), "letter", clean_line(text))


def resolve_item(snap: BoardSnapshot, text: str) -> Item:
    text = clean_line(text)
    letter, sep, seq = text.rpartition(":")
    if sep and letter and to_ascii_digits(seq.strip()).isdigit():
        directive = resolve_letter(snap, letter)
        wanted = int(to_ascii_digits(seq.strip()))
        found = [i for i in snap.items.values() if i.directive_id == directive.id and i.seq == wanted]
        return _one(found, "item", text)
    found = _by_prefix(snap.items.values(), text)
    if not found:  # a card's id names its item too (what `board list` shows first)
        found = list({c.item_id: snap.items[c.item_id] for c in _by_prefix(snap.cards.values(), text)
                      if c.item_id in snap.items}.values())
    return _one(found, "item", text)


def resolve_agency(snap: BoardSnapshot, text: str) -> Agency | None:
    """The known agency ``text`` names, or None when it is a new name."""
    key = _key(text)
    if not key:
        raise EditError("edits.name_required", "agency")
    exact = [a for a in snap.agencies.values() if key in {_key(a.name), _key(a.short), *map(_key, a.aliases)}]
    if not exact:
        match = AgencyIndex(snap.agencies.values()).match(clean_line(text))
        exact = [match] if match is not None else []
    found = exact or _by_prefix(snap.agencies.values(), text)
    return _one(found, "agency", clean_line(text)) if found else None


def known_agency(snap: BoardSnapshot, text: str) -> Agency:
    """Like ``resolve_agency``, for commands that need an agency already on the board."""
    found = resolve_agency(snap, text)
    if found is None:
        raise EditError("edits.no_agency", text=clean_line(text))
    return found


def resolve_card(snap: BoardSnapshot, text: str) -> Card:
    return _one(_by_prefix(snap.cards.values(), text), "card", clean_line(text))


def resolve_note(snap: BoardSnapshot, card: Card, text: str) -> Note:
    return _one(_by_prefix(snap.notes_of(card.id), text), "note", clean_line(text))
