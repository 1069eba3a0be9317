"""Texts of creating, correcting and retiring by hand (issue 7): forms, the picker, the
retire confirmation, undo refusals and the editing commands of the CLI.

Every key starts with ``edits.``; placeholders are the same in both languages.
"""

TEXTS = {
    # -- typed dates (storage.thai.dates.parse_typed_date) --------------------------------
    "edits.date_empty": ("ยังไม่ได้พิมพ์วันที่", "no date typed"),
    "edits.date_unreadable": (
        "อ่านวันที่ไม่ออก: “{text}” — พิมพ์เช่น 30/9/2568, 30 ก.ย. 68 หรือ 2025-09-30",
        "cannot read the date “{text}” — type e.g. 30/9/2568, 30 ก.ย. 68 or 2025-09-30",
    ),
    "edits.date_bad_month": ("ไม่มีเดือนที่ {month}: เดือนมีแค่ 1–12", "there is no month {month}: months are 1–12"),
    "edits.date_year_range": (
        "ปี {year} ไม่น่าจะใช่: พิมพ์ปี พ.ศ. (2568) หรือ ค.ศ. (2025)",
        "the year {year} looks wrong: type a B.E. (2568) or C.E. (2025) year",
    ),
    "edits.date_no_such_day": (
        "ไม่มีวันที่ {day} ในเดือน{when}: เดือนนี้มี {days} วัน",
        "there is no day {day} in {when}: that month has {days} days",
    ),
    "edits.date_needs_year": ("ใส่ปีด้วย เช่น 30 ก.ย. 68", "add the year, e.g. 30 Sep 2025"),
    # -- form fields ------------------------------------------------------------------------
    "edits.date_required": ("ต้องมีวันที่", "a date is needed"),
    "edits.subject_required": ("ต้องมีเรื่อง", "a subject is needed"),
    "edits.text_required": ("ต้องมีข้อความของข้อสั่งการ", "the item needs its text"),
    "edits.name_required": ("ต้องมีชื่อ", "a name is needed"),
    "edits.too_long": ("ยาวเกินไป (ไม่เกิน {limit} ตัวอักษร)", "too long (at most {limit} characters)"),
    "edits.letter_exists": (
        "มีหนังสือเลขที่ {number} ในกระดานแล้ว: เพิ่มข้อใต้หนังสือนั้นแทน",
        "letter {number} is already on the board: add items under it instead",
    ),
    "edits.agency_required": (
        "ต้องมีหน่วยงานอย่างน้อยหนึ่งหน่วย (ไม่มีการ์ดก็ไม่เห็นข้อนี้บนกระดาน)",
        "add at least one agency (without a card the item cannot be seen on the board)",
    ),
    "edits.bad_role": ("บทบาทต้องเป็น lead หรือ support", "a role is lead or support"),
    # -- references typed in the CLI -----------------------------------------------------------
    "edits.no_letter": ("ไม่พบหนังสือ “{text}” ในกระดาน (ใช้เลขที่หนังสือหรือรหัส)",
                        "no letter “{text}” on this board (give its number or id)"),
    "edits.no_item": ("ไม่พบข้อ “{text}” ในกระดาน (ใช้ เลขที่หนังสือ:ข้อ หรือรหัส)",
                      "no item “{text}” on this board (give LETTER_NUMBER:SEQ or an id)"),
    "edits.no_agency": ("ไม่พบหน่วยงาน “{text}” ในกระดาน", "no agency “{text}” on this board"),
    "edits.no_card": ("ไม่พบการ์ด “{text}” ในกระดาน", "no card “{text}” on this board"),
    "edits.no_note": ("ไม่พบบันทึก “{text}” ในการ์ดนี้", "no note “{text}” on this card"),
    "edits.ambiguous_letter": ("“{text}” ตรงกับ {n} หนังสือ ({some}): พิมพ์ให้ยาวขึ้น",
                               "“{text}” matches {n} letters ({some}): type more of it"),
    "edits.ambiguous_item": ("“{text}” ตรงกับ {n} ข้อ ({some}): พิมพ์ให้ยาวขึ้น",
                             "“{text}” matches {n} items ({some}): type more of it"),
    "edits.ambiguous_agency": ("“{text}” ตรงกับ {n} หน่วยงาน ({some}): พิมพ์ให้ยาวขึ้น",
                               "“{text}” matches {n} agencies ({some}): type more of it"),
    "edits.ambiguous_card": ("“{text}” ตรงกับ {n} การ์ด ({some}): พิมพ์ให้ยาวขึ้น",
                             "“{text}” matches {n} cards ({some}): type more of it"),
    "edits.ambiguous_note": ("“{text}” ตรงกับ {n} บันทึก ({some}): พิมพ์ให้ยาวขึ้น",
                             "“{text}” matches {n} notes ({some}): type more of it"),
}
