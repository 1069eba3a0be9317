"""Board files that are not read because of what they are (issue 13, odd files): not a
regular file, too big, a link out of the board folder. Keys are ``sync.file.<reason>`` as
BadFile words every reason (storage/errors.py); they live here, beside the area ``sync``."""

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
}
