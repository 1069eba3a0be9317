"""What an officer types into a form or a command, checked and cleaned before any save.

Each ``check_*`` returns a frozen value ready for the store, or raises ``FormErrors`` with
one ``EditError`` per wrong field (so a form shows each message beside its field and keeps
what was typed). Text is data: control characters are dropped, digits of letter numbers
are ASCII (DESIGN.md §2), and lengths are bounded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from storage.editing.errors import EditError, FormErrors
from storage.editing.words import date_params
from storage.models import ROLES, Agency, BoardSnapshot, Role
from storage.thai.dates import DateInputError, parse_typed_date
from storage.thai.digits import to_ascii_digits

LIMITS = {"number": 100, "subject": 1000, "issuer": 300, "text": 20000, "recurrence": 200, "name": 300}
"""Characters a field may hold: a long item is a few paragraphs, never a whole file."""

NONE_WORDS = frozenset({"none", "-", "ไม่มี"})
"""What clears a due date or a recurrence in the CLI (``--due none``)."""

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")


def clean_line(text: str) -> str:
    """One line: NFC, no control or bidi characters, runs of spaces (and tabs) as one."""
    text = _CONTROLS.sub("", unicodedata.normalize("NFC", str(text)).replace("\t", " "))
    return " ".join(text.replace("\n", " ").split())


def clean_block(text: str) -> str:
    """Several lines (an item's text): each line cleaned, CRLF as LF, no blank lines at the ends."""
    lines = [clean_line(line) for line in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _bounded(field: str, value: str, errors: list[EditError], *, required: bool = False) -> str:
    if required and not value:
        errors.append(EditError(f"edits.{field}_required", field))
    elif len(value) > LIMITS[field]:
        errors.append(EditError("edits.too_long", field, limit=LIMITS[field]))
    return value


def typed_date(text: str | None, field: str, errors: list[EditError], today: date | None,
               *, required: bool = False, not_before: date | None = None) -> str | None:
    """ISO text of a typed date; None for a blank (or ``none``) when allowed."""
    text = clean_line(text or "")
    if not text or text.casefold() in NONE_WORDS:
        if required:
            errors.append(EditError("edits.date_required", field))
        return None
    try:
        return parse_typed_date(text, today, not_before=not_before).isoformat()
    except DateInputError as error:
        errors.append(EditError(error.key, field, **date_params(error)))
        return None


def letter_day(directive) -> date | None:
    """The date of a letter (or meeting) as a ``date``, if it has a readable one."""
    try:
        return date.fromisoformat(directive.date) if directive is not None and directive.date else None
    except ValueError:
        return None


def letter_number(text: str) -> str:
    """A letter number as stored: ASCII digits, single spaces (``รย ๐๐๑๗.๒/ว ๓๓๖๒`` → ``รย 0017.2/ว 3362``)."""
    return to_ascii_digits(clean_line(text))


@dataclass(frozen=True, slots=True)
class LetterInput:
    """A letter or a meeting record typed by hand (no number: a meeting or a verbal order)."""

    number: str
    date: str
    subject: str
    issuer: str = ""


def check_letter(number: str, when: str, subject: str, issuer: str = "", *,
                 today: date | None = None, snapshot: BoardSnapshot | None = None) -> LetterInput:
    errors: list[EditError] = []
    number = _bounded("number", letter_number(number), errors)
    if number and snapshot is not None and any(
            letter_number(d.number).casefold() == number.casefold() for d in snapshot.directives.values()):
        errors.append(EditError("edits.letter_exists", "number", number=number))
    iso = typed_date(when, "date", errors, today, required=True)
    subject = _bounded("subject", clean_line(subject), errors, required=True)
    issuer = _bounded("issuer", clean_line(issuer), errors)
    if errors:
        raise FormErrors(errors)
    assert iso is not None
    return LetterInput(number, iso, subject, issuer)


@dataclass(frozen=True, slots=True)
class AgencyChoice:
    """An agency picked for an item: a known one (``agency_id``) or a new name."""

    name: str
    role: Role = "support"
    agency_id: str | None = None


@dataclass(frozen=True, slots=True)
class ItemInput:
    """An item typed by hand. ``due``/``recurrence`` None means none."""

    text: str
    due: str | None = None
    recurrence: str | None = None
    agencies: tuple[AgencyChoice, ...] = ()


def check_item(text: str, due: str | None, recurrence: str | None,
               agencies: tuple[AgencyChoice, ...] = (), *, today: date | None = None,
               need_agency: bool = False, not_before: date | None = None) -> ItemInput:
    """Raises FormErrors; ``need_agency`` for the TUI, where an item without a card could
    not be seen on the board at all; a due date typed without a year falls on or after
    ``not_before`` (the letter's date)."""
    errors: list[EditError] = []
    text = _bounded("text", clean_block(text), errors, required=True)
    iso = typed_date(due, "due", errors, today, not_before=not_before)
    rhythm = clean_line(recurrence or "")
    rhythm = None if rhythm.casefold() in NONE_WORDS | {""} else _bounded("recurrence", rhythm, errors)
    if need_agency and not agencies:
        errors.append(EditError("edits.agency_required", "agencies"))
    if any(a.role not in ROLES for a in agencies):
        errors.append(EditError("edits.bad_role", "agencies"))
    if errors:
        raise FormErrors(errors)
    return ItemInput(text, iso, rhythm, agencies)


def check_name(text: str, field: str = "name") -> str:
    """An agency name, short name or alias: one clean line, not blank. Raises EditError."""
    name = clean_line(text)
    if not name:
        raise EditError("edits.name_required", field)
    if len(name) > LIMITS["name"]:
        raise EditError("edits.too_long", field, limit=LIMITS["name"])
    return name


@dataclass(frozen=True, slots=True)
class AgencyEdit:
    """What changes on an agency: ``None`` leaves a field as it is."""

    agency_id: str
    name: str | None = None
    short: str | None = None
    alias: str | None = None
    """A spelling to add (used by later imports)."""


def _taken_by(agencies: tuple[Agency, ...], agency_id: str, text: str) -> Agency | None:
    """Another agency already known by ``text`` (any spelling the importer matches)."""
    from storage.formats.agencies import AgencyIndex

    others = [a for a in agencies if a.id != agency_id]
    return AgencyIndex(others).match(text) if text else None


def check_agency_edit(agency: Agency, name: str, short: str, alias: str,
                      agencies: tuple[Agency, ...]) -> AgencyEdit:
    """Raises FormErrors: a blank name, or a spelling that is another agency's (merge them instead)."""
    errors: list[EditError] = []
    values: dict[str, str | None] = {}
    for field, text, required in (("name", name, True), ("short", short, False), ("alias", alias, False)):
        cleaned = clean_line(text)
        if required and not cleaned:
            errors.append(EditError("edits.name_required", field))
        elif len(cleaned) > LIMITS["name"]:
            errors.append(EditError("edits.too_long", field, limit=LIMITS["name"]))
        elif (other := _taken_by(agencies, agency.id, cleaned)) is not None:
            errors.append(EditError("edits.name_taken", field, name=other.name))
        values[field] = cleaned
    if errors:
        raise FormErrors(errors)
    return AgencyEdit(
        agency.id,
        name=values["name"] if values["name"] != agency.name else None,
        short=values["short"] if values["short"] != agency.short else None,
        alias=values["alias"] if values["alias"] and values["alias"] not in agency.aliases else None,
    )
