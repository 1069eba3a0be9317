"""User errors raised by storage and the app (``error.*``): ``BoardError(key, **params)``.

Said once, on one line, by the CLI (``board: …``) or the TUI (a notification). What was typed
is quoted as typed; ``{codes}`` lists the status codes, which are typed in English.
"""

TEXTS = {
    "error.unknown_status": (
        "ไม่รู้จักสถานะ '{text}': ใช้ {codes} หรือชื่อคอลัมน์ (ยังไม่ทำ, กำลังทำ, ติดปัญหา, เสร็จ)",
        "unknown status '{text}'; use one of: {codes} or a column title (ยังไม่ทำ, กำลังทำ, ติดปัญหา, เสร็จ)",
    ),
    "error.no_agency_match": (
        "ไม่มีหน่วยงานที่ตรงกับ '{text}': ดูชื่อหน่วยงานได้จาก board summary",
        "no agency matches '{text}'; see `board summary` for the names",
    ),
    "error.many_agencies": (
        "'{text}' ตรงกับ {n} หน่วยงาน ({names}): ระบุให้ชัดกว่านี้",
        "'{text}' matches {n} agencies ({names}); name one",
    ),
    "error.no_letter_match": ("ไม่มีหนังสือที่ตรงกับ '{text}'", "no letter matches '{text}'"),
    "error.no_letter_match_some": (
        "ไม่มีหนังสือที่ตรงกับ '{text}': บนกระดานมี {numbers}",
        "no letter matches '{text}'; the board has {numbers}",
    ),
    "error.bad_day": (
        "อ่านวันที่ '{text}' ไม่ได้: ใช้ 2025-09-30, 30/9/2568, 30 ก.ย. 68 หรือ 7d",
        "cannot read the date '{text}'; use 2025-09-30, 30/9/2568, 30 ก.ย. 68 or 7d",
    ),
    "error.empty_note": ("บันทึกต้องมีข้อความ", "a note needs some text"),
    "error.no_card": ("ไม่มีการ์ด '{card}' บนกระดานนี้", "no card '{card}' on this board"),
    "error.ambiguous_card": (
        "'{card}' ตรงกับการ์ด {n} ใบ ({some}): พิมพ์รหัสให้ยาวขึ้น",
        "'{card}' matches {n} cards ({some}); type more of the id",
    ),
    "error.no_agency": ("ไม่มีหน่วยงาน '{agency}' บนกระดานนี้", "no agency '{agency}' on this board"),
    "error.lock_busy": (
        "การเปิดกระดานอีกรายการถือ {lock} ไว้นานเกินไป: ลองใหม่อีกครั้ง",
        "another board session holds {lock} for too long; try again",
    ),
    "error.no_board": (
        "{path}: ไม่มีไฟล์กระดานที่นี่ (เริ่มกระดานด้วย `board import หนังสือ`)",
        "{path}: no board file here (start one with `board import LETTER`)",
    ),
    "error.board_exists": ("{path}: มีกระดานอยู่ที่นี่แล้ว ไม่เขียนทับ", "{path}: a board already exists here; not replacing it"),
    "error.closed": ("{path}: ปิดกระดานไปแล้ว", "{path}: the board is closed"),
    "error.read_only": (
        "{path}: เปิดแบบอ่านอย่างเดียว ไม่ได้เปลี่ยนอะไร",
        "{path}: opened read-only; nothing was changed",
    ),
    "error.config_unreadable": ("{path}: อ่านไฟล์ตั้งค่าไม่ได้ ({error})", "{path}: cannot read the config file ({error})"),
    "error.config_digits": (
        "{path}: [display] digits ต้องเป็น \"thai\" หรือ \"ascii\" ไม่ใช่ '{value}'",
        "{path}: [display] digits must be \"thai\" or \"ascii\", not '{value}'",
    ),
    "error.config_keys": (
        "{path}: [keys] ต้องจับคู่รหัสปุ่มลัดกับปุ่ม เช่น \"card.note\" = \"m\"",
        "{path}: [keys] must map binding ids to key strings, e.g. \"card.note\" = \"m\"",
    ),
    "error.binary_export": (
        "export --format {format} เขียนไฟล์ไบนารี: เพิ่ม --out FILE.{format}",
        "export --format {format} writes a binary file; add --out FILE.{format}",
    ),
    "error.alias_form": ("--alias '{pair}': เขียนเป็น ชื่อที่เขียน=หน่วยงาน", "--alias '{pair}': write it as SPELLING=AGENCY"),
    "error.alias_no_agency": (
        "--alias '{pair}': ไม่มีหน่วยงาน '{agency}' บนกระดานนี้",
        "--alias '{pair}': no agency '{agency}' on this board",
    ),
}
