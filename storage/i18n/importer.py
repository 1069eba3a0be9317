"""The importer's texts: warnings in a draft and refusals of a letter file (area "importer").

Storage returns reason codes with parameters (DraftWarning, ImportFailed); these word them.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # -- warnings in a draft (the officer reviews them; nothing is refused) -----------------
    "importer.no_number": ("ไม่พบเลขที่หนังสือ (ที่ …)", "letter number not found (ที่ …)"),
    "importer.no_date": ("ไม่พบวันที่ของหนังสือ", "letter date not found"),
    "importer.no_subject": ("ไม่พบเรื่อง (เรื่อง …)", "subject not found (เรื่อง …)"),
    "importer.no_agency_column": ("ตารางไม่มีคอลัมน์หน่วยงานที่รับผิดชอบ", "the table has no responsible-agency column"),
    "importer.empty_table": ("ไม่พบข้อสั่งการในตาราง", "the table has no directives"),
    "importer.no_table": ("ไม่พบตารางข้อสั่งการ (ลำดับ / ประเด็น / หน่วยงานที่รับผิดชอบ)",
                        "no table of directives found (ลำดับ / ประเด็น / หน่วยงานที่รับผิดชอบ)"),
    "importer.guessed_columns": ("ไม่พบหัวตาราง: เดาคอลัมน์เป็น ลำดับ / ประเด็น / หน่วยงาน / กำหนดเสร็จ",
                               "no table header: columns taken as number / text / agencies / due"),
    "importer.no_sheet_header": (
        "ไม่พบแถวหัวตาราง (seq, text, agencies, due หรือ ลำดับ, ประเด็น, หน่วยงาน, กำหนดเสร็จ)",
        "no header row (seq, text, agencies, due or ลำดับ, ประเด็น, หน่วยงาน, กำหนดเสร็จ)"),
    "importer.missing_seq": ("ลำดับข้อไม่ต่อเนื่อง ขาดข้อ {missing}", "item numbers skip: no item {missing}"),
    "importer.bad_seq": ("ข้อ {seq}: อ่านลำดับข้อไม่ได้ ใช้ลำดับในตาราง", "item {seq}: unreadable number, used its place in the table"),
    "importer.no_text": ("ข้อ {seq}: ไม่มีข้อความ", "item {seq}: no text"),
    "importer.bad_due": ("ข้อ {seq}: อ่านกำหนดเสร็จไม่ได้ ({cell})", "item {seq}: unreadable deadline ({cell})"),
    "importer.no_agency": ("ข้อ {seq}: ไม่พบหน่วยงานที่รับผิดชอบ", "item {seq}: no responsible agency found"),
    "importer.dup_seq": ("ข้อ {seq}: ลำดับซ้ำ ใช้ลำดับ {new} แทน", "item {seq}: number used twice, numbered {new} instead"),
    "importer.relative_due": (
        "ข้อ {seq}: กำหนดเสร็จเป็นระยะเวลา ({phrase}) ไม่ใช่วันที่ จึงยังไม่ได้ใส่วันครบกำหนด",
        "item {seq}: the deadline is a span ({phrase}), not a date; no due date was set"),
    "importer.year_assumed": (
        "ข้อ {seq}: กำหนดเสร็จไม่ระบุปี ({phrase}) จึงถือเป็น {date} ซึ่งถัดจากวันที่ของหนังสือ โปรดตรวจ",
        "item {seq}: the deadline gives no year ({phrase}); set to {date}, the first such day after the letter's date — check it"),
    "importer.unread_agency": (
        "ข้อ {seq}: \"{text}\" ดูเหมือนชื่อหน่วยงาน แต่ไม่ตรงกับหน่วยงานใด ตรวจทานก่อนนำเข้า",
        "item {seq}: \"{text}\" looks like an agency but matched none; check it before import"),
    "importer.shared_due": (
        "{n} ข้อที่ไม่มีกำหนดเสร็จของตัวเองใช้กำหนดจากย่อหน้าท้ายรายการ ({phrase})",
        "{n} item(s) without a deadline of their own take the one after the list ({phrase})"),
    "importer.shared_cell": (
        "ข้อ {seq}: หน่วยงานมาจากช่องที่ผสานร่วมกับข้อ {other}",
        "item {seq}: agencies taken from a cell merged with item {other}"),
    # -- refusals: the file is not imported at all (one line, nothing written) --------------
    "importer.fail.empty": ("ไฟล์ว่าง", "the file is empty"),
    "importer.fail.binary": ("ไม่ใช่ไฟล์ข้อความ (เป็นข้อมูลไบนารี) ต้องการข้อความของหนังสือ .docx .pdf .csv หรือ .xlsx",
                           "not a text file (binary data); expected a letter's text, .docx, .pdf, .csv or .xlsx"),
    "importer.fail.binary_csv": ("ไม่ใช่ไฟล์ CSV (เป็นข้อมูลไบนารี)", "not a CSV file (binary data)"),
    "importer.fail.undecodable": ("ถอดรหัสข้อความไม่ได้ (ต้องเป็น UTF-8 หรือ TIS-620)",
                                "cannot decode the text (expected UTF-8 or TIS-620)"),
    "importer.fail.no_text": ("ไฟล์ไม่มีข้อความ", "the file has no text"),
    "importer.fail.csv": ("อ่านไฟล์ CSV ไม่ได้ ({error})", "cannot read the CSV ({error})"),
    "importer.fail.xlsx": ("ไม่ใช่สมุดงาน .xlsx ที่อ่านได้ ({error})", "not a readable .xlsx workbook ({error})"),
    "importer.fail.docx": ("ไม่ใช่เอกสาร .docx ที่อ่านได้ ({error})", "not a readable .docx document ({error})"),
    "importer.fail.pdf": ("ไม่ใช่ไฟล์ PDF ที่อ่านได้ ({error})", "not a readable PDF ({error})"),
    "importer.fail.pdf_no_text": (
        "PDF ไม่มีข้อความ (อาจเป็นภาพสแกน) ให้ทำ OCR ก่อน แล้วนำเข้าไฟล์ข้อความ",
        "the PDF has no text (a scanned image?); run OCR first and import the text"),
    "importer.fail.pdf_encrypted": ("PDF ถูกเข้ารหัสด้วยรหัสผ่าน", "the PDF is protected by a password"),
    "importer.fail.empty_table": ("ตารางข้อสั่งการไม่มีข้อใดเลย", "the table of directives has no items"),
    "importer.fail.no_table": ("ไม่พบตารางข้อสั่งการ (ลำดับ / ประเด็น / หน่วยงานที่รับผิดชอบ)",
                             "no table of directives found (ลำดับ / ประเด็น / หน่วยงานที่รับผิดชอบ)"),
    "importer.fail.unknown_type": ("ไม่รู้จักไฟล์ชนิด {suffix} ต้องเป็น {supported}",
                                 "unknown file type {suffix}; expected one of {supported}"),
    "importer.fail.old_doc": ("ไม่รองรับไฟล์ Word แบบเก่า .doc ให้บันทึกเป็น .docx", "old Word .doc is not supported; save it as .docx"),
    "importer.fail.old_xls": ("ไม่รองรับไฟล์ Excel แบบเก่า .xls ให้บันทึกเป็น .xlsx", "old Excel .xls is not supported; save it as .xlsx"),
    "importer.fail.missing": ("ไม่พบไฟล์", "no such file"),
    "importer.fail.not_file": ("ไม่ใช่ไฟล์ธรรมดา (เป็นโฟลเดอร์ ไปป์ หรืออุปกรณ์)", "not a regular file (a folder, pipe or device)"),
    "importer.fail.limit": ("{what} เกินขีดจำกัด {limit} ({found}) ไม่นำเข้าไฟล์นี้",
                          "{what} over the limit of {limit} ({found}); not imported"),
    # what a limit counts (used as {what} above)
    "importer.limit.bytes": ("ขนาดไฟล์", "file size"),
    "importer.limit.unpacked": ("ขนาดเมื่อแตกไฟล์ {member}", "unpacked size of {member}"),
    "importer.limit.paragraphs": ("จำนวนย่อหน้า", "paragraphs"),
    "importer.limit.rows": ("จำนวนแถว", "rows"),
    "importer.limit.cells": ("จำนวนช่องตาราง", "table cells"),
    "importer.limit.items": ("จำนวนข้อสั่งการ", "directive items"),
    "importer.limit.lines": ("จำนวนบรรทัด", "lines"),
    "importer.limit.pages": ("จำนวนหน้า PDF", "PDF pages"),
    "importer.limit.chars": ("จำนวนตัวอักษร", "characters"),
}
