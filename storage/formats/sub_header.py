"""A table's second header row: under a merged ``หน่วยงานรับผิดชอบ``, which column is the lead
agencies' (``หลัก``) and which the support agencies' (``สนับสนุน``), or one agency named per
column (a tracking sheet's marks, storage/formats/matrix.py). Word, sheets and tab text use it;
PDF and layout text split the merged label where they read the header (layout.py)."""

from __future__ import annotations

import re
from dataclasses import replace

from storage.formats.agencies import compact
from storage.formats.items import Columns, _kind
from storage.formats.matrix import agency_header

_SUB_LEAD_RE = re.compile(r"^(?:หน่วยงาน|ผู้รับผิดชอบ)?(?:หลัก|เจ้าภาพ(?:หลัก)?)$")
_SUB_SUPPORT_RE = re.compile(r"^(?:หน่วยงาน|ผู้รับผิดชอบ)?(?:สนับสนุน|ร่วม(?:ดำเนินการ)?)$")
_SUB_START_RE = re.compile(r"^(?:วัน(?:ที่)?)?(?:เริ่ม(?:ต้น)?|ตั้งแต่)$|^start$", re.I)
_SUB_END_RE = re.compile(r"^(?:วัน(?:ที่)?)?(?:สิ้นสุด|แล้วเสร็จ|เสร็จ|ถึง)$|^(?:end|finish|due)$", re.I)
"""Under a merged ``ระยะเวลาดำเนินการ``: its start (no deadline) and its end (the deadline)."""


def role_label(cell: str) -> str | None:
    """``"lead"`` or ``"support"`` when ``cell`` is a second header row's label (``หลัก``,
    ``หน่วยงานสนับสนุน``, ``ร่วม``…), else None."""
    name = compact(cell)
    return "lead" if _SUB_LEAD_RE.match(name) else "support" if _SUB_SUPPORT_RE.match(name) else None


def _span_label(cell: str) -> str | None:
    name = compact(cell)
    return "start" if _SUB_START_RE.match(name) else "end" if _SUB_END_RE.match(name) else None


def with_sub_header(cols: Columns, cells: list[str]) -> Columns | None:
    """The columns a second header row refines: under a merged ``หน่วยงานรับผิดชอบ`` the row
    below says which column is ``หลัก`` and which ``สนับสนุน``, or names an agency per column.
    None when ``cells`` is no such row: every filled cell must be a lead or support label, an
    agency's name, or the label above repeated by a merge (a data row's ``หลัก`` under an
    agency's column is a mark, never a label)."""
    lead = support = end = None
    matrix: list[tuple[int, str]] = []
    for i, cell in enumerate(cells):
        if not cell.strip():
            continue
        role, span = role_label(cell), _span_label(cell)
        if span is not None:
            end = i if span == "end" else end
        elif i in (cols.seq, cols.text, cols.due):
            if _kind(cell) is None:
                return None  # a number, a directive, a date: data
        elif role == "lead" and lead is None:
            lead = i
        elif role == "support" and support is None:
            support = i
        elif (name := agency_header(cell)) and i not in dict(cols.matrix):
            matrix.append((i, name))
        else:
            return None
    if lead is None and support is None and end is None and not matrix:
        return None
    refined = cols if end is None else replace(cols, due=end)
    if lead is None and support is None and not matrix:
        return refined  # only the period's end
    taken = {lead, support, *(i for i, _ in matrix)}
    return replace(refined, lead=lead, support=support, agencies=cols.agencies if cols.agencies not in taken else None,
                   matrix=tuple(sorted({*cols.matrix, *matrix})))
