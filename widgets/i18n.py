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
        "empty_column": " — ว่าง — ",
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
        "bad_files": "⚠ {n} ไฟล์อ่านไม่ได้",
        "bad_file": "อ่านไฟล์ไม่ได้ (ข้ามไว้ ไม่เขียนทับ): {text}",
        "strays": "⧉ {n} สำเนาขัดแย้ง",
        "waiting_files": "⏳ {n} ไฟล์ที่รอ",
        "stray_found": "พบสำเนาขัดแย้ง {name} ({what}) — กด ctrl+p ‘ซิงก์ตอนนี้’ หรือใช้ board sync เพื่อรวม",
        "imported": "นำเข้า {what}",
        "n_letters": "{n} หนังสือ",
        "n_items": "{n} ข้อ",
        "n_cards": "{n} การ์ด",
        "nothing_new": "ไม่มีอะไรใหม่: หนังสือนี้นำเข้าไว้แล้ว",
        "note_for": "ข้อ {item} · {agency}",
        "no_card": "ยังไม่ได้เลือกการ์ด",
        "showing": "แสดง",
        "noted": "บันทึก",
        "reordered": "เรียงลำดับ",
        "added": "เพิ่มรายการ",
        "changed": "แก้ไข",
        "cancel": "ยกเลิก",
        "palette_prompt": "ค้นหาคำสั่งหรือการ์ด…",
        "close_tip": "กลับไปที่กระดาน",
        "note_cancel_tip": "ปิดโดยไม่บันทึก",
        "browse": "เลือกไฟล์",
        "browse_tip": "ไปที่รายการไฟล์หนังสือในโฟลเดอร์ของกระดาน",
        "open_cancel_tip": "ปิดโดยไม่นำเข้า",
        "rename_cancel_tip": "ปิดโดยไม่เปลี่ยนชื่อ",
        "to_board": "กระดาน",
        "to_board_tip": "กลับไปที่กระดานพร้อมหน่วยงานที่เลือก",
        "prev_column": "คอลัมน์ก่อนหน้า",
        "next_column": "คอลัมน์ถัดไป",
        "prev_card": "การ์ดก่อนหน้า",
        "next_card": "การ์ดถัดไป",
        "page_up": "เลื่อนขึ้นหนึ่งหน้า",
        "page_down": "เลื่อนลงหนึ่งหน้า",
        "page_up_tip": "การ์ดก่อนหน้านี้หนึ่งหน้าจอ",
        "page_down_tip": "การ์ดถัดไปหนึ่งหน้าจอ",
        "first_card": "การ์ดแรก",
        "last_card": "การ์ดสุดท้าย",
        "first_card_tip": "การ์ดแรกของคอลัมน์",
        "last_card_tip": "การ์ดสุดท้ายของคอลัมน์",
    },
    "en": {
        "title": "Directive Board",
        "all": "All agencies",
        "agencies": "Agencies",
        "filter_agencies": "type to filter agencies",
        "item": "Item",
        "empty": "—",
        "no_cards": "no cards",
        "empty_column": " — empty — ",
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
        "bad_files": "⚠ {n} unreadable file(s)",
        "bad_file": "Cannot read a board file (skipped, never overwritten): {text}",
        "strays": "⧉ {n} conflict copy(ies)",
        "waiting_files": "⏳ {n} awaited file(s)",
        "stray_found": "Found a conflict copy {name} ({what}) — press ctrl+p ‘Sync now’ or run board sync to fold it in",
        "imported": "Imported {what}",
        "n_letters": "{n} letter(s)",
        "n_items": "{n} item(s)",
        "n_cards": "{n} card(s)",
        "nothing_new": "Nothing new: this letter was already imported",
        "note_for": "Item {item} · {agency}",
        "no_card": "No card selected",
        "showing": "showing",
        "noted": "noted",
        "reordered": "reordered",
        "added": "added records",
        "changed": "changed",
        "cancel": "Cancel",
        "palette_prompt": "Search for commands or cards…",
        "close_tip": "Back to the board",
        "note_cancel_tip": "Close without saving",
        "browse": "Browse",
        "browse_tip": "Move to the list of letter files in the board's folder",
        "open_cancel_tip": "Close without importing",
        "rename_cancel_tip": "Close without changing the name",
        "to_board": "Board",
        "to_board_tip": "Back to the board with the chosen agency",
        "prev_column": "Previous column",
        "next_column": "Next column",
        "prev_card": "Previous card",
        "next_card": "Next card",
        "page_up": "Page up",
        "page_down": "Page down",
        "page_up_tip": "A screenful of cards up",
        "page_down_tip": "A screenful of cards down",
        "first_card": "First card",
        "last_card": "Last card",
        "first_card_tip": "First card of the column",
        "last_card_tip": "Last card of the column",
    },
}


_HELP: dict[str, dict[str, str]] = {
    "th": {
        "board": """
## กระดานติดตามข้อสั่งการ
**← → ↑ ↓ / h j k l** เลื่อน · **< >** หรือ **shift+←/→** เปลี่ยนสถานะ · **1–4** ตั้งสถานะ ·
**K J** หรือ **shift+↑/↓** เรียงลำดับ · **Enter** เปิดการ์ด · **n** บันทึก · **/** ค้นหา · **f** กรองสถานะ ·
**o** เลยกำหนด · **c** โหมดกระชับ · **u** ย้อน · **a** หน่วยงาน · **i** นำเข้า · **q** ออก
ใช้ได้ทั้งแป้นอังกฤษและแป้นไทย (เกษมณี)
""",
        "grid": """
## กระดาน
ลูกศร หรือ **h j k l** เลื่อนระหว่างการ์ดและคอลัมน์ · **Enter** เปิดการ์ด
ใช้ได้ทั้งแป้นอังกฤษและแป้นไทย (เกษมณี)
""",
        "agencies": """
## หน่วยงาน
พิมพ์เพื่อกรองรายชื่อ · **↑ ↓** เลือกหน่วยงาน (กระดานเปลี่ยนตาม) ·
**Enter** หรือ **Tab** กลับไปที่กระดาน
""",
        "search": """
## ค้นหา
พิมพ์คำค้น (ไม่ต้องกังวลเรื่องลำดับสระ/วรรณยุกต์ ำ/ํา หรือเลขไทย) · **Enter** ยืนยัน · **Esc** ล้าง
เคอร์เซอร์เลื่อนทีละตัวอักษรตามที่เห็น (`ที่` คือหนึ่งก้าว)
""",
        "detail": "## การ์ด\nข้อสั่งการฉบับเต็มและความคืบหน้า · **Esc** ปิด",
        "note": "## บันทึกความคืบหน้า\nพิมพ์บันทึก · **Enter** บันทึก · **Esc** ยกเลิก",
        "open_letter": """\
## เปิดหนังสือ

พิมพ์ที่อยู่ไฟล์หนังสือ (`.txt` `.docx` `.csv` หรือ `.xlsx`; ที่อยู่แบบสัมพัทธ์เริ่มจากโฟลเดอร์ของกระดาน)
แล้วกด **Enter** หรือกด **ctrl+t** / **Tab** เพื่อเลือกจากโฟลเดอร์แล้วกด **Enter** ที่ไฟล์
ยังไม่บันทึกอะไร: ขั้นต่อไปคือหน้าตรวจทาน
""",
        "rename": """\
## แก้ชื่อหน่วยงาน

พิมพ์ชื่อหน่วยงานตามที่ควรแสดงบนกระดาน ถ้าตรงกับหน่วยงานที่กระดานรู้จักแล้ว
(ชื่อ ชื่อย่อ หรือชื่อเรียกอื่น) การ์ดจะผูกกับหน่วยงานนั้น
""",
    },
    "en": {
        "board": """
## Directive Board
**← → ↑ ↓ / h j k l** move · **< >** or **shift+←/→** change status · **1–4** set status ·
**K J** or **shift+↑/↓** reorder · **Enter** open · **n** note · **/** search · **f** status filter ·
**o** overdue · **c** compact · **u** undo · **a** agencies · **i** import · **q** quit.
The same keys work with the Thai (Kedmanee) layout.
""",
        "grid": """
## Board
Arrows or **h j k l** move between cards and columns; **Enter** opens a card.
The same keys work with the Thai (Kedmanee) layout.
""",
        "agencies": """
## Agencies
Type to filter the list; **↑ ↓** choose an agency (the board follows);
**Enter** or **Tab** goes to the board.
""",
        "search": """
## Search
Type to search (Thai spelling variants and Thai digits match) · **Enter** keeps · **Esc** clears.
The cursor moves by whole characters as you see them (`ที่` is one step).
""",
        "detail": "## Card\nThe whole directive and its progress. **Esc** closes.",
        "note": "## Progress note\nType the note · **Enter** saves · **Esc** cancels.",
        "open_letter": """\
## Open a letter

Type the path of a letter (`.txt`, `.docx`, `.csv` or `.xlsx`; relative paths start at the
board's folder) and press **Enter**, or press **ctrl+t** / **Tab** to browse the folder and
press **Enter** on a file. The letter is not saved yet: a review screen comes next.
""",
        "rename": """\
## Edit agency name

Type the agency's name as it should appear on the board. If it matches an agency
the board already knows (by name, short name or alias), the card is attached to it.
""",
    },
}


def help_text(lang: str, key: str) -> str:
    """Help-panel markdown ``key`` in ``lang``."""
    return _HELP["th" if is_thai(lang) else "en"][key]


_LOCALIZED: dict[tuple[type, str], type] = {}


def localized(cls: type, lang: str, **attrs: object) -> type:
    """``cls`` itself for Thai (classes carry their Thai words), else a cached subclass
    with ``attrs`` (BINDINGS, HELP) for ``lang``.

    Textual reads binding descriptions from the class, so each language gets its own
    subclass; type selectors in CSS and ``query(cls)`` still match it.
    """
    if is_thai(lang):
        return cls
    key = (cls, lang)
    if key not in _LOCALIZED:
        name = f"{cls.__name__}_{lang.replace('-', '_')}"
        _LOCALIZED[key] = type(name, (cls,), {"__module__": cls.__module__, **attrs})
    return _LOCALIZED[key]


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


SHORT_STATUS_LABELS = {
    "th": {"todo": "ยังไม่ทำ", "doing": "กำลังทำ", "blocked": "ติดปัญหา", "done": "เสร็จแล้ว"},
    "en": {"todo": "To do", "doing": "Doing", "blocked": "Blocked", "done": "Done"},
}
"""Column titles for narrow columns (80×24): whole words instead of 'ยังไม่ดำเนิน…'."""


def short_status_label(lang: str, status: str) -> str:
    return SHORT_STATUS_LABELS["th" if is_thai(lang) else "en"][status]


def role_label(lang: str, role: str) -> str:
    return ROLE_LABELS.get(lang, ROLE_LABELS["th"])[role]  # type: ignore[index]


def digits(lang: str, value: object) -> str:
    """Numbers in Thai digits for the Thai UI, ASCII for English."""
    text = str(value)
    if lang != "th":
        return text
    return text.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
