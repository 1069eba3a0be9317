"""What the importer says, in Thai (the default) and English: warnings and refusals.

Storage returns reason codes with parameters, never sentences; this table words them.
It has the catalog's shape (``TEXTS = {"key": ("ไทย {x}", "English {x}")}``, the same
placeholders in both) so that it moves into ``storage/i18n/importer.py`` as it is once the
catalog is on main. Control flow never looks at a rendered text, only at a code.
"""

from __future__ import annotations

from typing import Any

TEXTS: dict[str, tuple[str, str]] = {
    # -- warnings in a draft (the officer reviews them; nothing is refused) -----------------
    "import.no_number": ("ไม่พบเลขที่หนังสือ (ที่ …)", "letter number not found (ที่ …)"),
    "import.no_date": ("ไม่พบวันที่ของหนังสือ", "letter date not found"),
    "import.no_subject": ("ไม่พบเรื่อง (เรื่อง …)", "subject not found (เรื่อง …)"),
    "import.no_agency_column": ("ตารางไม่มีคอลัมน์หน่วยงานที่รับผิดชอบ", "the table has no responsible-agency column"),
    "import.empty_table": ("ไม่พบข้อสั่งการในตาราง", "the table has no directives"),
    "import.no_table": ("ไม่พบตารางข้อสั่งการ (ลำดับ / ประเด็น / หน่วยงานที่รับผิดชอบ)",
                        "no table of directives found (ลำดับ / ประเด็น / หน่วยงานที่รับผิดชอบ)"),
    "import.guessed_columns": ("ไม่พบหัวตาราง: เดาคอลัมน์เป็น ลำดับ / ประเด็น / หน่วยงาน / กำหนดเสร็จ",
                               "no table header: columns taken as number / text / agencies / due"),
    "import.no_sheet_header": (
        "ไม่พบแถวหัวตาราง (seq, text, agencies, due หรือ ลำดับ, ประเด็น, หน่วยงาน, กำหนดเสร็จ)",
        "no header row (seq, text, agencies, due or ลำดับ, ประเด็น, หน่วยงาน, กำหนดเสร็จ)"),
    "import.missing_seq": ("ลำดับข้อไม่ต่อเนื่อง ขาดข้อ {missing}", "item numbers skip: no item {missing}"),
    "import.bad_seq": ("ข้อ {seq}: อ่านลำดับข้อไม่ได้ ใช้ลำดับในตาราง", "item {seq}: unreadable number, used its place in the table"),
    "import.no_text": ("ข้อ {seq}: ไม่มีข้อความ", "item {seq}: no text"),
    "import.bad_due": ("ข้อ {seq}: อ่านกำหนดเสร็จไม่ได้ ({cell})", "item {seq}: unreadable deadline ({cell})"),
    "import.no_agency": ("ข้อ {seq}: ไม่พบหน่วยงานที่รับผิดชอบ", "item {seq}: no responsible agency found"),
    "import.dup_seq": ("ข้อ {seq}: ลำดับซ้ำ ใช้ลำดับ {new} แทน", "item {seq}: number used twice, numbered {new} instead"),
    "import.relative_due": (
        "ข้อ {seq}: กำหนดเสร็จนับจากวันที่ได้รับหนังสือ ({phrase}) ยังไม่ได้ใส่วันที่ครบกำหนด",
        "item {seq}: the deadline counts from receipt ({phrase}); no due date was set"),
    "import.unread_agency": (
        "ข้อ {seq}: \"{text}\" ดูเหมือนชื่อหน่วยงาน แต่ไม่ตรงกับหน่วยงานใด ตรวจทานก่อนนำเข้า",
        "item {seq}: \"{text}\" looks like an agency but matched none; check it before import"),
    "import.shared_cell": (
        "ข้อ {seq}: หน่วยงานมาจากช่องที่ผสานร่วมกับข้อ {other}",
        "item {seq}: agencies taken from a cell merged with item {other}"),
    # -- refusals: the file is not imported at all (one line, nothing written) --------------
    "import.fail.empty": ("ไฟล์ว่าง", "the file is empty"),
    "import.fail.binary": ("ไม่ใช่ไฟล์ข้อความ (เป็นข้อมูลไบนารี) ต้องการข้อความของหนังสือ .docx .pdf .csv หรือ .xlsx",
                           "not a text file (binary data); expected a letter's text, .docx, .pdf, .csv or .xlsx"),
    "import.fail.binary_csv": ("ไม่ใช่ไฟล์ CSV (เป็นข้อมูลไบนารี)", "not a CSV file (binary data)"),
    "import.fail.undecodable": ("ถอดรหัสข้อความไม่ได้ (ต้องเป็น UTF-8 หรือ TIS-620)",
                                "cannot decode the text (expected UTF-8 or TIS-620)"),
    "import.fail.no_text": ("ไฟล์ไม่มีข้อความ", "the file has no text"),
    "import.fail.csv": ("อ่านไฟล์ CSV ไม่ได้ ({error})", "cannot read the CSV ({error})"),
    "import.fail.xlsx": ("ไม่ใช่สมุดงาน .xlsx ที่อ่านได้ ({error})", "not a readable .xlsx workbook ({error})"),
    "import.fail.docx": ("ไม่ใช่เอกสาร .docx ที่อ่านได้ ({error})", "not a readable .docx document ({error})"),
    "import.fail.pdf": ("ไม่ใช่ไฟล์ PDF ที่อ่านได้ ({error})", "not a readable PDF ({error})"),
    "import.fail.pdf_no_text": (
        "PDF ไม่มีข้อความ (อาจเป็นภาพสแกน) ให้ทำ OCR ก่อน แล้วนำเข้าไฟล์ข้อความ",
        "the PDF has no text (a scanned image?); run OCR first and import the text"),
    "import.fail.pdf_encrypted": ("PDF ถูกเข้ารหัสด้วยรหัสผ่าน", "the PDF is protected by a password"),
    "import.fail.empty_table": ("ตารางข้อสั่งการไม่มีข้อใดเลย", "the table of directives has no items"),
    "import.fail.no_table": ("ไม่พบตารางข้อสั่งการ (ลำดับ / ประเด็น / หน่วยงานที่รับผิดชอบ)",
                             "no table of directives found (ลำดับ / ประเด็น / หน่วยงานที่รับผิดชอบ)"),
    "import.fail.unknown_type": ("ไม่รู้จักไฟล์ชนิด {suffix} ต้องเป็น {supported}",
                                 "unknown file type {suffix}; expected one of {supported}"),
    "import.fail.old_doc": ("ไม่รองรับไฟล์ Word แบบเก่า .doc ให้บันทึกเป็น .docx", "old Word .doc is not supported; save it as .docx"),
    "import.fail.old_xls": ("ไม่รองรับไฟล์ Excel แบบเก่า .xls ให้บันทึกเป็น .xlsx", "old Excel .xls is not supported; save it as .xlsx"),
    "import.fail.pdf_advice": ("ยังอ่าน PDF โดยตรงไม่ได้ ให้แปลงเป็นข้อความก่อน (pdftotext -layout) หรือบันทึกเป็น .docx",
                               "PDF is not read directly; extract the text first (pdftotext -layout) or save as .docx"),
    "import.fail.missing": ("ไม่พบไฟล์", "no such file"),
    "import.fail.not_file": ("ไม่ใช่ไฟล์ธรรมดา (เป็นโฟลเดอร์ ไปป์ หรืออุปกรณ์)", "not a regular file (a folder, pipe or device)"),
    "import.fail.limit": ("{what} เกินขีดจำกัด {limit} ({found}) ไม่นำเข้าไฟล์นี้",
                          "{what} over the limit of {limit} ({found}); not imported"),
    # what a limit counts (used as {what} above)
    "import.limit.bytes": ("ขนาดไฟล์", "file size"),
    "import.limit.unpacked": ("ขนาดเมื่อแตกไฟล์ {member}", "unpacked size of {member}"),
    "import.limit.paragraphs": ("จำนวนย่อหน้า", "paragraphs"),
    "import.limit.rows": ("จำนวนแถว", "rows"),
    "import.limit.cells": ("จำนวนช่องตาราง", "table cells"),
    "import.limit.items": ("จำนวนข้อสั่งการ", "directive items"),
    "import.limit.lines": ("จำนวนบรรทัด", "lines"),
    "import.limit.pages": ("จำนวนหน้า PDF", "PDF pages"),
    "import.limit.chars": ("จำนวนตัวอักษร", "characters"),
}


def say(lang: str, key: str, **params: Any) -> str:
    """The text of ``key`` in ``lang`` ("th", "th-ascii" → Thai; anything else → English)."""
    thai, english = TEXTS[key]
    return (thai if lang.startswith("th") else english).format(**params)
