"""Another officer's edit by hand as the status line says it: which item, letter or agency,
which field, and its new value (``malee แก้ข้อ ๖ · กำหนดเสร็จ → ๓๐ ก.ย. ๖๘``), in place of the
stored names (``item due``). Pure: the snapshot after the change and the change itself."""

from __future__ import annotations

from datetime import date

from storage.activity_words import field_word
from storage.editing.origin import origin, origin_tag
from storage.i18n import TEXTS, code_word, say
from storage.models import BoardSnapshot, Change
from storage.thai.dates import format_thai_date
from storage.thai.digits import to_thai_digits

LONGEST = 40
"""Cells of a new text value shown (the status line is one line)."""


def _digits(lang: str, text: object) -> str:
    return to_thai_digits(str(text)) if lang == "th" else str(text)


def _item(snap: BoardSnapshot, item_id: str, lang: str) -> str:
    item = snap.items.get(item_id)
    if item is None:
        return say(lang, "edits.live_some.item")
    what = say(lang, "edits.live_item", seq=item.seq)
    letter = snap.directives.get(item.directive_id)
    if letter is not None and len(snap.directives) > 1:  # several letters: which one
        what += f" ({_digits(lang, origin_tag(letter))})"
    return what


def _agency(snap: BoardSnapshot, agency_id: object) -> str:
    agency = snap.agencies.get(str(agency_id))
    return (agency.short or agency.name) if agency else ""


def subject(snap: BoardSnapshot, kind: str, rid: str, lang: str) -> str:
    """What the record is, as officers name it (``ข้อ ๑ (สนจ.ระยอง)``, ``พช.ระยอง``)."""
    if kind == "item":
        return _item(snap, rid, lang)
    if kind == "card" and rid in snap.cards:
        card = snap.cards[rid]
        return f"{_item(snap, card.item_id, lang)} ({_agency(snap, card.agency_id)})"
    if kind == "directive" and rid in snap.directives:
        return origin(snap.directives[rid], lang)
    if kind == "agency" and rid in snap.agencies:
        return _agency(snap, rid)
    key = f"edits.live_some.{kind}"
    return say(lang, key) if key in TEXTS else kind


def value_word(snap: BoardSnapshot, field: str, value: object, lang: str) -> str:
    if value is None or value == "":
        return "—"
    if field in ("due", "date") and isinstance(value, str):
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return value
        return format_thai_date(day, digits="thai" if lang == "th" else "ascii")
    if field == "role":
        return code_word(lang, "role", str(value))
    if field in ("agency_id", "merged_into"):
        return _agency(snap, value) or str(value)[:8]
    text = " ".join(str(value).split())
    return text if len(text) <= LONGEST else text[:LONGEST - 1] + "…"


def _records(snap: BoardSnapshot, kind: str) -> dict:
    return {"item": snap.items, "card": snap.cards, "directive": snap.directives, "agency": snap.agencies}.get(kind, {})


def _current(snap: BoardSnapshot, kind: str, rid: str, field: str) -> object:
    return getattr(_records(snap, kind).get(rid), field, None)


def edit_line(snap: BoardSnapshot, change: Change, lang: str) -> str:
    """The words after the author's name for a change of kind ``other`` or ``record``."""
    kind, _, rid = change.record.partition("/")
    field = change.field
    what = subject(snap, kind, rid, lang)
    if change.kind == "record" and kind == "card" and rid in snap.cards:
        card = snap.cards[rid]
        return say(lang, "edits.live_new_card", agency=_agency(snap, card.agency_id),
                   item=_item(snap, card.item_id, lang))
    if field == "deleted":
        gone = rid not in _records(snap, kind)  # the change is a delete, or an undone one
        return say(lang, "edits.live_deleted" if gone else "edits.live_restored", what=what)
    if field == "merged_into":
        into = _current(snap, kind, rid, field)
        return say(lang, "edits.live_merged", what=what, into=value_word(snap, field, into, lang))
    if field.startswith("alias:"):
        return say(lang, "edits.live_alias", what=what, alias=field.partition(":")[2])
    key = f"meeting.field.{field}"
    if key not in TEXTS:  # a field this version does not word: as stored
        return say(lang, "edits.live_edit_bare", what=what, field=field)
    new = value_word(snap, field, _current(snap, kind, rid, field), lang)
    return say(lang, "edits.live_edit", what=what, field=field_word(lang, field), new=new)

