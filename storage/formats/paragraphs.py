"""Letters whose directives are numbered paragraphs instead of a table.

    ๑. ให้ทุกอำเภอเร่งสำรวจครัวเรือนเป้าหมาย …
       หน่วยงานที่รับผิดชอบ: อำเภอทุกอำเภอ (หน่วยงานหลัก), สำนักงานพัฒนาชุมชนจังหวัด…
       กำหนดเสร็จ: ๓๐ ก.ย. ๖๕

A run of paragraphs numbered 1, 2, 3 … is taken as the directives only when at least one of
them has a responsible-agencies line, so that other numbered lists (สิ่งที่ส่งมาด้วย ๑. ๒.)
are never mistaken for directives. Rows come out as [seq, text, agencies, due].
"""

from __future__ import annotations

import re

from storage.formats.items import CLOSING_RE, Columns, item_start
from storage.formats.owners import owners_at_end
from storage.thai.digits import to_ascii_digits

COLUMNS = Columns(seq=0, text=1, agencies=2, due=3)
_LABEL = r"^\s*(?:[-•]\s*)?(?:{})\s*[:：]\s*(.*)$"
_AGENCY_LINE_RE = re.compile(_LABEL.format(r"หน่วยงาน\s?(?:ที่)?\s?รับผิดชอบ|ผู้รับผิดชอบ|หน่วยงาน|รับผิดชอบ"))
_ROLE_LINE_RE = re.compile(_LABEL.format(r"หน่วยงาน\s?(?:หลัก|สนับสนุน|ร่วม)|เจ้าภาพ(?:หลัก)?"))
_DUE_LINE_RE = re.compile(_LABEL.format(r"กำหนด\s?(?:แล้ว)?เสร็จ|กำหนดส่ง|ระยะเวลา(?:ดำเนินการ)?|ภายใน"))


def _runs(lines: list[str]) -> list[tuple[int, list[list[str]]]]:
    """Every run of paragraphs numbered from 1, with the line index it starts at."""
    runs: list[tuple[int, list[list[str]]]] = []
    current: list[str] | None = None
    for i, line in enumerate(lines):
        m = item_start(line)
        if m and not (_AGENCY_LINE_RE.match(line) or _DUE_LINE_RE.match(line)):
            seq = int(to_ascii_digits(m[0]))
            rows = runs[-1][1] if runs else None
            if seq == 1 or not rows or int(to_ascii_digits(rows[-1][0])) + 1 != seq:
                runs.append((i, []))
            current = [m[0], m[1].strip(), "", ""]
            runs[-1][1].append(current)
        elif current is not None and line.strip():
            if CLOSING_RE.match(line):
                current = None
            else:
                _add(current, line)
    for _, rows in runs:
        for row in rows:
            _owner_at_end(row)
    return runs


def _owner_at_end(row: list[str]) -> None:
    """Move a paragraph's closing ``(ผู้รับผิดชอบ : …)`` out of its text into its agencies (only
    labelled: an unlabelled parenthesis would make any numbered list look like directives)."""
    if not row[2]:
        row[1], row[2] = owners_at_end(row[1], labelled_only=True)


def _add(row: list[str], line: str) -> None:
    role = _ROLE_LINE_RE.match(line)
    agencies = _AGENCY_LINE_RE.match(line)
    due = _DUE_LINE_RE.match(line)
    if role:  # keep "หน่วยงานหลัก:" so that it marks the role
        row[2] = f"{row[2]}\n{line.strip()}".strip()
    elif agencies:
        row[2] = f"{row[2]}\n{agencies.group(1).strip()}".strip()
    elif due:
        row[3] = due.group(1).strip()
    elif row[2]:
        row[2] = f"{row[2]} {line.strip()}"  # a wrapped agencies line
    else:
        row[1] = f"{row[1]} {line.strip()}"  # a wrapped paragraph


def paragraph_rows(lines: list[str]) -> tuple[int, list[list[str]]] | None:
    """(index of the first directive line, rows) for the numbered run that names agencies."""
    for start, rows in _runs(lines):
        if any(row[2] for row in rows):
            return start, rows
    return None
