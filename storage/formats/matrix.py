"""A tracking sheet that names its agencies in the header: one column per agency, a mark in
the cell where that agency is responsible for the row's directive.

    ข้อ | ข้อสั่งการ | สนง.เกษตรจังหวัด | สนง.ปศุสัตว์จังหวัด | สสจ. | อำเภอทุกอำเภอ
    1   | เฝ้าระวัง…  |                  | หลัก               | สนับสนุน |
    2   | สำรวจ…     | ✓                |                    |          | ✓

The mark says the role (``หลัก``/``เจ้าภาพ`` lead, ``สนับสนุน``/``ร่วม`` support); a plain tick
says only "this agency", and the item's reader gives it the role a plain name gets.
"""

from __future__ import annotations

import re

from storage.formats import genre
from storage.formats.agencies import clean_text, compact, expand_short, normalize_agency

_LEAD_MARK_RE = re.compile(r"^(?:หลัก|เจ้าภาพ(?:หลัก)?|หน่วยงานหลัก|ห|l|lead|main)$", re.I)
_SUPPORT_MARK_RE = re.compile(r"^(?:สนับสนุน|ร่วม(?:ดำเนินการ)?|หน่วยงานสนับสนุน|ส|ร|s|support)$", re.I)
_NO_MARK_RE = re.compile(r"^(?:[-–—_.0]+|ไม่มี|ไม่เกี่ยวข้อง|n/?a)$", re.I)
_TOO_LONG = 60
"""A header cell naming one agency is short; a longer one is a sentence."""


def agency_header(cell: str) -> str | None:
    """The agency a header cell names (``สนง.เกษตรจังหวัด``, ``สสจ.``, ``อำเภอทุกอำเภอ``), else
    None: a label such as ``หมายเหตุ`` or ``ผลการดำเนินงาน`` names none."""
    name = normalize_agency(clean_text(cell or ""))
    if len(name) < 2 or len(name) > _TOO_LONG or "\n" in name:
        return None
    if expand_short(name) or genre.ABBREVIATION_RE.fullmatch(name):
        return name
    if genre.HEAD_RE.match(name) and not genre.PREDICATE_RE.match(name):
        return name
    return None


def mark_role(cell: str) -> str | None | bool:
    """What a cell under an agency's column says: ``"lead"``, ``"support"``, None for a plain
    mark (✓, x, ●, a word the reader does not know), False for no mark (blank, ``-``)."""
    mark = compact(cell)
    if not mark or _NO_MARK_RE.match(mark):
        return False
    if _LEAD_MARK_RE.match(mark):
        return "lead"
    if _SUPPORT_MARK_RE.match(mark):
        return "support"
    return None
