"""Minutes in prose: numbered paragraphs whose sentences name the agencies.

    ๑. มอบหมายให้สำนักงานพัฒนาชุมชนจังหวัดขอนแก่นเป็นหน่วยงานหลัก ร่วมกับสำนักงานเกษตร
       จังหวัดขอนแก่น และอำเภอทุกอำเภอ ส่งเสริมการปลูกผักสวนครัว…ในเขตอำเภอเมืองขอนแก่น…
    ๖. การเตรียมความพร้อมรับสถานการณ์ภัยแล้ง
       ๖.๑ ให้สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดขอนแก่นเป็นหน่วยงานหลัก …

Each paragraph numbered 1, 2, 3 … is an item; ``๖.๑ / ๖.๒`` are its sub-points (kept in its
text and listed). The agencies are the names in its sentences that are surely names (a
board agency, or a name that ends at a province or ``ทุก<unit>``): the lead is the one
said to be ``เป็นหน่วยงานหลัก / เป็นเจ้าภาพหลัก / รับผิดชอบหลัก``, support those after
``ร่วมกับ / โดยมี / ประสาน`` or before ``สนับสนุน``; places (``ในเขตอำเภอ…``, ``พื้นที่…``,
``ณ …``) and the province itself (``รายงานจังหวัดขอนแก่น``) are not assignees. The rows come
out as [seq, text, agencies, due] for the shared item reader, roles marked in the cell.
"""

from __future__ import annotations

import re

from storage.formats import genre
from storage.formats.agencies import PROVINCIAL_OFFICES, AgencyIndex
from storage.formats.items import CLOSING_RE, Columns, item_start
from storage.formats.responsible import _Clause
from storage.thai.chars import LEADING_VOWELS
from storage.thai.digits import to_ascii_digits
from storage.thai.segment import segment

COLUMNS = Columns(seq=0, text=1, agencies=2, due=3)
_SUB_RE = re.compile(r"^\s*([0-9๐-๙]{1,2})\s*\.\s*([0-9๐-๙]{1,2})\s*[.)]?\s+(\S.*)$")
_TRIGGER_RE = re.compile(r"มอบหมาย(?:ให้)?|ขอให้|ให้|ร่วมกับ|โดยมี|ประสาน(?:งาน)?(?:กับ)?|และ|กับ|ตลอดจน|รวมทั้ง|,|\s")
_SUPPORT_BEFORE_RE = re.compile(r"(?:ร่วมกับ|โดยมี|ประสาน(?:งาน)?(?:กับ)?|สนับสนุนโดย)\s*$")
_PLACE_BEFORE_RE = re.compile(r"(?:ในเขต|เขตพื้นที่|ในพื้นที่|พื้นที่|ณ|ภายใน|ที่ตั้ง|ของ|ท้องที่)\s*$")
_JOINED_BEFORE_RE = re.compile(r"(?:และ|หรือ|,)\s*$")
_AT_PLACE_RE = re.compile(r"(?:^|\s)ณ\s*\S+\s+$")
"""``ณ ลานพระบรมราชานุสาวรีย์ อำเภอเมืองแพร่``: the district after a place is where, not who."""
_RECIPIENT_BEFORE_RE = re.compile(r"(?:รายงาน|ส่ง|เสนอ|แจ้ง)\S{0,40}(?:ให้|ต่อ|ถึง|แก่|ยัง|ผ่าน)\s*$")
"""``รายงานผล…ให้สำนักงานคลังจังหวัด…``: the office a report goes to is not assigned the work."""
_SUPPORT_AFTER_RE = re.compile(r"\s*(?:เป็น\s?(?:หน่วยงาน|ฝ่าย)\s?)?(?:ร่วม\s?)?สนับสนุน")
_ROLE_AFTER_RE = re.compile(
    rf"\s*(?:{genre.LEAD_VERBAL_RE.pattern}|{genre.SUPPORT_VERBAL_RE.pattern}|{genre.LEAD_PAREN_RE.pattern})")
_LOCAL_UNIT_RE = re.compile(r"(?:อำเภอ|เทศบาล(?:นคร|เมือง|ตำบล)|องค์การบริหารส่วนตำบล)(?!ทุก)[ก-๙]")
"""A district or a local body named by its place (``อำเภอแก่งหางแมว``, ``เทศบาลเมืองท่าใหม่``):
its name ends at no province, yet it is a unit that can be given work."""
_NAME_END_RE = re.compile(r"\s|,|\)|และ|หรือ|$")
_TRAILING_JOINER_RE = re.compile(r"(?:และ|หรือ)$")
_UNIT_DUTY_RE = re.compile(r"เตรียม|เฝ้าระวัง|แก้ไข|ป้องกัน|ควบคุม|กวดขัน|ปรับปรุง|ซ่อม|ตรวจ|รณรงค์|อบรม|"
                           r"ช่วยเหลือ|ปฏิบัติ|สร้าง|ส่ง|เสนอ|จัด|เร่ง")
"""Duties a district is told to do, beyond those any name may be cut at (genre.PREDICATE_RE)."""
_BARE_OFFICE_RE = re.compile("|".join(sorted(PROVINCIAL_OFFICES, key=len, reverse=True)))
"""``ให้สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดประสาน…``: a provincial office named without
its province is surely a name; it ends at จังหวัด (storage/formats/province.py completes it)."""
_ORDER_BEFORE_RE = re.compile(r"(?:^|\s|ฯ)(?:ขอ)?ให้\s*$|มอบหมาย(?:ให้)?\s*$")
"""The words an order is given with, right before the name it is given to."""
_CAPITAL_DISTRICT_RE = re.compile(rf"อำเภอเมือง\s?(?:{'|'.join(genre.PROVINCES)})")
"""``อำเภอเมืองจันทบุรี``: the capital district's name ends at its province, whatever follows."""
_PROVINCE_ONLY_RE = re.compile(rf"(?:จังหวัด|จ\.)\s?(?:{'|'.join(genre.PROVINCES)})")
_NOT_ASSIGNEES = ("ผู้ว่าราชการ", "รองผู้ว่าราชการ", "ที่ประชุม")


_AFTER_LIST_RE = re.compile(r"^(\s+)(?:ทั้งนี้|อนึ่ง)")
"""``        ทั้งนี้ ให้รายงานผล…ภายในวันที่ …``: a paragraph of its own after the list, indented as
the items are — it speaks of them all and is not the last item's text."""


def _numbered(lines: list[str]) -> list[tuple[int, list[list[str]], list[str]]]:
    """Every run of paragraphs numbered from 1: (line index, [[seq, text lines…, subs…]], the
    lines of the paragraph after the list, if any)."""
    runs: list[tuple[int, list[list], list[str]]] = []
    current: list | None = None
    indent, note = 0, None
    for i, line in enumerate(lines):
        if CLOSING_RE.match(line):
            current = note = None
            continue
        after = _AFTER_LIST_RE.match(line) if current is not None else None
        if after and len(after.group(1)) == indent:
            current, note = None, runs[-1][2]
            note.append(line.strip())
            continue
        sub = _SUB_RE.match(line)
        item = None if sub else item_start(line)
        if note is not None and not item and line.strip() and len(line) - len(line.lstrip()) < indent:
            note.append(line.strip())  # the paragraph after the list, wrapped
            continue
        note = None
        if item:
            seq = int(to_ascii_digits(item[0]))
            rows = runs[-1][1] if runs else None
            if seq == 1 or not rows or int(to_ascii_digits(rows[-1][0])) + 1 != seq:
                runs.append((i, [], []))
            elif runs[-1][2]:  # the list goes on: that paragraph was the item's own after all
                rows[-1][1].extend(runs[-1][2])
                runs[-1][2].clear()
            current = [item[0], [item[1].strip()], []]
            indent = len(line) - len(line.lstrip())
            runs[-1][1].append(current)
        elif sub and current is not None and to_ascii_digits(sub.group(1)) == to_ascii_digits(current[0]):
            current[2].append([line.strip(), sub.group(3).strip()])
        elif current is not None and line.strip():
            (current[2][-1] if current[2] else current[1]).append(line.strip())
    return runs


_BULLET_RE = re.compile(r"^\s*[-–•●▪◦*]\s*(\S.*)$")


def _bulleted(lines: list[str]) -> list[tuple[int, list[list], list[str]]]:
    """Every run of bulleted paragraphs (``- ให้…``), numbered 1, 2, 3 … in order: some
    offices list the orders with dashes instead of numbers."""
    runs: list[tuple[int, list[list], list[str]]] = []
    current: list | None = None
    for i, line in enumerate(lines):
        if CLOSING_RE.match(line) or item_start(line):
            current = None
            continue
        bullet = _BULLET_RE.match(line)
        if bullet:
            if current is None:
                runs.append((i, [], []))
            current = [str(len(runs[-1][1]) + 1), [bullet.group(1).strip()], []]
            runs[-1][1].append(current)
        elif current is not None and line.strip():
            current[1].append(line.strip())
    return runs


def joined_lines(parts: list[str]) -> str:
    """Lines of a paragraph as one text: Thai wraps between words and writes no space there."""
    out = ""
    for part in parts:
        if out and not (_thai(out[-1]) and _thai(part[0])):
            out += " "
        out += part
    return out


def _thai(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e4e"


def _is_place(text: str, start: int, places: list[tuple[int, int]]) -> bool:
    before = text[max(0, start - 20): start]
    wider = text[max(0, start - 60): start]
    if _PLACE_BEFORE_RE.search(before) or _RECIPIENT_BEFORE_RE.search(wider) or _AT_PLACE_RE.search(wider):
        return True
    joined = _JOINED_BEFORE_RE.search(before)
    return bool(joined and places and places[-1][1] >= start - len(joined.group(0)) - 1)


def assignees(text: str, index: AgencyIndex) -> list[tuple[str, str | None]]:
    """(raw name, role) of the agencies a sentence assigns work to."""
    clause = _Clause(text, index)
    found: list[tuple[str, str | None, int, int]] = []
    places: list[tuple[int, int]] = []
    triggers = [m.span() for m in _TRIGGER_RE.finditer(text)]
    inside = {at for start, end in triggers for at in range(start + 1, end)}
    # A head inside a trigger word or right after a leading vowel is inside a word: ``มอบหมายปภ.…``
    # and ``ให้ปภ.…`` name ปภ., not ``หมายปภ.`` or ``ห้ปภ.``.
    heads = {m.start() for m in genre.HEAD_RE.finditer(text)
             if m.start() not in inside and (not m.start() or text[m.start() - 1] not in LEADING_VOWELS)}
    starts = sorted({end for _, end in triggers} | heads | {0})
    taken = 0
    for pos in starts:
        if pos < taken or pos >= len(text) or text[pos].isspace():
            continue
        strong = clause._strong_name(pos)
        if not strong and not clause._named_at(pos):
            continue
        end = clause._read_name(pos, clause._starts_name(pos))
        bare = None if strong else _BARE_OFFICE_RE.match(text, pos, end)
        if bare and not genre.PROVINCE_RE.match(text, bare.end() - len("จังหวัด")):
            strong, end = True, bare.end()
        if not strong and not _ROLE_AFTER_RE.match(text, end):
            end = _coordinated(text, pos, end, found) or _ordered(text, pos, end)
            if not end:
                continue  # a name that is not surely one counts only when a role is said of it
        elif not strong:
            end = _before_a_verb(text, pos, end)  # "ประสานกรมชลประทานเพื่อขอรับ…สนับสนุน"
        taken = end
        name = text[pos:end].strip()
        if _is_place(text, pos, places) or _PROVINCE_ONLY_RE.fullmatch(name) or name.startswith(_NOT_ASSIGNEES):
            places.append((pos, end))
            continue
        found.append((name, _role(text, pos, end, found), pos, end))
    return [(name, role) for name, role, _, _ in found]


def _coordinated(text: str, pos: int, end: int, found: list) -> int:
    """Where the name at ``pos`` ends when it is a partner the lead is told to work with,
    else 0: a district or local body after ``ประสาน / ร่วมกับ / โดยมี``, or joined by ``และ``
    to one so named (``…ประสานอำเภอแก่งหางแมวและอำเภอสอยดาว เฝ้าระวัง…``); any other name
    right after those words (``โดยมี ฝ่ายปกครอง และ…``). Such a partner supports the order
    though its name ends at no province; the name must end where a word plainly does (a
    space, ``และ``), or before a verb glued on, lest the verb be read as part of it."""
    before = text[max(0, pos - 20): pos]
    joiner = _TRAILING_JOINER_RE.search(text, pos, end)  # "ฝ่ายปกครองและ สสจ.…": a PDF lost the space
    end = joiner.start() if joiner else end
    if not _LOCAL_UNIT_RE.match(text, pos):  # any other name: said right after the partner word
        plain = (joiner or _NAME_END_RE.match(text, end)) and end - pos <= 40 and _before_a_verb(text, pos, end) == end
        return end if plain and _SUPPORT_BEFORE_RE.search(before) else 0
    capital = _CAPITAL_DISTRICT_RE.match(text, pos)
    cut = capital.end() if capital else _before_a_verb(text, pos, end)
    if cut == end and (not (joiner or _NAME_END_RE.match(text, end)) or end - pos > 40):
        return 0
    end = cut
    if _SUPPORT_BEFORE_RE.search(before):
        return end
    joined = _JOINED_BEFORE_RE.search(before)
    if joined and found and found[-1][1] == "support" and found[-1][3] >= pos - len(joined.group(0)) - 1:
        return end
    return 0


def _ordered(text: str, pos: int, end: int) -> int:
    """Where the name at ``pos`` ends when the order is given to it (``ให้โรงพยาบาลสันทราย
    ร่วมกับ…``, ``ขอให้ ศูนย์ดำรงธรรม…``), else 0: the name right after ``ให้ / ขอให้ / มอบหมาย``,
    more than a bare head word, ending plainly or before a verb glued on."""
    if not _ORDER_BEFORE_RE.search(text[max(0, pos - 12): pos]):
        return 0
    cut = _before_a_verb(text, pos, end)
    head = genre.HEAD_RE.match(text, pos)
    plain = cut < end or genre.GLUED_PREDICATE_RE.match(text, end) or _NAME_END_RE.match(text, end)
    # A short form alone ("ให้ ปศจ. เฝ้าระวัง…") is a whole name, where a bare head word is not.
    whole = head and (head.end() < cut or genre.ABBREVIATION_RE.fullmatch(text, pos, cut))
    return cut if plain and whole and cut - pos <= 40 else 0


def _before_a_verb(text: str, pos: int, end: int) -> int:
    """``อำเภอท่าใหม่จัดงาน…``: the name ends before the first word (after its own first, or
    after a unit's place name's first) that begins a duty, cut at the dictionary's word
    boundaries."""
    unit = _LOCAL_UNIT_RE.match(text, pos)
    head = unit.end() - 1 if unit else pos
    at = head
    for n, word in enumerate(segment(text[head:end])):
        if n and (genre.PREDICATE_RE.match(text, at) or _UNIT_DUTY_RE.match(text, at)):
            return at
        at += len(word)
    return end


def _role(text: str, start: int, end: int, found: list) -> str | None:
    after = text[end:end + 40]
    if genre.LEAD_VERBAL_RE.match(after.lstrip()) or genre.LEAD_PAREN_RE.match(after.lstrip()):
        _spread(found, start, text, "lead")
        return "lead"
    if _SUPPORT_AFTER_RE.match(after):
        _spread(found, start, text, "support")
        return "support"
    before = text[max(0, start - 20): start]
    if _SUPPORT_BEFORE_RE.search(before):
        return "support"
    if _JOINED_BEFORE_RE.search(before) and found and found[-1][3] >= start - 8:
        return found[-1][1] if found[-1][1] == "support" else None
    return None


def _spread(found: list, start: int, text: str, role: str) -> None:
    """``A และ B เป็นหน่วยงานหลัก``: the role said after a group is every member's."""
    at = start
    for k in range(len(found) - 1, -1, -1):
        name, old, s, e = found[k]
        if not re.fullmatch(r"\s*(?:และ|,|หรือ)?\s*", text[e:at]):
            break
        found[k] = (name, old or role, s, e)
        at = s


def role_cell(named: list[tuple[str, str | None]]) -> str:
    """An agencies cell with each role marked as a letter's table would mark it."""
    return "\n".join(f"{n} (หน่วยงานหลัก)" if r == "lead" else f"{n} (สนับสนุน)" if r == "support" else n
                     for n, r in named)


def prose_rows(lines: list[str], index: AgencyIndex) -> tuple[int, list[list], str] | None:
    """(first line, rows, the paragraph after the list or "") of the numbered run that names
    the most assignees (a bulleted run when no numbered one names any); a row is [seq, text,
    agencies cell with roles marked, due cell, sub-points]."""
    return _best_run(_numbered(lines), index) or _best_run(_bulleted(lines), index)


def _best_run(runs: list[tuple[int, list[list], list[str]]], index: AgencyIndex) -> tuple[int, list[list], str] | None:
    best = None
    for start, paragraphs, note in runs:
        rows = []
        for seq, text_lines, subs in paragraphs:
            text = " ".join([joined_lines(text_lines), *(joined_lines(sub[:1] + sub[2:]) for sub in subs)])
            whole = " ".join([joined_lines(text_lines), *(joined_lines(sub[1:]) for sub in subs)])
            cell = role_cell(assignees(whole, index))
            rows.append([seq, text, cell, "", tuple(joined_lines(sub[1:]) for sub in subs)])
        score = sum(1 for row in rows if row[2])
        if score and (best is None or score > best[2]):
            best = (start, rows, score, joined_lines(note))
    if best is None:
        return None
    return best[0], best[1], best[3]
