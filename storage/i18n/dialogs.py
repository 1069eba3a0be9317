"""Words of the board's dialogs: open a letter (``open_letter.*``), edit an agency's name
(``agency_name.*``) and the import review (``import_review.*``)."""

TEXTS = {
    "open_letter.title": ("เปิดหนังสือเพื่อนำเข้า", "Open a letter to import"),
    "open_letter.hint": (
        "พิมพ์ที่อยู่ไฟล์แล้วกด Enter หรือเลือกจากรายการ · Esc ยกเลิก",
        "Type a file path and press Enter, or pick one below · Esc cancels",
    ),
    "open_letter.missing": ("ไม่พบไฟล์: {path}", "No such file: {path}"),
    "open_letter.kind": (
        "อ่านได้เฉพาะไฟล์ .pdf .txt .docx .csv .xlsx: {path}",
        "Only .pdf .txt .docx .csv .xlsx files can be read: {path}",
    ),
    "agency_name.title": ("แก้ชื่อหน่วยงาน", "Edit agency name"),
    "agency_name.hint": ("Enter ยืนยัน · Esc ยกเลิก", "Enter to confirm · Esc to cancel"),
    "import_review.title": ("ตรวจทานก่อนนำเข้า", "Review before import"),
    "import_review.letter": ("หนังสือที่ {number}  ลงวันที่ {date}", "Letter {number}  dated {date}"),
    "import_review.unnumbered": ("ไม่มีเลขที่หนังสือ (การประชุมหรือคำสั่งด้วยวาจา)  ลงวันที่ {date}",
                                 "No letter number (a meeting or a verbal order)  dated {date}"),
    "import_review.item": ("ข้อ {seq}  {text}", "Item {seq}  {text}"),
    "import_review.due": ("กำหนดเสร็จ {date}", "due {date}"),
    "import_review.every": ("ความถี่ {rhythm}", "every {rhythm}"),
    "import_review.known": ("มีในกระดาน", "on the board"),
    "import_review.new": ("ใหม่", "new"),
    "import_review.removed": ("ตัดออก", "removed"),
    "import_review.none": ("ไม่มีหน่วยงาน — กด a เพื่อเพิ่ม", "no agency — press a to add one"),
    "import_review.no_date": ("ไม่ทราบวันที่", "date unknown"),
    "import_review.summary": ("{items} ข้อ · {agencies} หน่วยงาน · จาก {source}", "{items} items · {agencies} agencies · from {source}"),
}
