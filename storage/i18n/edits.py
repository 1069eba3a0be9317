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
    "edits.name_taken": ("เป็นชื่อของ “{name}” อยู่แล้ว: ถ้าเป็นหน่วยงานเดียวกันให้รวมกัน",
                         "that is already “{name}”: if it is the same office, merge them"),
    # -- forms ----------------------------------------------------------------------------------
    "edits.save": ("บันทึก", "Save"),
    "edits.save_tip": ("ตรวจแล้วบันทึก (ถ้ามีช่องผิดจะบอกข้างช่องนั้น)", "Check and save (a wrong field says so beside it)"),
    "edits.cancel": ("ยกเลิก", "Cancel"),
    "edits.cancel_tip": ("ปิดโดยไม่บันทึกอะไร", "Close without saving anything"),
    "edits.form_hint": ("Tab ช่องถัดไป · ctrl+s บันทึก · Esc ยกเลิก", "Tab next field · ctrl+s save · Esc cancel"),
    "edits.none": ("ไม่มี", "none"),
    "edits.letter_title": ("หนังสือหรือการประชุมใหม่", "New letter or meeting"),
    "edits.letter_help": (
        "## หนังสือหรือการประชุมใหม่\nเลขที่หนังสือเว้นว่างได้ถ้าเป็นการประชุมหรือคำสั่งด้วยวาจา · "
        "วันที่พิมพ์ได้หลายแบบ เช่น 30/9/2568, 30 ก.ย. 68, 2025-09-30 · **ctrl+s** บันทึกแล้วเพิ่มข้อ · **Esc** ยกเลิก",
        "## New letter or meeting\nLeave the number empty for a meeting or a verbal order · "
        "type the date as you like: 30/9/2568, 30 ก.ย. 68, 2025-09-30 · **ctrl+s** saves, then add its items · "
        "**Esc** cancels",
    ),
    "edits.number": ("เลขที่หนังสือ", "Number"),
    "edits.number_ph": ("เช่น รย 0017.2/ว 3362", "e.g. รย 0017.2/ว 3362"),
    "edits.number_note": ("เว้นว่างถ้าเป็นการประชุมหรือคำสั่งด้วยวาจา", "empty for a meeting or a verbal order"),
    "edits.date": ("วันที่", "Date"),
    "edits.date_ph": ("เช่น 28/8/2567 หรือ 28 ส.ค. 67", "e.g. 28/8/2567 or 2024-08-28"),
    "edits.date_readback": ("= {date}", "= {date}"),
    "edits.subject": ("เรื่อง", "Subject"),
    "edits.subject_ph": ("เช่น ประชุมหัวหน้าส่วนราชการ", "e.g. ประชุมหัวหน้าส่วนราชการ"),
    "edits.issuer": ("จาก", "Issued by"),
    "edits.issuer_ph": ("เช่น ผู้ว่าราชการจังหวัด", "e.g. the governor"),
    "edits.item_help": (
        "## ข้อสั่งการ\nพิมพ์ข้อความได้หลายบรรทัด (Enter ขึ้นบรรทัดใหม่ วางข้อความได้ทุกบรรทัด) · "
        "Tab ไปช่องถัดไป · กำหนดเสร็จพิมพ์ได้หลายแบบ เว้นว่างหรือ ไม่มี คือไม่มีกำหนด · "
        "ในรายการหน่วยงาน: **a** เพิ่ม **r** สลับหลัก/สนับสนุน **d** เอาออก · **ctrl+s** บันทึก · **Esc** ยกเลิก",
        "## Item\nThe text may have several lines (Enter starts a line; a paste keeps every line) · "
        "Tab goes to the next field · type the due date as you like; empty or none means no due date · "
        "in the agency list: **a** add, **r** lead/support, **d** remove · **ctrl+s** saves · **Esc** cancels",
    ),
    "edits.item_new_title": ("ข้อใหม่ (ข้อ {seq}) · {origin}", "New item ({seq}) · {origin}"),
    "edits.item_edit_title": ("แก้ข้อ {seq} · {origin}", "Edit item {seq} · {origin}"),
    "edits.text": ("ข้อความ", "Text"),
    "edits.due": ("กำหนดเสร็จ", "Due"),
    "edits.due_ph": ("เว้นว่างถ้าไม่มีกำหนด", "empty: no due date"),
    "edits.due_note": ("เช่น 30/9/2568 หรือ 30 ก.ย. 68", "e.g. 30/9/2568 or 2025-09-30"),
    "edits.no_due": ("= ไม่มีกำหนด", "= no due date"),
    "edits.recurrence": ("ความถี่", "Recurrence"),
    "edits.recurrence_ph": ("เช่น ทุก 2 เดือน (เว้นว่างได้)", "e.g. every 2 months (may be empty)"),
    "edits.agencies": ("หน่วยงาน", "Agencies"),
    "edits.add_agency": ("เพิ่มหน่วยงาน", "Add agency"),
    "edits.add_agency_tip": ("เลือกหน่วยงานจากกระดานหรือสร้างใหม่", "Pick an agency of the board or create one"),
    "edits.add_agency_row": ("เพิ่มหน่วยงาน… (Enter หรือ a)", "Add an agency… (Enter or a)"),
    "edits.new_agency_mark": ("[ใหม่]", "[new]"),
    "edits.toggle_role": ("หลัก/สนับสนุน", "Lead/support"),
    "edits.toggle_role_tip": ("สลับบทบาทระหว่างหน่วยงานหลักและสนับสนุน", "Switch the role between lead and support"),
    "edits.remove_agency": ("เอาออก", "Remove"),
    "edits.remove_agency_tip": ("เอาหน่วยงานนี้ออกจากข้อ", "Take this agency off the item"),
    # -- the agency picker ----------------------------------------------------------------------
    "edits.picker_title": ("เลือกหน่วยงาน", "Pick an agency"),
    "edits.picker_ph": ("พิมพ์ชื่อ ชื่อย่อ หรือชื่อเรียกอื่น", "type a name, short name or alias"),
    "edits.picker_hint": ("↑↓ เลือก · Enter ตกลง · Esc ยกเลิก", "↑↓ choose · Enter pick · Esc cancel"),
    "edits.picker_new": ("เพิ่มหน่วยงานใหม่: {name}", "new agency: {name}"),
    "edits.picker_none": ("ไม่มีหน่วยงานที่ตรงกัน", "no agency matches"),
    "edits.picker_help": (
        "## เลือกหน่วยงาน\nพิมพ์บางส่วนของชื่อ ชื่อย่อ หรือชื่อเรียกอื่น (ไม่ต้องกังวลเรื่องสระ/วรรณยุกต์หรือเลขไทย) · "
        "**↑ ↓** เลือก · **Enter** ตกลง · ชื่อที่กระดานยังไม่รู้จักเพิ่มเป็นหน่วยงานใหม่ได้",
        "## Pick an agency\nType part of a name, short name or alias (Thai spelling variants match) · "
        "**↑ ↓** choose · **Enter** picks · a name the board does not know yet can be added as a new agency",
    ),
    # -- confirming what goes --------------------------------------------------------------------
    "edits.confirm_key": ("ยืนยัน (y)", "Confirm (y)"),
    "edits.confirm_tip": ("ยืนยันด้วยแป้น y (อักษรอังกฤษ)", "Confirm with the y key"),
    "edits.confirm_button": ("ยืนยัน", "Confirm"),
    "edits.choose_hint": ("↑↓ เลือก · Enter ต่อไป · Esc ยกเลิก", "↑↓ choose · Enter next · Esc cancel"),
    "edits.confirm_hint": ("กด y (แป้นอังกฤษ) หรือ Tab ไปที่ ยืนยัน แล้ว Enter · Esc ยกเลิก",
                           "press y, or Tab to Confirm and Enter · Esc cancels"),
    "edits.confirm_help": (
        "## ยืนยัน\nเลือกด้วย **↑ ↓** แล้ว **Enter** · ยืนยันด้วย **y** (แป้นอังกฤษ) หรือ Tab ไปที่ปุ่ม ยืนยัน · "
        "**Esc** ยกเลิก · ลบแล้วย้อนได้ด้วย **u**",
        "## Confirm\nChoose with **↑ ↓** and **Enter** · confirm with **y** or Tab to the Confirm button · "
        "**Esc** cancels · **u** brings back what was deleted",
    ),
    # -- agencies --------------------------------------------------------------------------------
    "edits.agency_title": ("แก้หน่วยงาน: {name}", "Edit agency: {name}"),
    "edits.agency_name": ("ชื่อ", "Name"),
    "edits.short": ("ชื่อย่อ", "Short name"),
    "edits.short_note": ("แสดงในที่แคบ เช่น พช.ระยอง (เว้นว่างได้)", "shown where space is tight, e.g. พช.ระยอง"),
    "edits.alias": ("ชื่อเรียกอื่น", "Alias"),
    "edits.alias_ph": ("เพิ่มอีกแบบที่หนังสือเขียน", "add another way letters write it"),
    "edits.aliases_now": ("ที่มีอยู่: {aliases}", "now: {aliases}"),
    "edits.merge_button": ("รวมเข้ากับหน่วยงานอื่น…", "Merge into another agency…"),
    "edits.merge_pick_title": ("รวม “{name}” เข้ากับหน่วยงาน…", "Merge “{name}” into…"),
    "edits.agency_help": (
        "## แก้หน่วยงาน\nแก้ชื่อ ชื่อย่อ หรือเพิ่มชื่อเรียกอื่น (การนำเข้าครั้งต่อไปจะจับคู่ได้) · "
        "ถ้าเป็นหน่วยงานเดียวกับอีกหน่วยหนึ่ง ให้ Tab ไปที่ **รวมเข้ากับหน่วยงานอื่น…** · **ctrl+s** บันทึก",
        "## Edit agency\nCorrect the name or short name, or add an alias (later imports will match it) · "
        "if it is the same office as another agency, Tab to **Merge into another agency…** · **ctrl+s** saves",
    ),
}
