"""Texts of the meeting features (summary, log, review, exports, reports, serve).

Written in the catalog's shape (``TEXTS = {"key": ("ไทย", "English")}``, ``say(lang, key,
**params)``, numbers in Thai digits for ``th`` only) so that it moves into
``storage/i18n/meeting.py`` unchanged once the catalog is on main.
"""

from __future__ import annotations

import string

from storage.thai.digits import to_thai_digits

TEXTS = {
    # board summary
    "meeting.agency": ("หน่วยงาน", "Agency"),
    "meeting.total": ("รวม", "Total"),
    "meeting.done_pct": ("เสร็จ%", "Done%"),
    "meeting.overdue": ("เลยกำหนด", "Overdue"),
    "meeting.due_soon": ("ใกล้กำหนด", "Due soon"),
    "meeting.all_agencies": ("ทุกหน่วยงาน", "All agencies"),
    "meeting.no_cards": ("ไม่มีการ์ดที่ตรงกับเงื่อนไข", "no cards match"),
    # board log
    "meeting.item": ("ข้อ {seq}", "#{seq}"),
    "meeting.log.status": ("ย้าย {old} → {new}", "moved {old} → {new}"),
    "meeting.log.note": ("บันทึก: {text}", "note: {text}"),
    "meeting.log.import": ("นำเข้าหนังสือ {letter} ({source})", "imported letter {letter} ({source})"),
    "meeting.log.deleted": ("ลบ {what}", "deleted {what}"),
    "meeting.log.edit": ("แก้ {field}: {old} → {new}", "changed {field}: {old} → {new}"),
    "meeting.log.empty": ("ไม่มีความเคลื่อนไหวที่ตรงกับเงื่อนไข", "no activity matches"),
    "meeting.log.gone": ("(ไม่อยู่บนกระดานแล้ว)", "(no longer on the board)"),
    "meeting.bad_date": ("อ่านวันที่ {text!r} ไม่ได้: ใช้ 2025-09-30, 30/9/2568 หรือ 30 ก.ย. 68",
                         "cannot read the date {text!r}: use 2025-09-30, 30/9/2568 or 30 ก.ย. 68"),
}


def is_thai(lang: str) -> bool:
    return not lang.startswith("en")


class _Formatter(string.Formatter):
    def format_field(self, value: object, format_spec: str) -> str:
        text = super().format_field(value, format_spec)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return to_thai_digits(text)
        return text


_THAI = _Formatter()


def say(lang: str, key: str, **params: object) -> str:
    """The text ``key`` in ``lang`` (th, th-ascii or en) with ``params`` filled in."""
    thai, english = TEXTS[key]
    text = thai if is_thai(lang) else english
    return _THAI.vformat(text, (), params) if lang == "th" else text.format_map(params)
