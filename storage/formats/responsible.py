"""Read a "responsible agencies" cell into agency names with their roles.

A cell is a list of clauses (bullets ``-``, numbers ``๑)``, new lines, ``;``). Each clause
names one or more agencies — separated by spaces, commas or ``และ`` (glued or not) — and
may end in a role predicate: ``เป็นหน่วยงานหลักในการ…`` / ``เป็นกลไกหลัก…`` (lead),
``สนับสนุนการปฏิบัติ`` (support), ``ในฐานะ…`` or any duty (no role). ``(หน่วยงานหลัก)``
marks the name just before it; ``หน่วยงานหลัก:`` the names after it.

Where a name ends is decided by the genre: at ``จังหวัด<province>``, after ``ทุก<unit>``,
before ``และ``/``กับ`` + the head of another name (``สำนักงาน…``, ``อำเภอ…``), before a
role or duty phrase, or at a space unless what follows is ``(ย่อ.)`` or ``จังหวัด…``.
A known agency (board names and aliases) is taken whole, so its own ``และ`` is safe.
"""

from __future__ import annotations

import re

from storage.formats import genre
from storage.formats.agencies import AgencyIndex, clean_text

_CLAUSE_SPLIT_RE = re.compile(
    r"\n|;|(?:^|(?<=\s))[-–—•●▪○◦*·](?=\s|[ก-๛])|(?:^|(?<=\s))\(?[0-9๐-๙]{1,2}[.)](?=\s|[ก-๛])"
)
_SEPARATORS = ",，、/"
_ROLE_WORD_RE = re.compile(r"หน่วยงาน\s?(?:หลัก|สนับสนุน|ร่วม)|(?:หน่วยงาน|ส่วนราชการ)\s?ที่เกี่ยวข้อง")
_DUTY_RE = re.compile(r"(?:การ|ใน|ของ|ตาม|เพื่อ|ทั้ง|แต่|หาก|กรณี|ทุก(?!อำเภอ|แห่ง|ส่วน)|อย่าง|จน|ถึง|แล้ว|และ(?:ให้|จัด|ราย)|"
                      r"ภายใน|ก่อน|ไม่|ได้|ซึ่ง|โดย|พร้อม|จำนวน|ตั้งแต่|สำหรับ)")
"""Words a duty or a condition begins with (never an agency)."""
_NUMBERED_PART_RE = re.compile(r"(?:เขต|ภาค|สาขา|ที่|ส่วน|กลุ่ม)\s?[0-9๐-๙]{1,3}(?![0-9๐-๙])")
_PROVINCE_ONLY_RE = re.compile(rf"(?:{'|'.join(sorted(genre.PROVINCES, key=len, reverse=True))})")
_BARE_PROVINCE_END_RE = re.compile(rf"(?<=[ก-๛])(?:{'|'.join(sorted(genre.PROVINCES, key=len, reverse=True))})$")
_ABBR_PROVINCE_RE = re.compile(rf"{genre.ABBREVIATION}\s?(?:{'|'.join(sorted(genre.PROVINCES, key=len, reverse=True))})")
"""A short form and a bare province: ``ปภ.พัทลุง``, ``อบจ.ตรัง``."""
_ENDS_IN_PROVINCE_RE = re.compile(rf"(?:{'|'.join(sorted(genre.PROVINCES, key=len, reverse=True))})$")
_PLACE_AFTER_NUMBER_RE = re.compile(
    rf"(?:สาขา|ประจำจังหวัด|จังหวัด)?\s?(?:{'|'.join(sorted(genre.PROVINCES, key=len, reverse=True))})"
    r"|สาขา[ก-๙]+?(?=\s|$|[,(]|อำเภอ|สำนักงาน|จังหวัด|เป็น)")
"""What goes on after a region number: ``… เขต 1 ปทุมธานี``, ``…ที่ 5 สาขาสุราษฎร์ธานี``."""
_ENDS_WITH_PART_RE = re.compile(r"(?:เขต|ภาค|สาขา|ที่|ส่วน|กลุ่ม)$")
_NUMBER_RUN_RE = re.compile(r"[0-9๐-๙]{1,3}(?![0-9๐-๙])")
_RESUME_RE = re.compile(rf"[{_SEPARATORS}]\s*(?:และ|ร่วมกับ)?\s*|\s+(?:และ|โดยมี|ร่วมกับ|รวมทั้ง|ตลอดจน)?\s*|(?:และ|โดยมี|ร่วมกับ)\s*")
"""Where names may start again after a duty: a separator, a space, และ, โดยมี, ร่วมกับ."""


_EVERY_SPLIT_RE = re.compile(r"(?<=ทุก)\s+(?=(?:อำเภอ|ส่วนราชการ|หน่วยงาน|แห่ง|ตำบล|หมู่บ้าน|ภาคส่วน|องค์กร|จังหวัด)(?![ก-๛]))")
"""``ทุก ส่วนราชการ``: a line wrapped after ทุก (a PDF's paragraph) — one name, never two."""


def split_clauses(cell: str) -> list[str]:
    """The bullet/line/numbered clauses of a cell, stripped, empties dropped."""
    text = _EVERY_SPLIT_RE.sub("", clean_text(cell))
    return [part.strip() for part in _CLAUSE_SPLIT_RE.split(text) if part and part.strip()]


class _Clause:
    """Left-to-right reader of one clause."""

    def __init__(self, text: str, index: AgencyIndex) -> None:
        self.text = text
        self.index = index
        self.found: list[list] = []  # [raw name, role or None]
        self.leftovers: list[str] = []

    def _starts_name(self, pos: int) -> int:
        """Length of a known name at pos, -1 for a head word, 0 for neither."""
        known = self.index.prefix_length(self.text[pos:])
        if known:
            return known
        return -1 if genre.HEAD_RE.match(self.text, pos) else 0

    def _strong_name(self, pos: int) -> bool:
        """A name that is surely one (known, or complete: ends at a province or ทุก<unit>)
        starts at ``pos``: safe to resume reading names in the middle of a duty."""
        known = self._starts_name(pos)
        if known > 0:
            return True
        if not known:
            return False
        run_end = pos
        while run_end < len(self.text) and not (self.text[run_end].isspace() or self.text[run_end] in _SEPARATORS):
            run_end += 1
        end, complete = self._first_cut(pos, run_end)
        name = self.text[pos:end]
        if genre.PREDICATE_RE.match(self.text, pos) or _ROLE_WORD_RE.match(name):
            return False
        if not complete:  # "แขวงทางหลวงแพร่ และ…", "ปภ.พัทลุง และ…": a head or a short form and a
            # bare province, then a space or a joiner
            ends = bool(_BARE_PROVINCE_END_RE.search(name) or _ABBR_PROVINCE_RE.fullmatch(name))
            return ends and (end >= len(self.text) or self.text[end] in " ,")
        return bool(genre.PROVINCE_RE.search(name) or genre.EVERY_RE.search(name))

    def _named_at(self, pos: int) -> bool:
        """A name starts at ``pos`` (known, or a head word that is not a duty or a role word)."""
        return bool(self._starts_name(pos)) and not genre.PREDICATE_RE.match(self.text, pos) \
            and not _ROLE_WORD_RE.match(self.text, pos)

    def _skip_predicate(self, pos: int) -> tuple[int, bool]:
        """(where the duty or role phrase starting at ``pos`` ends, whether names follow).

        A duty runs to the clause end, or to a comma or a space after which another name
        starts — ``…เป็นหน่วยงานหลัก อำเภอทุกอำเภอ``, ``… และอำเภอทุกอำเภอ``,
        ``… โดยมีอำเภอทุกอำเภอสนับสนุน``: after a space or a comma any name, glued on
        (``…หลักและอำเภอทุกอำเภอ``) only a name that is surely one.
        """
        if pos < len(self.text) and self._strong_name(pos):
            return pos, True  # "…เป็นหน่วยงานหลักอำเภอทุกอำเภอ": a wrap took the space away
        for m in _RESUME_RE.finditer(self.text, pos):
            after = m.end()
            if after >= len(self.text) or after <= pos:
                continue
            spaced = bool(set(m.group()) & set(_SEPARATORS)) or m.group()[:1].isspace()
            if (spaced and self._named_at(after)) or self._strong_name(after):
                return after, True
        return len(self.text), False

    def _first_cut(self, start: int, run_end: int) -> tuple[int, bool]:
        """Where a name starting at ``start`` ends inside its run; True when it is complete."""
        t = self.text
        every = genre.EVERY_RE.match(t, start)
        if every and every.end() <= run_end:  # "ทุกส่วนราชการ" is a name of its own
            return every.end(), True
        cuts: list[tuple[int, bool]] = []
        for regex in (genre.PROVINCE_RE, genre.EVERY_RE):
            m = regex.search(t, start + 1, run_end)
            if m:
                cuts.append((m.end(), True))
        for regex in (genre.GLUED_PREDICATE_RE, genre.LEAD_PAREN_RE, genre.SUPPORT_PAREN_RE):
            m = regex.search(t, start + 1, run_end)
            if m:
                cuts.append((m.start(), True))
        for m in genre.SUPPORT_VERBAL_RE.finditer(t, start + 1, run_end):
            # "เทศบาลนครนครราชสีมาสนับสนุน", "…โรงพยาบาลสรรพสิทธิประสงค์สนับสนุน" (no name ends in it)
            if _ENDS_IN_PROVINCE_RE.search(t, start, m.start()) or m.end() == run_end:
                cuts.append((m.start(), True))
                break
        for m in genre.JOINER_RE.finditer(t, start + 1, run_end):
            if self._starts_name(m.end()):
                cuts.append((m.start(), True))
                break
        return min(cuts) if cuts else (run_end, False)

    def _extend(self, start: int, end: int) -> int:
        """Carry a name over spaces into ``(กรอ.)`` and ``จังหวัดระยอง`` qualifiers."""
        t = self.text
        while True:
            nxt = end
            while nxt < len(t) and t[nxt].isspace():
                nxt += 1
            if nxt == end or nxt >= len(t):
                return end
            if t[nxt] == "(" and not (genre.LEAD_PAREN_RE.match(t, nxt) or genre.SUPPORT_PAREN_RE.match(t, nxt)):
                close = t.find(")", nxt)
                if close < 0 or close - nxt > 40:
                    return end
                end = close + 1
                continue
            m = _NUMBERED_PART_RE.match(t, nxt) or (
                _NUMBER_RUN_RE.match(t, nxt) if _ENDS_WITH_PART_RE.search(t, start, end) else None)
            if m:  # "สำนักงานเขตพื้นที่การศึกษา… เขต 1", "มณฑลทหารบกที่ 14"
                end = m.end()
                after = end
                while after < len(t) and t[after] == " ":
                    after += 1
                place = _PLACE_AFTER_NUMBER_RE.match(t, after)
                if place:  # "ศูนย์อนามัยที่ 1 เชียงใหม่", "… เขต 1 ปทุมธานี": the place is the name's
                    end = place.end()
                continue
            m = genre.EVERY_RE.match(t, nxt)
            if m:  # "อปท. ทุกแห่ง"
                return m.end()
            m = genre.PROVINCE_RE.match(t, nxt)
            if m and not genre.PROVINCE_RE.search(t, start, end):
                return m.end()
            m = _PROVINCE_ONLY_RE.match(t, nxt)
            if m and t[start:end].endswith("จังหวัด"):  # "สำนักงานคลังจังหวัด ชลบุรี" (a wrapped line)
                return m.end()
            return end

    def _read_name(self, pos: int, known: int) -> int:
        if known > 0:
            end = self._extend(pos, pos + known)
        else:
            run_end = pos
            t = self.text
            while run_end < len(t) and not (t[run_end].isspace() or t[run_end] in _SEPARATORS):
                run_end += 1
            end, complete = self._first_cut(pos, run_end)
            if not complete:
                end = self._extend(pos, end)
        self.found.append([self.text[pos:end], None])
        return end

    def _apply(self, role: str, names: list[list]) -> None:
        for entry in names:
            if entry[1] is None:
                entry[1] = role

    def read(self) -> list[list]:
        t, pos, free, since = self.text, 0, True, 0
        prefix_role = None
        for regex, role in ((genre.LEAD_PREFIX_RE, "lead"), (genre.SUPPORT_PREFIX_RE, "support")):
            m = regex.match(t)
            if m:
                prefix_role, pos = role, m.end()
        while pos < len(t):
            if t[pos].isspace():
                pos += 1
                continue
            if t[pos] in _SEPARATORS:
                pos, free = pos + 1, True
                continue
            pos, free, since = self._step(pos, free, since)
        if prefix_role:
            self._apply(prefix_role, self.found)
        return self.found

    def _step(self, pos: int, free: bool, since: int) -> tuple[int, bool, int]:
        t = self.text
        for regex, role in ((genre.LEAD_PAREN_RE, "lead"), (genre.SUPPORT_PAREN_RE, "support")):
            m = regex.match(t, pos)
            if m:
                if self.found:
                    self.found[-1][1] = self.found[-1][1] or role
                return m.end(), free, since
        for regex, role in ((genre.LEAD_VERBAL_RE, "lead"), (genre.SUPPORT_VERBAL_RE, "support")):
            m = regex.match(t, pos)
            if m:
                self._apply(role, self.found[since:])
                end, resumed = self._skip_predicate(m.end())
                self._note_leftover(m.end(), end)
                return end, resumed, len(self.found)
        m = genre.JOINER_RE.match(t, pos)
        if m and (self._starts_name(m.end()) or (m.end() < len(t) and t[m.end()].isspace())):
            return m.end(), True, since
        known = self._starts_name(pos)
        if known or (free and not genre.PREDICATE_RE.match(t, pos)):
            return self._read_name(pos, known), False, since
        end, resumed = self._skip_predicate(pos)
        return end, resumed, since

    def _note_leftover(self, start: int, end: int) -> None:
        """Text after a role phrase and a space that is neither a duty nor a name read:
        ``…เป็นหน่วยงานหลัก สหกรณ์การเกษตร`` — it looks like an agency, so say so."""
        gap = self.text[start:end]
        head = gap.lstrip()
        if not head or len(head) == len(gap) or not "\u0e01" <= head[0] <= "\u0e2e":
            return
        if genre.PREDICATE_RE.match(head) or _DUTY_RE.match(head):
            return
        self.leftovers.append(head.split()[0][:40])


def read_agencies(cell: str, index: AgencyIndex | None = None,
                  leftovers: list[str] | None = None) -> list[tuple[str, str | None]]:
    """(raw name, role) for every agency named in ``cell``; role None where none is marked.

    Text that looks like an agency but was not read as one is added to ``leftovers``.
    """
    index = index or AgencyIndex()
    found: list[tuple[str, str | None]] = []
    for clause in split_clauses(cell):
        reader = _Clause(clause, index)
        for name, role in reader.read():
            if name.strip():
                found.append((name, role))
        if leftovers is not None:
            leftovers.extend(reader.leftovers)
    return found
