"""Thai Buddhist-Era dates: parse and format ``๓๐ ก.ย. ๒๕๖๕``, ``30 กันยายน 2565``, ``30 ก.ย. 65``.

Letters write dates as day, Thai month (full or abbreviated, with or without dots) and a
B.E. year of 4 or 2 digits, in Thai or ASCII digits. B.E. = C.E. + 543; a 2-digit year
means 25xx B.E. (1957–2056 C.E.), which is how officers abbreviate (``๖๕`` = 2565).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Iterator, Literal

from storage.thai.digits import to_ascii_digits, to_thai_digits

BE_OFFSET = 543

MONTHS_LONG = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)

_DIGIT = "[0-9๐-๙]"


def _short_pattern(abbr: str) -> str:
    # "ก.ย." also appears as "ก.ย", "กย.", "ก. ย." in extracted text: dots and one space optional.
    letters = [part for part in abbr.split(".") if part]
    return r"\.?\s?".join(re.escape(p) for p in letters) + r"\.?"


def _month_alternatives() -> list[tuple[str, int]]:
    alts = [(re.escape(name), i + 1) for i, name in enumerate(MONTHS_LONG)]
    # Colloquial/short spellings seen in letters ("ก.ย" without the final dot is covered above).
    alts += [(re.escape(n), m) for n, m in (("กุมภา", 2), ("มีนา", 3), ("เมษา", 4), ("พฤษภา", 5),
                                              ("มิถุนา", 6), ("กรกฎา", 7), ("สิงหา", 8), ("กันยา", 9),
                                              ("ตุลา", 10), ("พฤศจิกา", 11), ("ธันวา", 12), ("มกรา", 1))]
    alts += [(_short_pattern(abbr), i + 1) for i, abbr in enumerate(MONTHS_SHORT)]
    return alts


_MONTH_ALTS = _month_alternatives()
_MONTH_GROUPS = "|".join(f"(?P<m{i}>{pat})" for i, (pat, _) in enumerate(_MONTH_ALTS))
_MONTH = f"(?:{_MONTH_GROUPS})"
_YEAR = rf"(?:(?:พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)\s*)?(?P<year>{_DIGIT}{{4}}|{_DIGIT}{{2}})(?!{_DIGIT})"

# The patterns are compiled on first use, not at import: the month alternation makes them
# ~25 ms to compile, and the board and `board list` only format dates (issue 11).
_PATTERNS = {
    "MONTH_RE": (_MONTH, 0),
    "DATE_RE": (rf"(?<!{_DIGIT})(?P<day>{_DIGIT}{{1,2}})\s*{_MONTH}\s*{_YEAR}", 0),
    "MONTH_YEAR_RE": (rf"{_MONTH}\s*{_YEAR}", 0),
    "DAY_MONTH_RE": (rf"(?<!{_DIGIT})(?P<day>{_DIGIT}{{1,2}})\s*{_MONTH}(?![ก-ฮะ-์])(?![.\s]*{_YEAR})", 0),
    "_NUMERIC_RE": (rf"(?<!{_DIGIT})(?P<day>{_DIGIT}{{1,2}})\s*[/.-]\s*(?P<month>{_DIGIT}{{1,2}})\s*[/.-]\s*"
                    rf"(?P<year>{_DIGIT}{{4}}|{_DIGIT}{{2}})(?!{_DIGIT})", 0),
    "_ISO_RE": (r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[T ][0-9:.]+)?", 0),
    "_PREFIX_RE": (r"^\s*(?:วัน(?:ที่)?|ลงวันที่|ณ\s*วันที่)\s*", 0),
}
"""``DATE_RE``: a Thai date with a month name inside running text; ``MONTH_YEAR_RE``: a month
and year without a day (``เดือนกันยายน ๒๕๖๕``); ``DAY_MONTH_RE``: a day and month without a year
(``๓๑ ธ.ค. นี้``); ``MONTH_RE``: a month name alone."""


@cache
def _compiled(name: str) -> re.Pattern[str]:
    pattern, flags = _PATTERNS[name]
    return re.compile(pattern, flags)


def __getattr__(name: str) -> re.Pattern[str]:
    """``dates.DATE_RE`` and the other patterns, compiled when first asked for (PEP 562)."""
    if name in _PATTERNS:
        return _compiled(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _month_of(match: re.Match[str]) -> int:
    for i, (_, month) in enumerate(_MONTH_ALTS):
        if match.group(f"m{i}") is not None:
            return month
    raise ValueError("no month group matched")  # pragma: no cover - the regex guarantees one


def gregorian_year(year_text: str) -> int:
    """A written year as C.E.: 4-digit B.E. (≥ 2400), 4-digit C.E., or 2-digit B.E. (25xx)."""
    year = int(to_ascii_digits(year_text))
    if len(year_text) == 2:
        return 2500 + year - BE_OFFSET
    return year - BE_OFFSET if year >= 2400 else year


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_match(match: re.Match[str]) -> date | None:
    return _make(gregorian_year(match.group("year")), _month_of(match), int(to_ascii_digits(match.group("day"))))


def parse_thai_date(text: str) -> date | None:
    """The date ``text`` consists of, or None. Accepts an optional ``วันที่`` prefix.

    Also reads numeric ``30/9/2565`` (B.E. or C.E. year) and ISO ``2022-09-30``, which
    sheets use in deadline columns.
    """
    if not isinstance(text, str):
        return None
    body = _compiled("_PREFIX_RE").sub("", text.strip()).strip()
    for name in ("DATE_RE", "_NUMERIC_RE", "_ISO_RE"):
        match = _compiled(name).fullmatch(body)
        if match is None:
            continue
        if name == "DATE_RE":
            return _from_match(match)
        month = int(to_ascii_digits(match.group("month")))
        day = int(to_ascii_digits(match.group("day")))
        year = gregorian_year(match.group("year")) if name == "_NUMERIC_RE" else int(match.group("year"))
        return _make(year, month, day)
    return None


def find_thai_dates(text: str) -> Iterator[tuple[int, int, date]]:
    """Every valid month-name date in running text as (start, end, date)."""
    for match in _compiled("DATE_RE").finditer(text):
        found = _from_match(match)
        if found is not None:
            yield match.start(), match.end(), found


def find_days_of_months(text: str) -> Iterator[tuple[int, int, int, int]]:
    """Every day-and-month without a year in running text as (start, end, month, day)."""
    for match in _compiled("DAY_MONTH_RE").finditer(text):
        day = int(to_ascii_digits(match.group("day")))
        if 1 <= day <= 31:
            yield match.start(), match.end(), _month_of(match), day


def find_month_ends(text: str) -> Iterator[tuple[int, int, date]]:
    """Month-and-year mentions (``กันยายน ๒๕๖๕``) as the month's last day."""
    for match in _compiled("MONTH_YEAR_RE").finditer(text):
        year, month = gregorian_year(match.group("year")), _month_of(match)
        if 1 <= year <= 9999:
            yield match.start(), match.end(), date(year, month, _month_days(year, month))


def format_thai_date(
    d: date,
    *,
    style: Literal["short", "long"] = "short",
    digits: Literal["thai", "ascii"] = "thai",
) -> str:
    """``๓๐ ก.ย. ๖๕`` (short) or ``๓๐ กันยายน ๒๕๖๕`` (long); ASCII digits on request."""
    year = d.year + BE_OFFSET
    if style == "long":
        text = f"{d.day} {MONTHS_LONG[d.month - 1]} {year}"
    else:
        text = f"{d.day} {MONTHS_SHORT[d.month - 1]} {year % 100:02d}"
    return to_thai_digits(text) if digits == "thai" else text


# -- dates typed by an officer (forms and the CLI) ------------------------------------------

MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december")

TYPED_YEARS = (1900, 2200)
"""C.E. years a typed date may fall in; anything else is a mistyped year, not a deadline."""


class DateInputError(ValueError):
    """A typed date that is not a date. ``key`` names the catalog text, ``params`` fill it
    (``month`` and ``year`` as numbers, C.E.: the interface words them in its language)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


_TYPED_MONTH = rf"(?P<mname>{_MONTH}|[A-Za-z]{{3,9}}\.?)"
_TYPED_YEAR = r"(?:(?P<era>พ\.?\s?ศ\.?|ค\.?\s?ศ\.?|B\.?E\.?|A\.?D\.?|C\.?E\.?)\s*)?(?P<year>[0-9๐-๙]+)"
_PATTERNS.update({
    "_TYPED_ISO": (rf"(?P<year>[0-9๐-๙]{{4}})\s*-\s*(?P<month>[0-9๐-๙]{{1,2}})\s*-\s*(?P<day>[0-9๐-๙]{{1,2}})", 0),
    "_TYPED_NUMERIC": (rf"(?P<day>[0-9๐-๙]{{1,2}})\s*[/.-]\s*(?P<month>[0-9๐-๙]{{1,2}})"
                       rf"(?:\s*[/.-]\s*{_TYPED_YEAR})?", 0),
    "_TYPED_NAMED": (rf"(?P<day>[0-9๐-๙]{{1,2}})\s*{_TYPED_MONTH}(?:\s*{_TYPED_YEAR})?", re.IGNORECASE),
})
_TYPED = ("_TYPED_ISO", "_TYPED_NUMERIC", "_TYPED_NAMED")


def _typed_month(match: re.Match[str]) -> int:
    """The month number of a numeric or named month (0 when the name is unknown)."""
    if match.groupdict().get("month"):
        return int(to_ascii_digits(match.group("month")))
    name = match.group("mname")
    thai = _compiled("MONTH_RE").fullmatch(name)
    if thai is not None:
        return _month_of(thai)
    word = name.rstrip(".").lower()
    return next((i + 1 for i, full in enumerate(MONTHS_EN) if len(word) >= 3 and full.startswith(word)), 0)


def _typed_year(match: re.Match[str], today: date | None) -> int | None:
    """The C.E. year: 4 digits ≥ 2400 are B.E., other 4 digits C.E., 2 digits B.E. 25xx
    (``ค.ศ. 25`` is 2025); None when no year was typed."""
    text = match.groupdict().get("year")
    if not text:
        if today is None:
            raise DateInputError("edits.date_needs_year")
        return None
    year, era = int(to_ascii_digits(text)), (match.groupdict().get("era") or "").replace(" ", "").replace(".", "")
    if len(text) == 2:
        return 2000 + year if era in ("คศ", "AD", "CE", "ad", "ce") else 2500 + year - BE_OFFSET
    if len(text) != 4:
        raise DateInputError("edits.date_unreadable", text=match.group(0))
    if era in ("พศ", "BE", "be") or (not era.strip() and year >= 2400):
        return year - BE_OFFSET
    return year


def parse_typed_date(text: str, today: date | None = None, *, not_before: date | None = None) -> date:
    """A date as an officer types it: ``30/9/2568``, ``30 ก.ย. 68``, ``๓๐ กันยายน ๒๕๖๘``,
    ``2025-09-30``, ``30 Sep 2025``; B.E. and C.E. are told apart by the year (≥ 2400 is
    B.E., two digits are B.E. 25xx). Without a year (``30 ก.ย.``): the first such day on or
    after ``not_before`` (a due date after its letter's date), else in the year of ``today``.

    Raises DateInputError (a catalog key and its parameters) for text that is not a date
    and for a day the month does not have (``31 ก.พ. 68``), never guessing another day.
    """
    body = _compiled("_PREFIX_RE").sub("", " ".join(str(text).split())).strip()
    if not body:
        raise DateInputError("edits.date_empty")
    for name in _TYPED:
        match = _compiled(name).fullmatch(body)
        if match is not None:
            return _typed_from(match, today, not_before)
    raise DateInputError("edits.date_unreadable", text=body)


def _typed_from(match: re.Match[str], today: date | None, not_before: date | None) -> date:
    month, day = _typed_month(match), int(to_ascii_digits(match.group("day")))
    if month == 0:
        raise DateInputError("edits.date_unreadable", text=match.group(0))
    if not 1 <= month <= 12:
        raise DateInputError("edits.date_bad_month", month=month)
    year = _typed_year(match, today)
    if year is None:
        year = _year_of(month, day, today, not_before)
    if not TYPED_YEARS[0] <= year <= TYPED_YEARS[1]:
        raise DateInputError("edits.date_year_range", year=match.group("year"))
    days = _month_days(year, month)
    if not 1 <= day <= days:
        raise DateInputError("edits.date_no_such_day", day=day, month=month, year=year, days=days)
    return date(year, month, day)


def _month_days(year: int, month: int) -> int:
    """Days in the month. calendar is imported here: every command imports this module (to
    write dates), few read a typed date or a month's end (``find_month_ends``) (issue 11)."""
    import calendar

    return calendar.monthrange(year, month)[1]


def _year_of(month: int, day: int, today: date | None, not_before: date | None) -> int:
    """The year of a day typed without one: on or after ``not_before`` when given."""
    if not_before is None:
        assert today is not None
        return today.year
    for year in range(not_before.year, not_before.year + 8):  # 29 ก.พ. may wait a few years
        if day <= _month_days(year, month) and date(year, month, day) >= not_before:
            return year
    return not_before.year
