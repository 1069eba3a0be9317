"""The meeting: board summary, board log, the review and log screens, exports, the agency
report and board serve (issue 10). Keys start with ``meeting.``."""

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
    "meeting.item": ("ข้อ {seq}", "Item {seq}"),
    "meeting.log.status": ("ย้าย {old} → {new}", "moved {old} → {new}"),
    "meeting.log.note": ("บันทึก: {text}", "note: {text}"),
    "meeting.log.import": ("นำเข้าหนังสือ {letter} ({source})", "imported letter {letter} ({source})"),
    "meeting.log.deleted": ("ลบ {what}", "deleted {what}"),
    "meeting.log.edit": ("แก้ {field}: {old} → {new}", "changed {field}: {old} → {new}"),
    "meeting.log.empty": ("ไม่มีความเคลื่อนไหวที่ตรงกับเงื่อนไข", "no activity matches"),
    "meeting.log.gone": ("(ไม่อยู่บนกระดานแล้ว)", "(no longer on the board)"),
}
