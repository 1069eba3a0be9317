"""Board files that are not read because of what they are (issue 13): not a regular file, too
big, a link out of the board folder, or another officer's file we may not read; and a folder
we may not write into. File problems are ``sync.file.<reason>`` as BadFile words every reason
(storage/errors.py); they live here, beside the area ``sync``."""

TEXTS = {
    "sync.file.not_regular": (
        "ไม่ใช่ไฟล์ธรรมดา (เป็นไปป์ อุปกรณ์ หรือซ็อกเก็ต)",
        "not a regular file (a pipe, a device or a socket)",
    ),
    "sync.file.too_large": (
        "ขนาด {size_mb} MB เกินขนาดสูงสุดของไฟล์กระดาน {limit_mb} MB",
        "{size_mb} MB, over the {limit_mb} MB a board file may have",
    ),
    "sync.file.outside_link": (
        "เป็นลิงก์ไปยัง {target} ซึ่งอยู่นอกโฟลเดอร์กระดาน จึงไม่อ่าน",
        "a link to {target}, outside the board folder: not followed",
    ),
    "sync.file.broken_link": (
        "เป็นลิงก์ไปยัง {target} ซึ่งไม่มีอยู่ (ถูกย้าย หรือยังซิงก์มาไม่ถึง) จึงข้ามไป",
        "a link to {target}, which is not there (moved, or not synced yet): skipped",
    ),
    "sync.file.link_not_file": (
        "เป็นลิงก์ไปยัง {target} ซึ่งไม่ใช่ไฟล์ธรรมดา (เป็นโฟลเดอร์ ไปป์ หรืออุปกรณ์) จึงข้ามไป",
        "a link to {target}, which is not a regular file (a folder, a pipe or a device): skipped",
    ),
    "sync.file.no_read": (
        "ไม่มีสิทธิ์อ่าน (เจ้าของ {owner} สิทธิ์ {mode}): ให้ {owner} สั่ง chmod g+r กับไฟล์นี้",
        "not readable for us (owner {owner}, {mode}): ask {owner} to run chmod g+r on it",
    ),
    "files.no_write": (
        "เขียนลงโฟลเดอร์ {folder} ไม่ได้ (เจ้าของ {owner} สิทธิ์ {mode}): ให้ {owner} สั่ง chmod g+rwx {folder}"
        " หรือให้ผู้ดูแลเพิ่มคุณเข้ากลุ่มของโฟลเดอร์ ไม่มีอะไรถูกเปลี่ยน",
        "cannot write into {folder} (owner {owner}, {mode}): ask {owner} to run chmod g+rwx {folder},"
        " or the admin to add you to its group; nothing was changed",
    ),
    # A write refused by the disk (storage/errors.py user_message). Every write is all or
    # nothing (files.put_back_on_failure), so the board is as it was.
    "files.disk_full": (
        "{where}ดิสก์เต็ม ({reason}): บันทึกไม่ได้ กระดานไม่มีอะไรเปลี่ยน ทำให้มีที่ว่างแล้วลองใหม่",
        "{where}the disk is full ({reason}): not saved, nothing on the board changed;"
        " free some space and try again",
    ),
    "files.cannot_save_yet": (
        "เปิดกระดานให้อ่านได้ แต่ตอนนี้บันทึกการเปลี่ยนแปลงไม่ได้: {why}",
        "The board is open to read, but changes cannot be saved now: {why}",
    ),
    "files.read_only_disk": (
        "{where}ดิสก์หรือโฟลเดอร์แชร์นี้อ่านได้อย่างเดียว ({reason}): บันทึกไม่ได้ กระดานไม่มีอะไรเปลี่ยน",
        "{where}this disk or share is read-only ({reason}): not saved, nothing on the board changed",
    ),
}
