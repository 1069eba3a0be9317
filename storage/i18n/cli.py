"""The ``board`` command's own words (``cli.*``): warnings, confirmations, empty results.

Terminal output keeps ASCII digits in Thai too (``th-ascii``): it is pasted into other tools.
"""

TEXTS = {
    "cli.warning": ("คำเตือน: {text}", "warning: {text}"),
    "cli.unchanged": ("ไม่เปลี่ยน", "unchanged"),
    "cli.note_added": ("เพิ่มบันทึกความคืบหน้าแล้ว", "note added"),
    "cli.item": ("ข้อ {seq}", "#{seq}"),
    # board import (--dry-run shows the draft; without it, what was saved)
    "cli.import.letter": ("หนังสือ {number} ลงวันที่ {date}  [{source}]", "Letter {number} dated {date}  [{source}]"),
    "cli.import.no_number": ("(ไม่มีเลขที่)", "(no number)"),
    "cli.import.no_date": ("ไม่ทราบวันที่", "date unknown"),
    "cli.import.subject": ("เรื่อง {subject}", "Subject: {subject}"),
    "cli.import.issuer": ("จาก {issuer}", "From: {issuer}"),
    "cli.import.references": ("อ้างถึง/สิ่งที่ส่งมาด้วย {refs}", "References/enclosures: {refs}"),
    "cli.import.item": ("ข้อ {seq}. {text}", "Item {seq}. {text}"),
    "cli.import.due": ("กำหนด {date}", "due {date}"),
    "cli.import.subpoints": ("{n} ข้อย่อย", "{n} sub-point(s)"),
    "cli.import.dry_run": ("(ทดลองอ่านเท่านั้น ยังไม่ได้บันทึก)", "(dry run only: nothing was saved)"),
    "cli.import.read": ("{source}: {number} {n} ข้อ", "{source}: {number} {n} item(s)"),
    "cli.import.saved": ("บันทึกลง {board}: ใหม่ {added} รายการ ({cards} การ์ด)", "saved to {board}: {added} new record(s) ({cards} card(s))"),
    "cli.import.nothing_new": ("{board}: ไม่มีอะไรใหม่ (นำเข้าหนังสือนี้แล้ว)", "{board}: nothing new (this letter was imported already)"),
    "cli.import.alias_learnt": ("{agency}: จำชื่อเรียก {alias} แล้ว", "{agency}: now also known as {alias}"),
}
