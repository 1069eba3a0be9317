"""A table's second header row: under a merged ``หน่วยงานรับผิดชอบ``, which column is the lead
agencies' (``หลัก``) and which the support agencies' (``สนับสนุน``). Word, sheets and tab text
use it; PDF and layout text split the merged label where they read the header (layout.py)."""

from __future__ import annotations

import re

from storage.formats.agencies import clean_text
from storage.formats.items import Columns

_SUB_LEAD_RE = re.compile(r"^(?:หน่วยงาน|ผู้รับผิดชอบ)?(?:หลัก|เจ้าภาพ(?:หลัก)?)$")
_SUB_SUPPORT_RE = re.compile(r"^(?:หน่วยงาน|ผู้รับผิดชอบ)?(?:สนับสนุน|ร่วม(?:ดำเนินการ)?)$")


def role_label(cell: str) -> str | None:
    """``"lead"`` or ``"support"`` when ``cell`` is a second header row's label (``หลัก``,
    ``หน่วยงานสนับสนุน``, ``ร่วม``…), else None."""
    name = re.sub(r"\s+", "", clean_text(cell or ""))
    return "lead" if _SUB_LEAD_RE.match(name) else "support" if _SUB_SUPPORT_RE.match(name) else None


def with_sub_header(cols: Columns, cells: list[str]) -> Columns | None:
    """The columns a second header row refines: under a merged ``หน่วยงานรับผิดชอบ`` the row
    below says which column is ``หลัก`` and which ``สนับสนุน``. None when ``cells`` is no such
    row (every filled cell a lead or support label, or the label above repeated by a merge)."""
    lead = support = None
    for i, cell in enumerate(cells):
        role = role_label(cell)
        if role == "lead" and lead is None:
            lead = i
        elif role == "support" and support is None:
            support = i
        elif cell.strip() and i not in (cols.seq, cols.text, cols.due):
            return None
    if lead is None and support is None:
        return None
    return Columns(seq=cols.seq, text=cols.text, due=cols.due, lead=lead, support=support,
                   agencies=cols.agencies if cols.agencies not in (lead, support) else None)
