"""Activities in words: ``ข้อ 6 · พช.ระยอง`` and ``ย้าย กำลังดำเนินการ → ติดปัญหา``.

One wording for ``board log``, the log screen, the review screen and the minutes. Times are
the officer's local time, dates Buddhist Era (``25 พ.ย. 69 14:05``).
"""

from __future__ import annotations

from storage.activity import Activity, local_time
from datetime import date

from storage.i18n import TEXTS, code_word, is_thai, say
from storage.editing.origin import origin
from storage.models import BoardSnapshot
from storage.select import letter_tag
from storage.thai.dates import format_thai_date
from storage.thai.digits import to_thai_digits


def _digits(lang: str, text: str) -> str:
    return to_thai_digits(text) if lang == "th" else text


def when(iso: str, lang: str) -> str:
    """``25 พ.ย. 69 14:05`` (Thai) or ``2026-11-25 14:05`` (English), local time."""
    moment = local_time(iso)
    if moment is None:
        return iso
    if not is_thai(lang):
        return f"{moment:%Y-%m-%d %H:%M}"
    day = format_thai_date(moment.date(), digits="thai" if lang == "th" else "ascii")
    return f"{day} {_digits(lang, f'{moment:%H:%M}')}"


def status_word(lang: str, status: object, short: bool = False) -> str:
    """A status as the board's column title says it (``short``: the 80-column title)."""
    return code_word(lang, "status_short" if short else "status", status) if status else "—"


def subject(snap: BoardSnapshot, a: Activity, lang: str) -> str:
    """What the activity was done to, as officers name it."""
    item = snap.items.get(a.item_id or "")
    agency = snap.agencies.get(a.agency_id or "")
    letter = snap.directives.get(a.letter_id or "")
    parts = []
    if a.subject == "directive" and letter is not None:  # a meeting has no number: what it was, when
        parts.append(_digits(lang, letter.number) if letter.number else origin(letter, lang))
    if item is not None:
        seq = say(lang, "meeting.item", seq=item.seq)
        tag = letter_tag(letter.number) if letter is not None and len(snap.directives) > 1 else ""
        parts.append(f"{seq} ({_digits(lang, tag)})" if tag else seq)  # ข้อ 1 of which letter
    if agency is not None:
        parts.append(agency.short or agency.name)
        if a.card_id in snap.retired and a.card_id not in snap.cards:  # taken off the item
            parts[-1] += " " + say(lang, "edits.log_taken_off")
    if not parts:
        return f"{a.owner_id[:8]} {say(lang, 'meeting.log.gone')}"
    return " · ".join(parts)


def field_word(lang: str, field: str) -> str:
    """A field's name as officers say it; a field the log does not know yet, as stored."""
    key = f"meeting.field.{field}"
    return say(lang, key) if key in TEXTS else field


def _value(snap: BoardSnapshot, lang: str, field: str, value: object) -> str:
    if field == "status":
        return status_word(lang, value)
    if value is None or value == "":
        return "—"
    if field == "role" and value in ("lead", "support"):
        return say(lang, f"role.{value}")
    if field in ("due", "date") and isinstance(value, str):
        day = format_thai_date(date.fromisoformat(value[:10]), digits="thai" if lang == "th" else "ascii") \
            if is_thai(lang) and len(value) >= 10 and value[4] == "-" else value
        return day
    if field == "agency_id" and value in snap.agencies:
        agency = snap.agencies[value]  # type: ignore[index]
        return agency.short or agency.name
    return str(value)


def action(snap: BoardSnapshot, a: Activity, lang: str, short: bool = False) -> str:
    """What was done: a move, a note, an import, an edit (any field the log does not know yet)."""
    if a.kind == "status":
        return say(lang, "meeting.log.status", old=status_word(lang, a.old, short),
                   new=status_word(lang, a.new, short))
    if a.kind == "note":
        if a.field == "retracted":
            return say(lang, "meeting.log.note_retracted")
        return say(lang, "meeting.log.note", text=" ".join(a.text.split()))
    if a.kind == "import":
        letter = snap.directives.get(a.letter_id or "")
        return say(lang, "meeting.log.import", letter=letter.number if letter else "", source=a.new or "")
    if a.kind == "deleted":
        what = say(lang, f"meeting.subject.{a.subject}") if a.subject else a.field
        return say(lang, "meeting.log.deleted" if a.new else "meeting.log.restored", what=what)
    return _hand_edit(snap, a, lang) or say(lang, "meeting.log.edit", field=field_word(lang, a.field),
                                            old=_value(snap, lang, a.field, a.old), new=_value(snap, lang, a.field, a.new))


def _agency_word(snap: BoardSnapshot, agency_id: object) -> str:
    agency = snap.agencies.get(str(agency_id))
    return (agency.short or agency.name) if agency else str(agency_id)[:8]


def _hand_edit(snap: BoardSnapshot, a: Activity, lang: str) -> str:
    """The words of an edit by hand that is more than a field's new value (issue 7), or ""."""
    if a.field == "assigned":
        return say(lang, "meeting.log.assigned", role=_value(snap, lang, "role", a.new))
    if a.field == "created":
        what = say(lang, f"meeting.subject.{a.subject}") if a.subject else ""
        name = _digits(lang, str(a.new)) if a.subject == "item" else str(a.new or "")
        return say(lang, "meeting.log.created", what=what, name=name)
    if a.field == "retracted":
        return say(lang, "meeting.log.retracted")
    if a.field == "alias" and a.new:
        return say(lang, "meeting.log.alias", alias=str(a.new))
    if a.field in ("merged_into", "merged"):
        other = a.new or a.old
        key = f"meeting.log.{a.field}" + ("" if a.new else "_undone")
        return say(lang, key, agency=_agency_word(snap, other)) if other else ""
    return ""


def to_json(snap: BoardSnapshot, a: Activity) -> dict:
    """One activity of ``board log --json`` (documented in the README)."""
    item = snap.items.get(a.item_id or "")
    agency = snap.agencies.get(a.agency_id or "")
    letter = snap.directives.get(a.letter_id or "")
    moment = local_time(a.at)
    return {
        "id": a.id, "at": a.at, "local": moment.isoformat(timespec="seconds") if moment else None,
        "user": a.who, "kind": a.kind, "subject": a.subject or None, "owner": a.owner_id,
        "card": a.card_id, "item": {"id": item.id, "seq": item.seq} if item else None,
        "agency": {"id": agency.id, "name": agency.name, "short": agency.short} if agency else None,
        "letter": letter.number if letter else None,
        "field": a.field or None, "from": a.old, "to": a.new, "text": a.text or None,
    }
