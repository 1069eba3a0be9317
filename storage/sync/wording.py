"""What a bad file and a sync report say, in Thai (the default) or English.

A BadFile keeps its English ``problem`` (logs, the API) plus a ``reason`` and ``details``
so that ``file_problem(error, lang)`` can say the same thing in the user's language.
Every text is one line.
"""

from __future__ import annotations

from typing import Any

from storage.controls import visible
from storage.errors import BadFile

_REASONS: dict[str, tuple[str, str]] = {
    "empty": ("empty file (still being written, or truncated)",
              "ไฟล์ว่าง (ยังเขียนไม่เสร็จ หรือถูกตัด)"),
    "binary": ("binary data, not a board file", "เป็นข้อมูลไบนารี ไม่ใช่ไฟล์กระดาน"),
    "not_utf8": ("not UTF-8 text, not a board file", "ไม่ใช่ข้อความ UTF-8 ไม่ใช่ไฟล์กระดาน"),
    "truncated": ("ends early (truncated, or still being written)",
                  "ไฟล์จบไม่ครบ (ถูกตัด หรือยังเขียนไม่เสร็จ)"),
    "bad_json": ("not valid JSON at line {line}, column {column}",
                 "ไม่ใช่ JSON ที่ถูกต้อง บรรทัด {line} คอลัมน์ {column}"),
    "not_board": ("{detail}", "ไม่ใช่ไฟล์กระดาน"),
    "damaged": ("damaged board data ({detail})", "ข้อมูลกระดานเสียหาย"),
    "folder": ("is a folder, not a board file", "เป็นโฟลเดอร์ ไม่ใช่ไฟล์กระดาน"),
    "permission": ("permission denied", "ไม่มีสิทธิ์อ่านไฟล์"),
    "missing": ("no such file", "ไม่พบไฟล์"),
    "waiting": ("waiting for {base} from {who} to arrive; their {changes} changes show once it does",
                "รอไฟล์ {base} จาก {who} มาถึง การเปลี่ยนแปลง {changes} รายการของเขาจะแสดงเมื่อไฟล์มาถึง"),
}

_THEN: dict[str, tuple[str, str]] = {
    "": ("", ""),
    "skipped": (" - skipped", " - ข้ามไฟล์นี้"),
    "moved": (" - moved to {where}", " - ย้ายไปไว้ที่ {where}"),
    "left": (" - left as it is", " - ไม่ได้แตะต้องไฟล์นี้"),
}

_NOBODY = ("another replica", "เครื่องอื่น")


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "th" else pair[0]


def problem_text(reason: str, details: dict[str, Any], lang: str = "en") -> str:
    """The problem (no path) in ``lang``; ``details["then"]`` says what was done about it."""
    values = dict(details)
    if reason == "waiting" and not values.get("who"):
        values["who"] = _pick(_NOBODY, lang)
    text = _pick(_REASONS[reason], lang) + _pick(_THEN[values.get("then", "")], lang)
    return text.format(**values)


def bad_file(path: object, reason: str, then: str = "", **details: Any) -> BadFile:
    """A BadFile whose English problem and other-language wording come from one table."""
    details = {**details, "then": then}
    return BadFile(str(path), problem_text(reason, details), reason=reason, details=details)


def restated(error: BadFile, then: str, **details: Any) -> BadFile:
    """The same problem with a different ending (skipped at open, moved aside, ...)."""
    if not error.reason:
        return BadFile(error.path, error.problem.split(" - ")[0])
    kept = {k: v for k, v in error.details.items() if k != "then"}
    return bad_file(error.path, error.reason, then, **{**kept, **details})


def file_problem(error: BadFile, lang: str = "th") -> str:
    """``path: problem`` in ``lang``; errors made without a reason keep their English."""
    if not error.reason or lang != "th":
        return str(error)
    return visible(f"{error.path}: {problem_text(error.reason, error.details, lang)}")


REPORT: dict[str, dict[str, str]] = {
    "en": {
        "folded": "folded {name} ({what}): {gain}",
        "gain": "copied {new} entries into this replica's file",
        "no_gain": "nothing new",
        "archived": "archived {count} file(s) to {where}",
        "compacted": "compacted {count} entries of this replica into {base}",
        "removed": "removed older base {name}",
        "problem": "problem: {text}",
        "waiting": "not compacting: waiting for {base} to arrive",
        "in_sync": "nothing to fold or compact; the board is in sync",
    },
    "th": {
        "folded": "รวม {name} ({what}) แล้ว: {gain}",
        "gain": "คัดลอก {new} รายการเข้าไฟล์ของเครื่องนี้",
        "no_gain": "ไม่มีอะไรใหม่",
        "archived": "เก็บ {count} ไฟล์ไว้ที่ {where}",
        "compacted": "บีบอัด {count} รายการของเครื่องนี้ลงใน {base}",
        "removed": "ลบไฟล์ฐานรุ่นเก่า {name}",
        "problem": "ปัญหา: {text}",
        "waiting": "ยังไม่บีบอัด: รอไฟล์ {base} มาถึงก่อน",
        "in_sync": "ไม่มีอะไรต้องรวมหรือบีบอัด กระดานตรงกันแล้ว",
    },
}
"""The lines of ``board sync`` (storage.sync.report.SyncReport.lines)."""

_COPIES = {
    "a Syncthing conflict copy": "สำเนาที่ขัดแย้งของ Syncthing",
    "a Dropbox conflicted copy": "สำเนาที่ขัดแย้งของ Dropbox",
    "a Nextcloud conflicted copy": "สำเนาที่ขัดแย้งของ Nextcloud",
    "a copy or restored backup": "สำเนาหรือไฟล์สำรองที่กู้คืน",
    "a OneDrive conflict copy": "สำเนาที่ขัดแย้งของ OneDrive",
    "a stray copy": "สำเนาที่หลงมา",
}


def copy_label(label: str, lang: str = "th") -> str:
    """What a stray looks like (storage.sync.folder.label) in ``lang``."""
    return _COPIES.get(label, label) if lang == "th" else label
