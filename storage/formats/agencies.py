"""Agency names: normalise them and match them, so one office is one agency however written.

``normalize_agency`` gives the display form (debris, bullets, role phrases and stray
spaces removed, Thai digits as ASCII); ``agency_key`` a looser form for comparison
(no spaces or dots, ``สนง.`` and ``จ.`` expanded, casefolded). ``AgencyIndex`` matches a
name against the board's known agencies by name, short name and aliases.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from storage.formats import genre
from storage.models import Agency
from storage.thai.digits import to_ascii_digits

_TAG_RE = re.compile(r"<[^>\n]{0,400}>|[<>]")
"""HTML tags pasted along with a letter's text (``<ul style=...>``), and stray brackets."""
_SPACES_RE = re.compile(r"\s+")
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_BULLET_RE = re.compile(r"^(?:[\s\-–—•●▪○◦*·]+|\(?[0-9]{1,2}[.)]\s+)+")
_TRAILING_PUNCT_RE = re.compile(r"[\s,;:，、/\-–—]+$")
_SPACE_BEFORE_PROVINCE_RE = re.compile(r"(?<=[ก-๛])\s+(?=จังหวัด|จ\.)")
_PROVINCES = "|".join(genre.PROVINCES)
_SPACE_IN_PROVINCE_RE = re.compile(rf"(?<=จังหวัด)\s+(?=(?:{_PROVINCES}))")
_GLUED_DISTRICT_RE = re.compile(r"(?<=[ก-๛])\s?เขต\s?([0-9]{1,3})(?![0-9])")
_JO_PROVINCE_RE = re.compile(rf"จ\.\s?(?=(?:{_PROVINCES}))")
_SHORT_PROVINCE_RE = re.compile(rf"(.+\.)({_PROVINCES})")
"""A short form ending in a province (``กรอ.ระยอง``): (abbreviation, province)."""

# Well-known provincial offices and collectives and the short forms officers use.
_SHORT_FORMS = (
    ("สำนักงานจังหวัด", "สนจ."),
    ("สำนักงานพัฒนาชุมชนจังหวัด", "พช."),
    ("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด", "สถ."),
    ("สำนักงานวัฒนธรรมจังหวัด", "วธ."),
    ("สำนักงานพระพุทธศาสนาจังหวัด", "พศ."),
    ("ที่ทำการปกครองจังหวัด", "ปค."),
    ("สำนักงานสาธารณสุขจังหวัด", "สสจ."),
    ("สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัด", "ปภ."),
    ("สำนักงานเกษตรจังหวัด", "กษ."),
    ("สำนักงานพาณิชย์จังหวัด", "พณ."),
    ("สำนักงานแรงงานจังหวัด", "รง."),
    ("สำนักงานการท่องเที่ยวและกีฬาจังหวัด", "กก."),
    ("สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด", "ทสจ."),
    ("สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด", "พมจ."),
    ("สำนักงานศึกษาธิการจังหวัด", "ศธจ."),
    ("สำนักงานประชาสัมพันธ์จังหวัด", "ปชส."),
    ("สำนักงานอุตสาหกรรมจังหวัด", "อก."),
    ("สำนักงานปศุสัตว์จังหวัด", "ปศ."),
    ("องค์การบริหารส่วนจังหวัด", "อบจ."),
)
_COLLECTIVE_SHORT = {
    "องค์กรปกครองส่วนท้องถิ่นทุกแห่ง": "อปท.ทุกแห่ง",
    "องค์กรปกครองส่วนท้องถิ่น": "อปท.",
    "ส่วนราชการทุกส่วนราชการ": "ทุกส่วนราชการ",
    "อำเภอทุกอำเภอ": "ทุกอำเภอ",
    "หน่วยงานรัฐวิสาหกิจ": "รัฐวิสาหกิจ",
}
PROVINCIAL_OFFICES = frozenset(
    {office for office, _ in _SHORT_FORMS}
    | {f"สำนักงาน{word}จังหวัด" for word in genre.OFFICE_WORDS}
    | {f"{word}จังหวัด" for word in genre.OFFICE_WORDS})
"""The provincial offices of the genre without their province (``สำนักงานพาณิชย์จังหวัด``):
every province has one of each, and a province's own letters often leave the province out."""
_COLLECTIVE_FULL = {short: full for full, short in _COLLECTIVE_SHORT.items() if short.startswith(("ทุก", "อปท."))}
_COLLECTIVE_FULL["นายอำเภอทุกอำเภอ"] = "อำเภอทุกอำเภอ"  # the district chiefs: the districts' agency
_PAREN_ABBR_RE = re.compile(r"\(\s*([ก-ฮA-Za-z][ก-๛A-Za-z.]{0,12}\.?)\s*\)")


def clean_text(text: str) -> str:
    """NFC, no HTML tags or zero-width characters, entities decoded (``&amp;`` is ``&``,
    ``&#3585;`` is ``ก``, ``&nbsp;`` a space), ``ํา`` written as ``ำ``."""
    if "<" in text or ">" in text or "&" in text:
        text = html.unescape(_TAG_RE.sub(" ", text))  # tags first: an escaped "&lt;" is text
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u0e4d\u0e32", "\u0e33")
    return _ZERO_WIDTH_RE.sub("", text)


def compact(cell: str) -> str:
    """A table cell's clean text with no whitespace at all: how header labels and a sheet's
    marks are compared (``หน่วยงาน หลัก`` is ``หน่วยงานหลัก``)."""
    return _SPACES_RE.sub("", clean_text(cell or ""))


def _cut_role_phrases(name: str) -> str:
    name = genre.LEAD_PAREN_RE.sub(" ", name)
    name = genre.SUPPORT_PAREN_RE.sub(" ", name)
    name = genre.LEAD_PREFIX_RE.sub("", name)
    name = genre.SUPPORT_PREFIX_RE.sub("", name)
    cuts = [m.start() for m in genre.LEAD_VERBAL_RE.finditer(name) if m.start() > 0]
    cuts += [m.start() for m in re.finditer("ในฐานะ", name) if m.start() > 0]
    for m in genre.SUPPORT_VERBAL_RE.finditer(name):
        before = name[: m.start()]
        # "สนับสนุน" may belong to a name ("ศูนย์สนับสนุน…"): cut only after a complete name.
        if before.strip() and (before.endswith(" ") or _ends_complete(before)):
            cuts.append(m.start())
    return name[: min(cuts)] if cuts else name


def _ends_complete(text: str) -> bool:
    text = text.rstrip()
    return any(m.end() == len(text) for m in genre.PROVINCE_RE.finditer(text)) or any(
        m.end() == len(text) for m in genre.EVERY_RE.finditer(text)
    )


@lru_cache(maxsize=8192)  # pure, and the same names recur on every row
def normalize_agency(name: str) -> str:
    """The display form of an agency name as written in a letter."""
    name = to_ascii_digits(clean_text(name))
    name = _BULLET_RE.sub("", name.strip())
    name = _cut_role_phrases(name)
    name = " ".join(name.split())
    name = re.sub(r"\(\s*", "(", re.sub(r"\s*\)", ")", name))
    name = re.sub(r"(?<=\S)\(", " (", name)
    name = re.sub(r"\)(?=[^\s).,])", ") ", name)
    name = _SPACE_IN_PROVINCE_RE.sub("", _SPACE_BEFORE_PROVINCE_RE.sub("", name))
    name = _GLUED_DISTRICT_RE.sub(r" เขต \1", name)  # "…เชียงใหม่เขต 1" (a wrapped line) → "…เชียงใหม่ เขต 1"
    return _TRAILING_PUNCT_RE.sub("", _BULLET_RE.sub("", name)).strip()


_OFFICE_OF = {abbr.rstrip("."): office for office, abbr in _SHORT_FORMS}
"""A short form's letters (``พช``) → the office (``สำนักงานพัฒนาชุมชนจังหวัด``)."""
_ABBRS = "|".join(map(re.escape, _OFFICE_OF))
_SHORT_FORM_RE = re.compile(rf"(?:สนง\.?)?(?P<abbr>{_ABBRS})\.?(?:จ\.?|จังหวัด)?(?P<province>{_PROVINCES})")
_BARE_SHORT_RE = re.compile(rf"(?:สนง\.?)?(?P<abbr>{_ABBRS})\.?(?:จ\.?|จังหวัด)")
"""A short form marked provincial by its own จ (``ปศจ.``, ``กษ.จ.``) but naming no province: the
letter's province's office (storage/formats/province.py completes it). Without the จ (``ปภ.``,
``ปค.``) the same letters name a department too, and stay as written."""


_NICKNAMES = {office.removeprefix("สำนักงาน").removeprefix("การ").removesuffix("จังหวัด"): office
              for office, _ in _SHORT_FORMS if office.startswith("สำนักงาน") and office != "สำนักงานจังหวัด"}
_NICKNAME_RE = re.compile(
    rf"(?:สนง\.?|สำนักงาน)?(?:การ)?(?P<word>{'|'.join(sorted(_NICKNAMES, key=len, reverse=True))})"
    rf"(?:จ\.|จังหวัด)(?P<province>{_PROVINCES})?")
"""A well-known office called by its nickname (``พาณิชย์จังหวัดตรัง``, ``สนง.ท่องเที่ยวและกีฬาจังหวัด``)."""


@lru_cache(maxsize=8192)
def expand_short(name: str) -> str | None:
    """The full name of a well-known short form (``พช.ระยอง``, ``สนง.พช.จ.ระยอง``, ``ทุกอำเภอ``,
    ``พาณิชย์จังหวัดตรัง``), else None."""
    compact = re.sub(r"\s+", "", normalize_agency(name))
    if compact in _COLLECTIVE_FULL:
        return _COLLECTIVE_FULL[compact]  # "ทุกอำเภอ" → "อำเภอทุกอำเภอ"
    m = _SHORT_FORM_RE.fullmatch(compact)
    bare = None if m else _BARE_SHORT_RE.fullmatch(compact) or _bare_provincial(compact)
    if bare:
        return _OFFICE_OF[bare.group("abbr")]
    if not m:
        nick = _NICKNAME_RE.fullmatch(compact)
        full = _NICKNAMES[nick.group("word")] + (nick.group("province") or "") if nick else None
        return full if full and full != compact else None
    return _OFFICE_OF[m.group("abbr")] + m.group("province")


def _bare_provincial(compact: str) -> re.Match[str] | None:
    """``สสจ.``, ``อบจ.``: a short form whose own last letter is the จ of จังหวัด."""
    m = re.fullmatch(r"(?:สนง\.?)?(?P<abbr>[ก-ฮ]{1,3}จ)\.?", compact)
    return m if m and m.group("abbr") in _OFFICE_OF else None


@lru_cache(maxsize=8192)
def agency_key(name: str) -> str:
    """A comparison key: equal for the same office written with other spacing or short forms."""
    text = expand_short(name) or normalize_agency(name)
    text = re.sub(r"สนง\.?\s?", "สำนักงาน", text)
    text = _JO_PROVINCE_RE.sub("จังหวัด", text)
    return re.sub(r"[\s.]+", "", text).casefold()


def short_name(name: str) -> str:
    """A short form for narrow columns: the letter's own ``(กรอ.)`` or a well-known one."""
    province = genre.PROVINCE_RE.search(name)
    suffix = province.group("province") if province else ""
    paren = _PAREN_ABBR_RE.search(name)
    if paren and not genre.LEAD_PAREN_RE.fullmatch(paren.group(0)):
        abbr = paren.group(1) if paren.group(1).endswith(".") else paren.group(1) + "."
        return abbr + suffix if province and province.start() > paren.start() else abbr
    if name in _COLLECTIVE_SHORT:
        return _COLLECTIVE_SHORT[name]
    for office, abbr in _SHORT_FORMS:
        if province and name == office + suffix:
            return abbr + suffix
    return ""


def _derived_keys(agency: Agency) -> set[str]:
    keys = {agency_key(agency.name)}
    for other in (agency.short, *agency.aliases):
        if other:
            keys.add(agency_key(other))
    # "กรอ.ระยอง" is also written "กรอ.จังหวัดระยอง".
    short = agency.short or short_name(agency.name)
    match = _SHORT_PROVINCE_RE.fullmatch(short or "")
    if match:
        keys.add(agency_key(match.group(1) + "จังหวัด" + match.group(2)))
        keys.add(agency_key(short))
    return keys


class AgencyIndex:
    """Known agencies looked up by any of their spellings."""

    def __init__(self, known: Iterable[Agency] = ()) -> None:
        self._by_key: dict[str, Agency] = {}
        for agency in known:
            for key in _derived_keys(agency):
                self._by_key.setdefault(key, agency)
        # Raw spellings (no spaces) for finding a known name at the start of running text.
        self._spellings = sorted(
            {(re.sub(r"\s+", "", to_ascii_digits(clean_text(s))), a.name)
             for a in known for s in (a.name, a.short, *a.aliases) if len(s or "") >= 4},
            key=lambda pair: len(pair[0]), reverse=True,
        )

    def match(self, name: str) -> Agency | None:
        return self._by_key.get(agency_key(name)) if name else None

    def prefix_length(self, text: str) -> int:
        """Length of the longest known spelling that ``text`` starts with (spaces ignored), or 0."""
        if not self._spellings:
            return 0
        compact, where = [], []
        for i, ch in enumerate(text[:300]):
            if not ch.isspace():
                compact.append(to_ascii_digits(ch))
                where.append(i)
        joined = "".join(compact)
        for spelling, _ in self._spellings:
            if joined.startswith(spelling):
                return where[len(spelling) - 1] + 1
        return 0


def match_agency(name: str, known: Iterable[Agency]) -> Agency | None:
    """The known agency ``name`` refers to (by name, short name or alias), or None."""
    return AgencyIndex(known).match(name)
