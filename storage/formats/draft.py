"""The draft a letter parses into: reviewed by the officer before anything is saved.

Frozen values; the review screen edits a draft with ``dataclasses.replace``.
``to_json`` is the documented shape of ``board import --dry-run --json``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from storage.controls import visible, visible_lines
from storage.models import Role


@dataclass(frozen=True, slots=True)
class DraftWarning:
    """Something the importer could not read for sure: a reason code with its parameters.

    ``seq`` is the item it concerns (None: the letter as a whole), so the review screen can
    show it beside that item. Worded by the catalog (storage/i18n/importer.py) in the reader's language.
    """

    code: str
    """A key of the wording table, e.g. ``importer.no_agency``."""
    params: tuple[tuple[str, Any], ...] = ()
    seq: int | None = None

    @classmethod
    def of(cls, code: str, seq: int | None = None, **params: Any) -> DraftWarning:
        if seq is not None:
            params["seq"] = seq
        return cls(code=code, params=tuple(sorted(params.items())), seq=seq)

    def text(self, lang: str = "th") -> str:
        from storage.i18n import say

        return say(lang, self.code, **dict(self.params))

    def __str__(self) -> str:
        return self.text("th")

    def to_json(self, lang: str = "th") -> dict:
        return {"code": self.code, "item": self.seq, "params": dict(self.params), "text": self.text(lang)}


@dataclass(frozen=True, slots=True)
class DraftAgency:
    name: str
    """Normalised (canonical when matched) agency name."""
    role: Role
    agency_id: str | None = None
    """Id of the board's known agency this name matched, or None for a new agency."""
    short: str = ""
    """Short name/abbreviation (the letter's own ``(กรอ.)`` or a well-known one), or ""."""


@dataclass(frozen=True, slots=True)
class DraftItem:
    seq: int
    text: str
    due: str | None = None
    recurrence: str | None = None
    subpoints: tuple[str, ...] = ()
    agencies: tuple[DraftAgency, ...] = ()
    every: str | None = None
    """The recurrence as an ISO-8601 duration (``P2M`` = every 2 months), when it has one."""


@dataclass(frozen=True, slots=True)
class DraftDirective:
    number: str
    date: str | None
    subject: str
    issuer: str = ""
    references: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True, slots=True)
class Draft:
    directive: DraftDirective
    items: tuple[DraftItem, ...] = ()
    warnings: tuple[DraftWarning, ...] = ()

    def item_warnings(self, seq: int) -> tuple[DraftWarning, ...]:
        """The warnings about item ``seq``."""
        return tuple(w for w in self.warnings if w.seq == seq)

    def letter_warnings(self) -> tuple[DraftWarning, ...]:
        """The warnings about the letter as a whole (or an item no longer in the draft)."""
        seqs = {item.seq for item in self.items}
        return tuple(w for w in self.warnings if w.seq not in seqs)

    def has_warning(self, code: str) -> bool:
        return any(w.code == code for w in self.warnings)

    def to_json(self, lang: str = "th") -> dict:
        d = self.directive
        return {
            "directive": {
                "number": d.number,
                "date": d.date,
                "subject": d.subject,
                "issuer": d.issuer,
                "references": list(d.references),
                "source": d.source,
            },
            "items": [
                {
                    "seq": it.seq,
                    "text": it.text,
                    "due": it.due,
                    "recurrence": it.recurrence,
                    "subpoints": list(it.subpoints),
                    "every": it.every,
                    "agencies": [{"name": a.name, "role": a.role, "short": a.short} for a in it.agencies],
                }
                for it in self.items
            ],
            "warnings": [w.to_json(lang) for w in self.warnings],
        }


def visible_draft(draft: Draft) -> Draft:
    """``draft`` with every text made visible (storage.controls): what a letter says is shown
    on the review screen and printed by ``--dry-run``, and saved into the board as it is here.
    Item texts and sub-points keep their lines; names and numbers are one line. (Warnings
    quote the letter through their parameters, which the catalog's ``say`` makes visible.)"""
    d = draft.directive
    directive = replace(d, number=visible(d.number), subject=visible(d.subject), issuer=visible(d.issuer),
                        references=tuple(map(visible, d.references)), source=visible(d.source))
    items = tuple(
        replace(it, text=visible_lines(it.text), recurrence=None if it.recurrence is None else visible(it.recurrence),
                subpoints=tuple(map(visible_lines, it.subpoints)),
                agencies=tuple(replace(a, name=visible(a.name), short=visible(a.short)) for a in it.agencies))
        for it in draft.items)
    return replace(draft, directive=directive, items=items)
