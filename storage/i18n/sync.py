"""Board files and ``board sync``: why a file cannot be read (``sync.file.<reason>``), what
was done about it (``sync.then.<what>``), what a stray copy looks like (``sync.copy.<engine>``)
and the report lines of ``board sync`` (``sync.report.*``). Every text is one line.

A ``sync.then.*`` text is appended to a ``sync.file.*`` one, so it starts with its separator.
"""

TEXTS = {
    "sync.file.empty": ("ไฟล์ว่าง (ยังเขียนไม่เสร็จ หรือถูกตัด)", "empty file (still being written, or truncated)"),
    "sync.file.binary": ("เป็นข้อมูลไบนารี ไม่ใช่ไฟล์กระดาน", "binary data, not a board file"),
    "sync.file.not_utf8": ("ไม่ใช่ข้อความ UTF-8 ไม่ใช่ไฟล์กระดาน", "not UTF-8 text, not a board file"),
    "sync.file.truncated": ("ไฟล์จบไม่ครบ (ถูกตัด หรือยังเขียนไม่เสร็จ)", "ends early (truncated, or still being written)"),
    "sync.file.bad_json": (
        "ไม่ใช่ JSON ที่ถูกต้อง บรรทัด {line} คอลัมน์ {column}",
        "not valid JSON at line {line}, column {column}",
    ),
    # {detail} is the decoder's own (English) words: for whoever repairs the file.
    "sync.file.not_board": ("ไม่ใช่ไฟล์กระดาน ({detail})", "not a board file ({detail})"),
    "sync.file.damaged": ("ข้อมูลกระดานเสียหาย ({detail})", "damaged board data ({detail})"),
    "sync.file.folder": ("เป็นโฟลเดอร์ ไม่ใช่ไฟล์กระดาน", "is a folder, not a board file"),
    "sync.file.permission": ("ไม่มีสิทธิ์อ่านไฟล์", "permission denied"),
    "sync.file.missing": ("ไม่พบไฟล์", "no such file"),
    "sync.file.replica": (
        "นี่คือไฟล์ของเครื่องหนึ่ง ไม่ใช่กระดาน: เปิดไฟล์ NAME.json ที่อยู่ข้างโฟลเดอร์ NAME.d/",
        "this is a replica file, not a board; open the NAME.json beside NAME.d/",
    ),
    "sync.file.waiting": (
        "รอไฟล์ {base} จาก {who} มาถึง การเปลี่ยนแปลง {changes} รายการของเขาจะแสดงเมื่อไฟล์มาถึง",
        "waiting for {base} from {who} to arrive; their {changes} changes show once it does",
    ),
    "sync.nobody": ("เครื่องอื่น", "another replica"),
    "sync.then.skipped": (" - ข้ามไฟล์นี้", " - skipped"),
    "sync.then.moved": (" - ย้ายไปไว้ที่ {where}", " - moved to {where}"),
    "sync.then.left": (" - ไม่ได้แตะต้องไฟล์นี้", " - left as it is"),
    "sync.copy.syncthing": ("สำเนาที่ขัดแย้งของ Syncthing", "a Syncthing conflict copy"),
    "sync.copy.dropbox": ("สำเนาที่ขัดแย้งของ Dropbox", "a Dropbox conflicted copy"),
    "sync.copy.nextcloud": ("สำเนาที่ขัดแย้งของ Nextcloud", "a Nextcloud conflicted copy"),
    "sync.copy.backup": ("สำเนาหรือไฟล์สำรองที่กู้คืน", "a copy or restored backup"),
    "sync.copy.onedrive": ("สำเนาที่ขัดแย้งของ OneDrive", "a OneDrive conflict copy"),
    "sync.copy.stray": ("สำเนาที่หลงมา", "a stray copy"),
    "sync.report.folded": ("รวม {name} ({what}) แล้ว: {gain}", "folded {name} ({what}): {gain}"),
    "sync.report.gain": ("คัดลอก {new} รายการเข้าไฟล์ของเครื่องนี้", "copied {new} entries into this replica's file"),
    "sync.report.no_gain": ("ไม่มีอะไรใหม่", "nothing new"),
    "sync.report.archived": ("เก็บ {count} ไฟล์ไว้ที่ {where}", "archived {count} file(s) to {where}"),
    "sync.report.compacted": (
        "บีบอัด {count} รายการของเครื่องนี้ลงใน {base}",
        "compacted {count} entries of this replica into {base}",
    ),
    "sync.report.removed": ("ลบไฟล์ฐานรุ่นเก่า {name}", "removed older base {name}"),
    "sync.report.problem": ("ปัญหา: {text}", "problem: {text}"),
    "sync.report.waiting": ("ยังไม่บีบอัด: รอไฟล์ {base} มาถึงก่อน", "not compacting: waiting for {base} to arrive"),
    "sync.report.in_sync": ("ไม่มีอะไรต้องรวมหรือบีบอัด กระดานตรงกันแล้ว", "nothing to fold or compact; the board is in sync"),
}
