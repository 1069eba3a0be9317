"""Texts of the board's safety nets (issue 8): crashes, read-only refusals, vanished cards,
keys that arrive together, notes and the open-letter dialog."""

TEXTS = {
    "safety.card_gone": (
        "การ์ดนี้ถูกลบจากกระดานโดยผู้อื่นแล้ว: ไม่ได้เปลี่ยนแปลงอะไร",
        "Another officer removed this card from the board: nothing was changed",
    ),
    "safety.crashed": (
        "เกิดข้อผิดพลาดภายในโปรแกรม ({kind}) จึงปิดกระดาน ข้อมูลที่บันทึกแล้วไม่เสียหาย"
        " รายละเอียดสำหรับผู้ดูแลอยู่ที่ {path}",
        "internal error ({kind}); the board was closed, everything saved is intact;"
        " details for whoever looks after the board are in {path}",
    ),
    "safety.crashed_no_log": (
        "เกิดข้อผิดพลาดภายในโปรแกรม ({kind}) จึงปิดกระดาน ข้อมูลที่บันทึกแล้วไม่เสียหาย"
        " (เขียนไฟล์บันทึกข้อผิดพลาดไม่ได้)",
        "internal error ({kind}); the board was closed, everything saved is intact"
        " (no log file could be written)",
    ),
    "safety.read_only_command": (
        "เปิดแบบอ่านอย่างเดียว (--read-only): คำสั่ง {command} เปลี่ยนกระดาน จึงไม่ได้ทำอะไร",
        "opened read-only (--read-only): '{command}' would change the board, so nothing was done",
    ),
    "safety.agency_filter_hint": ("กด {keys} เพื่อกรองหน่วยงาน", "{keys}: filter agencies"),
    "safety.others_added": ("เพิ่ม {what}", "added {what}"),
    "safety.note_lines": ("ctrl+j ขึ้นบรรทัดใหม่ (ข้อความที่วางเก็บครบทุกบรรทัด)",
                          "ctrl+j new line (a paste keeps every line)"),
}
