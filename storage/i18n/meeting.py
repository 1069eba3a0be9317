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
    "meeting.log.note_retracted": ("บันทึก (ถอนแล้ว)", "note (retracted)"),
    "meeting.log.import": ("นำเข้าหนังสือ {letter} ({source})", "imported letter {letter} ({source})"),
    "meeting.log.deleted": ("ลบ {what}", "deleted {what}"),
    "meeting.log.edit": ("แก้ {field}: {old} → {new}", "changed {field}: {old} → {new}"),
    "meeting.log.restored": ("นำ{what}กลับมา", "restored the {what}"),
    # edits by hand that are more than a field's new value (storage/activity_words._hand_edit)
    "meeting.log.assigned": ("มอบหมายเป็น{role}", "assigned as {role}"),
    "meeting.log.created": ("เพิ่ม{what} {name}", "added {what} {name}"),
    "meeting.log.retracted": ("ถอนบันทึกของตัวเอง (ยังอยู่ในประวัติ)", "retracted a note of theirs (kept in the history)"),
    "meeting.log.alias": ("เพิ่มชื่อเรียกอื่น: {alias}", "added another name: {alias}"),
    "meeting.log.merged_into": ("รวมเข้ากับ {agency}", "merged into {agency}"),
    "meeting.log.merged_into_undone": ("แยกออกจาก {agency}", "no longer merged into {agency}"),
    "meeting.log.merged": ("รวม {agency} เข้ามา", "merged {agency} into this one"),
    "meeting.log.merged_undone": ("แยก {agency} ออกไป", "{agency} split off again"),
    "meeting.log.empty": ("ไม่มีความเคลื่อนไหวที่ตรงกับเงื่อนไข", "no activity matches"),
    "meeting.log.gone": ("(ไม่อยู่บนกระดานแล้ว)", "(no longer on the board)"),
    # the review screen
    "meeting.review.title": ("ทบทวนความคืบหน้า", "Progress review"),
    "meeting.review.summary": ("ภาพรวมทุกหน่วยงาน · เรียงตาม{by}", "All agencies · sorted by {by}"),
    "meeting.review.sort.overdue": ("เลยกำหนดมากสุด", "most overdue"),
    "meeting.review.sort.done": ("ร้อยละที่เสร็จ (น้อยก่อน)", "done % (least first)"),
    "meeting.review.sort.name": ("ชื่อหน่วยงาน", "agency name"),
    "meeting.review.page": ("หน้า {n}/{of}", "page {n} of {of}"),
    "meeting.review.as_of": ("ข้อมูล ณ {day}", "as of {day}"),
    "meeting.review.progress": ("ความคืบหน้า {done}/{total} ({pct}%)", "Progress {done}/{total} ({pct}%)"),
    "meeting.review.late": ("เลยกำหนด / ใกล้กำหนด", "Overdue / due soon"),
    "meeting.review.days_late": ("เลย {days} วัน", "{days} days late"),
    "meeting.review.days_left": ("อีก {days} วัน", "{days} days left"),
    "meeting.review.due_today": ("ครบกำหนดวันนี้", "due today"),
    "meeting.review.blocked": ("ติดปัญหา", "Blocked"),
    "meeting.review.no_note": ("(ยังไม่มีบันทึก)", "(no note yet)"),
    "meeting.review.changes": ("ความเคลื่อนไหวตั้งแต่ {day}", "Changes since {day}"),
    "meeting.review.letters": ("ความคืบหน้าตามหนังสือ", "Progress per letter"),
    "meeting.review.none": ("ไม่มี", "none"),
    "meeting.review.no_letter": ("(ไม่ทราบหนังสือ)", "(unknown letter)"),
    "meeting.review.jump_title": ("ไปที่หน่วยงาน (พิมพ์เพื่อกรอง)", "Go to an agency (type to filter)"),
    "meeting.review.since_prompt": ("แสดงความเคลื่อนไหวตั้งแต่ (เช่น 1 ต.ค. 65, 2022-10-01, 30d)",
                                    "Show changes since (e.g. 2022-10-01, 1 ต.ค. 65, 30d)"),
    "meeting.review.bad_since": ("อ่านวันที่ไม่ได้: {text}", "Cannot read the date: {text}"),
    # keys of the review and log screens
    "meeting.key.open": ("เปิด", "Open"),
    # the activity log screen
    "meeting.log.title": ("บันทึกกิจกรรม · {scope}", "Activity log · {scope}"),
    "meeting.log.whole_board": ("ทั้งกระดาน", "whole board"),
    "meeting.log.count": ("{n} รายการ (ใหม่สุดอยู่ล่าง)", "{n} entries (newest last)"),
    "meeting.letter_tag": ("หนังสือ {tag}", "letter {tag}"),
    # board serve
    "meeting.serve.title": ("กระดานติดตามข้อสั่งการ — {name}", "Directive Board — {name}"),
    "meeting.serve.no_edits": (
        "ไม่เปิด --allow-edits หากไม่มี --users ไฟล์: ทุกเบราว์เซอร์จะบันทึกในนามผู้ใช้ของเครื่องแม่ข่าย ({user}) "
        "— ให้แต่ละคนเข้าระบบด้วยชื่อของตน (board serve-user ไฟล์ ชื่อเข้าระบบ --name ชื่อเจ้าหน้าที่)",
        "--allow-edits is refused without --users FILE: every browser would write as the server's user "
        "({user}); give each officer a sign-in (board serve-user FILE LOGIN --name NAME)",
    ),
    "meeting.serve.no_board": ("ไม่พบกระดาน {path}", "no board at {path}"),
    "meeting.serve.bad_port": ("หมายเลขพอร์ตไม่ถูกต้อง: {port}", "not a port number: {port}"),
    "meeting.serve.wide": (
        "คำเตือน: เปิดให้เข้าดูที่ {host}:{port} — ใครก็ตามที่เข้าถึงเครื่องนี้ได้จะเห็นกระดาน (อ่านอย่างเดียว ไม่มีรหัสผ่าน)",
        "warning: serving on {host}:{port}: anyone who can reach this machine can see the board "
        "(read-only, no login)",
    ),
    # field names in the log (edits by hand; any other field is shown as stored)
    "meeting.field.text": ("ข้อความ", "text"),
    "meeting.field.due": ("กำหนดเสร็จ", "due date"),
    "meeting.field.recurrence": ("ความถี่", "recurrence"),
    "meeting.field.role": ("บทบาท", "role"),
    "meeting.field.name": ("ชื่อ", "name"),
    "meeting.field.short": ("ชื่อย่อ", "short name"),
    "meeting.field.subject": ("เรื่อง", "subject"),
    "meeting.field.number": ("เลขที่หนังสือ", "letter number"),
    "meeting.field.date": ("ลงวันที่", "date"),
    "meeting.field.agency_id": ("หน่วยงาน", "agency"),
    "meeting.field.rank": ("ลำดับ", "order"),
    "meeting.subject.card": ("การ์ด", "card"),
    "meeting.subject.item": ("ข้อ", "item"),
    "meeting.subject.directive": ("หนังสือ", "letter"),
    "meeting.subject.agency": ("หน่วยงาน", "agency"),
}
