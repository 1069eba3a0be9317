"""Heal agency names cut by a stray space (OCR, ``สำนักงานพัฒนา ชุมชนจังหวัดลพบุรี``).

A space inside a name would end it (responsible.py reads a space as a name boundary), so
before a cell is read, a space is removed where a known name runs over it: an agency the
board knows (by any spelling), or a provincial office of the genre with a province the cell
names (``สำนักงาน<office>จังหวัด<province>``, the well-known offices and collectives).
Names wrapped mid-word are joined by the readers already (Thai wraps without a space).
"""

from __future__ import annotations

import re
from functools import lru_cache

from storage.formats import genre
from storage.formats.agencies import _COLLECTIVE_SHORT, PROVINCIAL_OFFICES, AgencyIndex
from storage.models import Agency

_SPACE_RE = re.compile(r"(?<=[ก-๛]) (?=[ก-๛])")
_PROVINCE_WORD_RE = re.compile("|".join(sorted(genre.PROVINCES, key=len, reverse=True)))


@lru_cache(maxsize=128)
def _genre_index(provinces: frozenset[str]) -> AgencyIndex:
    """The offices of the genre in these provinces, as an index to match spellings against."""
    names = [office + province for office in PROVINCIAL_OFFICES for province in provinces]
    names += list(_COLLECTIVE_SHORT)
    return AgencyIndex([Agency(id="", name=name) for name in names])


def heal(cell: str, index: AgencyIndex) -> str:
    """``cell`` with the spaces removed that cut a known or genre name in two."""
    if " " not in cell:
        return cell
    indexes = [index, _genre_index(frozenset(_PROVINCE_WORD_RE.findall(cell.replace(" ", ""))))]
    out: list[str] = []
    pos = 0
    for m in genre.HEAD_RE.finditer(cell):
        if m.start() < pos or (m.start() and not (cell[m.start() - 1] in " ,\n-(" or _after_joiner(cell, m.start()))):
            continue
        span = max(ix.prefix_length(cell[m.start():]) for ix in indexes)
        if span and " " in cell[m.start(): m.start() + span]:
            out.append(cell[pos: m.start()])
            out.append(_SPACE_RE.sub("", cell[m.start(): m.start() + span]))
            pos = m.start() + span
    out.append(cell[pos:])
    return "".join(out)


def _after_joiner(cell: str, at: int) -> bool:
    return bool(genre.JOINER_RE.search(cell[max(0, at - 8): at]) and cell[max(0, at - 8): at].endswith(
        ("และ", "กับ", "หรือ", "ตลอดจน", "รวมทั้ง")))
