"""The draft a letter parses into: reviewed by the officer before anything is saved.

Frozen values; the review screen edits a draft with ``dataclasses.replace``.
``to_json`` is the documented shape of ``board import --dry-run --json``.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.models import Role


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
    warnings: tuple[str, ...] = ()

    def to_json(self) -> dict:
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
            "warnings": list(self.warnings),
        }
