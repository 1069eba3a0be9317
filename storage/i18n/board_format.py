"""Board files read in part (issue 7's format step, issue 13's bad data): values left out of a
file whose other contents count, and files made by a newer version of the program. Keys are
``sync.file.<reason>`` as BadFile words every reason (storage/errors.py); they live here,
beside the area ``sync``. ``{detail}`` is the decoder's own (English) words, for whoever
repairs the file: which record and field, and what was wrong with it."""

TEXTS = {
    "sync.file.bad_values": (
        "ข้ามค่าที่ไม่ถูกต้อง {count} ค่า ส่วนที่เหลือของไฟล์ยังใช้ได้ ({detail})",
        "{count} bad value(s) left out, the rest of the file counts ({detail})",
    ),
    "sync.file.ahead": (
        "เวลาของการเปลี่ยนแปลง {count} รายการล้ำหน้านาฬิกาเครื่องนี้เกิน {hours} ชั่วโมง ({detail}): "
        "เก็บไว้ แต่การเปลี่ยนแปลงที่ทำที่นี่หลังจากนี้จะมีผลเหนือกว่า — ตรวจนาฬิกาของเครื่องที่เขียนไฟล์นี้",
        "{count} change(s) stamped more than {hours} hour(s) ahead of this machine's clock ({detail}): "
        "kept, but a change made here from now on wins over them - check the clock of the machine that wrote it",
    ),
    "sync.file.newer": (
        "สร้างโดย Directive Board รุ่นที่ใหม่กว่า: อัปเดตโปรแกรมเพื่อให้เห็นทุกอย่าง",
        "made by a newer version of Directive Board: update to see everything",
    ),
}
