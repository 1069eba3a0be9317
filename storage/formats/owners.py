"""Who is responsible, said at the end of an item's own text:

    ๑. เร่งรัดการเบิกจ่ายงบประมาณ … (ผู้รับผิดชอบ : ทุกส่วนราชการ)
    ให้เร่งรัดการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง (สถ.จ./อปท.ทุกแห่ง)

A closing parenthesis labelled ``ผู้รับผิดชอบ`` names agencies whatever it holds; an unlabelled
one only when every name in it is an agency's (``(ภายในเดือนนี้)`` is no one).
"""

from __future__ import annotations

import re

from storage.formats.matrix import agency_header

_LABELLED_RE = re.compile(
    r"\s*\(\s*(?:ผู้รับผิดชอบ|หน่วยงาน\s?(?:ที่)?\s?รับผิดชอบ|รับผิดชอบ(?:โดย)?)\s*[:：]?\s*([^()]+?)\s*\)\s*$")
_PLAIN_RE = re.compile(r"\s*\(\s*([^()]+?)\s*\)\s*$")
_PARTS_RE = re.compile(r"\s*(?:[,/，、]|\sและ\s?)\s*")


def owners_at_end(text: str, labelled_only: bool = False) -> tuple[str, str]:
    """(the text without it, the agencies named) when ``text`` closes with who is responsible,
    else (``text``, "")."""
    found = _LABELLED_RE.search(text)
    if found is None and not labelled_only:
        plain = _PLAIN_RE.search(text)
        parts = _PARTS_RE.split(plain.group(1)) if plain else []
        found = plain if parts and all(agency_header(part) for part in parts) else None
    if found is None:
        return text, ""
    return text[:found.start()].rstrip(), found.group(1)
