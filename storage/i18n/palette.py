"""The command palette (ctrl+p): the board's commands (``palette.*``) and Thai words for
Textual's own system commands (``palette.system.<title>``, their English as Textual says it)."""

TEXTS = {
    "palette.move_to": ("ย้ายการ์ดไป: {status}", "Move card to: {status}"),
    "palette.sync": ("ซิงก์ตอนนี้", "Sync now"),
    "palette.import": ("นำเข้าหนังสือ", "Import a letter"),
    "palette.compact": ("สลับโหมดกระชับ", "Toggle compact mode"),
    "palette.overdue": ("กรองเฉพาะที่เลยกำหนด", "Filter: overdue only"),
    # Said once per search and followed by each card's number: "ไปที่การ์ด: ข้อ ๖ · พช.ระยอง · …"
    "palette.go_to": ("ไปที่การ์ด: ข้อ", "Go to card: Item"),
    "palette.system.theme": ("ธีม", "Theme"),
    "palette.system.theme.help": ("เปลี่ยนชุดสีของโปรแกรม", "Change the current theme"),
    "palette.system.quit": ("ออก", "Quit"),
    "palette.system.quit.help": ("ออกจากโปรแกรมทันที", "Quit the application as soon as possible"),
    "palette.system.keys": ("ปุ่มลัด", "Keys"),
    "palette.system.keys.help": ("แสดง/ซ่อนแผงช่วยเหลือและปุ่มลัด", "Show or hide the keys and widget help panel"),
    "palette.system.maximize": ("ขยายเต็มจอ", "Maximize"),
    "palette.system.maximize.help": ("ขยายส่วนที่เลือกอยู่ให้เต็มจอ", "Maximize the focused widget"),
    "palette.system.minimize": ("ย่อกลับ", "Minimize"),
    "palette.system.minimize.help": ("ย่อกลับเป็นขนาดปกติ", "Minimize the widget and restore to normal size"),
    "palette.system.screenshot": ("ภาพหน้าจอ", "Screenshot"),
    "palette.system.screenshot.help": ("บันทึกภาพหน้าจอนี้เป็นไฟล์ SVG", "Save an SVG 'screenshot' of the current screen"),
}
