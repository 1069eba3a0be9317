"""User-interface strings in Thai (default) and English.

Widgets cannot import ``tui``, so the table lives here and both floors use it.
Status and role labels come from ``storage.models`` so the CLI and the board agree.
"""

from __future__ import annotations

from storage.models import ROLE_LABELS, STATUS_LABELS

_STRINGS: dict[str, dict[str, str]] = {
    "th": {
        "title": "กระดานติดตามข้อสั่งการ",
        "all": "ทั้งหมด",
        "agencies": "หน่วยงาน",
        "filter_agencies": "พิมพ์เพื่อกรองหน่วยงาน",
        "item": "ข้อ",
        "empty": "—",
        "no_cards": "ไม่มีการ์ด",
        "read_only": "อ่านอย่างเดียว",
        "read_only_refused": "เปิดแบบอ่านอย่างเดียว (--read-only): แก้ไขไม่ได้",
        "too_small": "หน้าจอเล็กเกินไป: ต้องการอย่างน้อย 80×24 (ตอนนี้ {w}×{h})",
        "search": "ค้นหา",
        "search_prompt": "ค้นหา (Enter ยืนยัน, Esc ล้าง)",
        "filter": "กรอง",
        "overdue": "เลยกำหนด",
        "due_soon": "ใกล้กำหนด",
        "due": "กำหนดเสร็จ",
        "no_due": "ไม่มีกำหนด",
        "letter": "หนังสือ",
        "dated": "ลงวันที่",
        "role": "บทบาท",
        "status": "สถานะ",
        "others": "หน่วยงานอื่นในข้อเดียวกัน",
        "notes": "บันทึกความคืบหน้า",
        "history": "ประวัติ",
        "none": "ไม่มี",
        "note_title": "เพิ่มบันทึกความคืบหน้า",
        "note_hint": "Enter บันทึก · Esc ยกเลิก",
        "saved_note": "บันทึกแล้ว",
        "moved": "ย้าย{item} → {status}",
        "changed_by": "{who} {what}",
        "nothing_to_undo": "ไม่มีอะไรให้ย้อนกลับ",
        "undone": "ย้อนกลับแล้ว",
        "recurrence": "ความถี่",
        "lead_mark": "★ หน่วยงานหลัก",
        "close": "ปิด",
        "sync_done": "ซิงก์แล้ว",
        "imported": "นำเข้าแล้ว {n} รายการ",
        "import_unavailable": "ยังนำเข้าหนังสือไม่ได้ในรุ่นนี้",
        "no_card": "ยังไม่ได้เลือกการ์ด",
        "showing": "แสดง",
        "noted": "บันทึก",
        "reordered": "เรียงลำดับ",
        "added": "เพิ่มรายการ",
        "changed": "แก้ไข",
    },
    "en": {
        "title": "Directive Board",
        "all": "All agencies",
        "agencies": "Agencies",
        "filter_agencies": "type to filter agencies",
        "item": "Item",
        "empty": "—",
        "no_cards": "no cards",
        "read_only": "READ-ONLY",
        "read_only_refused": "Opened read-only (--read-only): editing is disabled",
        "too_small": "Terminal too small: need at least 80×24 (now {w}×{h})",
        "search": "Search",
        "search_prompt": "Search (Enter keeps, Esc clears)",
        "filter": "Filter",
        "overdue": "overdue",
        "due_soon": "due soon",
        "due": "Due",
        "no_due": "no due date",
        "letter": "Letter",
        "dated": "dated",
        "role": "Role",
        "status": "Status",
        "others": "Other agencies on this item",
        "notes": "Progress notes",
        "history": "History",
        "none": "none",
        "note_title": "Add a progress note",
        "note_hint": "Enter saves · Esc cancels",
        "saved_note": "Note saved",
        "moved": "moved {item} → {status}",
        "changed_by": "{who} {what}",
        "nothing_to_undo": "Nothing to undo",
        "undone": "Undone",
        "recurrence": "Recurrence",
        "lead_mark": "★ lead agency",
        "close": "Close",
        "sync_done": "Synced",
        "imported": "Imported {n} records",
        "import_unavailable": "Importing letters is not available in this build",
        "no_card": "No card selected",
        "showing": "showing",
        "noted": "noted",
        "reordered": "reordered",
        "added": "added records",
        "changed": "changed",
    },
}


THAI_ASCII_DIGITS = "th-ascii"
"""The Thai interface with ASCII digits (``30 ก.ย. 65``, ``ข้อ 6``): config ``[display] digits = "ascii"``."""


def is_thai(lang: str) -> bool:
    return lang.startswith("th")


def t(lang: str, key: str, **values: object) -> str:
    """The UI string ``key`` in ``lang`` (falls back to Thai), formatted with ``values``."""
    table = _STRINGS.get(lang, _STRINGS["th"])
    text = table.get(key) or _STRINGS["th"][key]
    return text.format(**values) if values else text


def status_label(lang: str, status: str) -> str:
    return STATUS_LABELS.get(lang, STATUS_LABELS["th"])[status]  # type: ignore[index]


def role_label(lang: str, role: str) -> str:
    return ROLE_LABELS.get(lang, ROLE_LABELS["th"])[role]  # type: ignore[index]


def digits(lang: str, value: object) -> str:
    """Numbers in Thai digits for the Thai UI, ASCII for English."""
    text = str(value)
    if lang != "th":
        return text
    return text.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
