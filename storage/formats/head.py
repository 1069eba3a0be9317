"""The letter's head: its number, its own date, the subject, references and the issuer.

``ที่ รย ๐๐๑๗.๒/ว ๓๓๖๒`` → ``รย 0017.2/ว 3362``; the date under the address block, never a
receipt stamp's nor that of a letter referred to; ``เรื่อง`` (over several lines); every
other letter number before the table a reference; the issuer (see ``find_issuer``).
"""

from __future__ import annotations

import re

from storage.formats import genre
from storage.formats.agencies import AgencyIndex, normalize_agency
from storage.formats.draft import DraftDirective, DraftWarning
from storage.thai.dates import DATE_RE, parse_thai_date
from storage.thai.digits import to_ascii_digits

_NUMBER = r"[ก-ฮ]{1,4}\.?\s?[0-9๐-๙]{2,}(?:\.[0-9๐-๙]+)*\s?/\s?(?:ว\.?\s?)?[0-9๐-๙]+"
NUMBER_RE = re.compile(rf"(?<![ก-ฮ]){_NUMBER}")
_OWN_NUMBER_RE = re.compile(
    rf"^\s*(?:ด่วน\S*\s+)?(?P<named>(?:หนังสือ\s*)?ที่|เลขที่(?:หนังสือ)?\s*[:：]?)\s*(?P<num>{_NUMBER})")
"""``ที่ รย ๐๐๑๗.๒/ว ๓๓๖๒`` heading a letter; ``หนังสือ ที่ … ลงวันที่ …`` or ``เลขที่หนังสือ …``
heading a sheet that tracks one."""
_NUMBER_PARTS_RE = re.compile(r"([ก-ฮ]{1,4})\.?\s?([0-9.]+)\s?/\s?(ว)?\.?\s?([0-9]+)")
_SUBJECT_RE = re.compile(r"^\s*เรื่อง\s*[:：]?\s*(?P<subject>.*)$")
_SECTION_RE = re.compile(r"^\s*(?:เรียน|อ้างถึง|สิ่งที่ส่งมาด้วย|ด้วย|ตาม|ในการนี้|เนื่องด้วย|จึงเรียน|ขอแสดงความนับถือ)")
_ISSUER_HEAD_RE = re.compile(r"^(?:สำนักงาน|ที่ทำการ|สำนัก|กอง|ศูนย์|กรม|องค์การ|เทศบาล|ศาลากลาง)")


def normalise_number(text: str) -> str:
    """``รย ๐๐๑๗.๒/ว ๓๓๖๒`` → ``รย 0017.2/ว 3362``; ASCII digits, canonical spacing."""
    ascii_text = to_ascii_digits(" ".join(text.split()))
    m = _NUMBER_PARTS_RE.search(ascii_text)
    if not m:
        return ascii_text
    prefix, code, circular, serial = m.groups()
    return f"{prefix} {code}/{'ว ' if circular else ''}{serial}"


_LETTERHEAD_RE = re.compile(rf"(?:ศาลากลาง|ที่ว่าการ)จังหวัด\s?(?:{'|'.join(genre.PROVINCES)})")
_SIGN_OFF_RE = re.compile(r"^\s*ขอแสดงความนับถือ")
_MEMO_OFFICE_RE = re.compile(r"^\s*ส่วนราชการ\s+(?P<office>[^\s].*?)(?=\s+(?:กลุ่มงาน|กลุ่ม|ฝ่าย|งาน|โทร)|\s*$)")


def _province(lines: list[str]) -> str | None:
    for line in lines:
        if re.search(r"ศาลากลางจังหวัด|ผู้ว่าราชการจังหวัด|ที่ทำการ|สำนักงาน", line):
            m = genre.PROVINCE_RE.search(line)
            if m:
                return m.group("province")
    return None


_SUBJECT_OR_TO_RE = re.compile(r"^\s*(?:เรื่อง|เรียน)")


def find_issuer(lines: list[str], known: AgencyIndex) -> str:
    """The issuing office as an officer names it.

    The owning office printed under the signature (``สำนักงานจังหวัด``), completed with the
    province of the signer or letterhead (→ ``สำนักงานจังหวัดระยอง``); else the letterhead
    office beside the number (``สำนักงานพัฒนาชุมชนจังหวัดน่าน``; ``ศาลากลางจังหวัดระยอง``
    → ``จังหวัดระยอง``).
    """
    province = _province(lines)
    for line in lines[:15]:  # a memo (บันทึกข้อความ) names its office: "ส่วนราชการ สำนักงาน… โทร. …"
        memo = _MEMO_OFFICE_RE.match(line)
        if memo:
            return _as_issuer(memo.group("office"), province, known)
    sign = [i for i, line in enumerate(lines) if _SIGN_OFF_RE.match(line)]
    block = [line.strip() for line in lines[sign[-1] + 1: sign[-1] + 16]] if sign else []
    office = next((line for line in block if _ISSUER_HEAD_RE.match(line) and len(line) < 80), None)
    if office is None:
        start = next((i for i, line in enumerate(lines) if _OWN_NUMBER_RE.match(line)), 0)
        # The letterhead is above เรื่อง: a table row below it naming an office is not the issuer.
        end = next((i for i in range(start + 1, len(lines)) if _SUBJECT_OR_TO_RE.match(lines[i])), len(lines))
        office = next((line.strip() for line in lines[start: min(end, start + 8)]
                       if _ISSUER_HEAD_RE.match(line.strip()) and len(line.strip()) < 80), None)
        beside = _LETTERHEAD_RE.search(lines[start]) if office is None and lines else None
        office = beside.group(0) if beside else office  # "ที่ พร ๐๐๑๗.๒/ว ๑๑๒๓      ศาลากลางจังหวัดแพร่"
        office = office.replace("ศาลากลาง", "", 1) if office else None
    return _as_issuer(office, province, known) if office else ""


def _as_issuer(office: str, province: str | None, known: AgencyIndex) -> str:
    office = office.strip()
    if province and not genre.PROVINCE_RE.search(office) and office.endswith("จังหวัด"):
        office += province
    name = normalize_agency(office)
    match = known.match(name)
    return match.name if match else name


_STAMP_RE = re.compile(r"เลขรับ|เลขที่รับ|รับที่|ลงรับ|ทะเบียนรับ")
_STAMP_PART_RE = re.compile(r"^\s*(?:วันที่|เวลา|รับที่|เลขรับ|ลงชื่อ|ผู้รับ)")


def _stamp_lines(lines: list[str]) -> set[int]:
    """Lines of a receipt stamp (เลขรับ … / วันที่ … / เวลา …): its date is not the letter's."""
    stamp: set[int] = set()
    for i, line in enumerate(lines):
        if _STAMP_RE.search(line):
            stamp.add(i)
            for j in range(max(0, i - 2), min(len(lines), i + 4)):
                if _STAMP_PART_RE.match(lines[j]) or _STAMP_RE.search(lines[j]):
                    stamp.add(j)
    return stamp


def _letter_date(lines: list[str]) -> str | None:
    """The letter's own date: the line under the address block that is only a date, else a
    ``วันที่ …`` line, else a date inside a line (a memo's ``ที่ … วันที่ …``) — never a
    receipt stamp's, nor the date of a letter referred to (``ลงวันที่ …``)."""
    stamp = _stamp_lines(lines)
    own = [line for i, line in enumerate(lines) if i not in stamp and line.strip()]
    for bare in (True, False):
        for line in own:
            if bare == (not line.strip().startswith("วันที่")) and (found := parse_thai_date(line)):
                return found.isoformat()
    for line in own:  # a date inside a line, not the date of a referenced letter
        for m in DATE_RE.finditer(line):
            if not re.search(r"(?:ลง|เมื่อ)\s*วันที่\s*$", line[: m.start()]):
                found = parse_thai_date(m.group(0))
                if found:
                    return found.isoformat()
    for line in own:  # a sheet's "หนังสือ ที่ สข 0017.2/ว 4410 ลงวันที่ 25 พฤศจิกายน 2568": its own letter's
        named = _OWN_NUMBER_RE.match(line)
        if named and named.group("named") != "ที่":
            dated = re.search(r"ลง\s*วันที่\s*(.+)$", line[named.end():])
            found = parse_thai_date(dated.group(1)) if dated else None
            if found:
                return found.isoformat()
    return None


def _subject(lines: list[str]) -> str:
    for i, line in enumerate(lines):
        m = _SUBJECT_RE.match(line)
        if m:
            parts = [m.group("subject").strip()]
            for nxt in lines[i + 1:]:
                if not nxt.strip() or _SECTION_RE.match(nxt):
                    break
                parts.append(nxt.strip())
            return " ".join(" ".join(parts).split())
    return ""


def read_head(lines: list[str], known: AgencyIndex, warnings: list[DraftWarning], source: str = "",
              tail: list[str] | None = None) -> DraftDirective:
    """The directive's number, date, subject, references and issuer from the letter's head."""
    number = ""
    for line in lines:
        m = _OWN_NUMBER_RE.match(line)
        if m:
            number = normalise_number(m.group("num"))
            break
    references: list[str] = []
    for line in lines:
        for m in NUMBER_RE.finditer(line):
            ref = normalise_number(m.group(0))
            if ref != number and ref not in references:
                references.append(ref)
    if not number:
        warnings.append(DraftWarning.of("importer.no_number"))
    date_iso = _letter_date(lines)
    if date_iso is None:
        warnings.append(DraftWarning.of("importer.no_date"))
    subject = _subject(lines)
    if not subject:
        warnings.append(DraftWarning.of("importer.no_subject"))
    return DraftDirective(
        number=number, date=date_iso, subject=subject, issuer=find_issuer(lines + list(tail or []), known),
        references=tuple(references), source=source,
    )
