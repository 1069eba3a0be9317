"""Type-to-filter over the board's agencies (the agency picker), Thai-normalised.

A query matches an agency when its normalised text (ำ/ํา, tone order, Thai digits, spaces)
occurs in the agency's name, short name or any alias; those that start with it come first.
``new_name`` says whether the typed text is an agency the board does not know yet, so the
picker offers to create it instead of the officer retyping a long name that exists.
"""

from __future__ import annotations

from typing import Iterable

from storage.editing.values import clean_line
from storage.formats.agencies import AgencyIndex, normalize_agency
from storage.models import Agency
from storage.thai.normalize import normalize_for_search


def _squash(text: str) -> str:
    return normalize_for_search(text).replace(" ", "")


def pick_agencies(agencies: list[Agency] | tuple[Agency, ...], query: str, exclude: frozenset[str] = frozenset()) -> list[Agency]:
    """Agencies matching ``query`` (all when it is blank), best first, minus ``exclude`` ids."""
    wanted = _squash(query)
    ranked: list[tuple[int, str, Agency]] = []
    for agency in agencies:
        if agency.id in exclude:
            continue
        spellings = [_squash(s) for s in (agency.short, agency.name, *agency.aliases) if s]
        if not wanted:
            ranked.append((1, agency.name, agency))
        elif any(s.startswith(wanted) for s in spellings):
            ranked.append((0, agency.name, agency))
        elif any(wanted in s for s in spellings):
            ranked.append((1, agency.name, agency))
    found = [agency for _, _, agency in sorted(ranked, key=lambda r: (r[0], r[1]))]
    # Another spelling of a known office (สนง.พช.จ.ระยอง) is that office, though no
    # spelling on the board contains the typed text.
    same = _known(agencies, query) if wanted else None
    if same is not None and same.id not in exclude and same not in found:
        found.insert(0, same)
    return found


def _known(agencies: Iterable[Agency], query: str) -> Agency | None:
    name = normalize_agency(clean_line(query)) or clean_line(query)
    return AgencyIndex(agencies).match(name) if name else None


def new_name(agencies: Iterable[Agency], query: str) -> str:
    """The agency name ``query`` would create, or "" when it is blank or names a known agency."""
    name = normalize_agency(clean_line(query)) or clean_line(query)
    return name if name and _known(agencies, query) is None else ""
