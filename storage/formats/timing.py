"""Deadlines and rhythms in directive text.

A due date is a date that follows a deadline word (``ภายในวันที่ ๓๐ กันยายน ๒๕๖๕``,
``ก่อน 1 ต.ค. 65``, ``ภายในเดือนกันยายน 2565``, ``ภายในปีงบประมาณ 2566``) or the content
of a deadline column, where ``-`` means none. A rhythm (``อย่างน้อย ๒ เดือนต่อครั้ง``,
``ทุกเดือน``, ``ทุก 2 สัปดาห์``, ``เดือนละครั้ง``, ``รายไตรมาส``) becomes a normalised Thai
string with ASCII digits plus an ISO-8601 duration for machines (``P2M``).
"""

from __future__ import annotations

import re
from datetime import date

from storage.thai.dates import find_days_of_months, find_month_ends, find_thai_dates, gregorian_year, parse_thai_date
from storage.thai.digits import to_ascii_digits

_NONE_CELLS = {"", "-", "–", "—", "--", "ไม่มี", "ไม่กำหนด", "ไม่ระบุ", "n/a", "na", "none", "ต่อเนื่อง"}
_DEADLINE_TAIL_RE = re.compile(
    r"(?:ภายใน|ก่อน|ไม่เกิน|แล้วเสร็จ|กำหนด(?:ส่ง|เสร็จ)?|จนถึง|ถึง|deadline|by)\s*"
    r"(?:วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)\s*(?:ที่)?|วันที่|เดือน|วัน)?\s*$",
    re.I,
)
_FISCAL_RE = re.compile(r"ภายใน\s*ปีงบประมาณ\s*(?:พ\.?\s?ศ\.?\s*)?([0-9๐-๙]{4})")

_UNITS = {"วัน": "D", "สัปดาห์": "W", "อาทิตย์": "W", "เดือน": "M", "ไตรมาส": "Q", "ปี": "Y"}
_UNIT = "(?P<unit>สัปดาห์|อาทิตย์|ไตรมาส|เดือน|วัน|ปี)"
_N = "(?P<n>[0-9๐-๙]{1,2})"
_LEAST = r"(?P<least>อย่างน้อย\s*)?"
_WEEKDAY = "(?P<day>จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)"
_RHYTHMS = (
    ("day_of_month", re.compile(rf"ทุกวันที่\s*{_N}\s*ของ(?:ทุก)?\s*เดือน")),
    ("day_of_month", re.compile(rf"วันที่\s*{_N}\s*ของทุก\s*เดือน")),
    ("weekday", re.compile(rf"ทุก\s*วัน\s*{_WEEKDAY}")),
    ("per", re.compile(rf"{_LEAST}{_N}\s*{_UNIT}\s*(?:ต่อ|/)\s*(?:หนึ่ง\s*)?ครั้ง")),
    ("every", re.compile(rf"{_LEAST}ทุก\s*(?P<end>สิ้น)?\s*(?:{_N}\s*)?{_UNIT}(?!นี้|ละ|ที่)")),
    ("times", re.compile(rf"{_LEAST}{_UNIT}\s*ละ\s*(?:{_N}\s*)?ครั้ง")),
    ("each", re.compile(rf"ราย{_UNIT}")),
)


RELATIVE_DUE_RE = re.compile(
    r"(?:ภายใน|ไม่เกิน)\s*[0-9๐-๙]{1,3}\s*(?:วันทำการ|วัน|สัปดาห์|เดือน)(?!ที่)"
    r"(?:\s*(?:นับ(?:แต่|จาก)|หลัง(?:จาก)?|ภายหลัง)\S*)?")
"""A deadline counted from an event (``ภายใน ๑๕ วัน``, ``ภายใน ๗ วัน นับแต่วันที่ได้รับหนังสือ``):
no date can be set until that event is known."""


def find_relative_due(text: str) -> str | None:
    """The relative deadline phrase in ``text``, as written, or None."""
    m = RELATIVE_DUE_RE.search(text or "")
    return " ".join(m.group(0).split()) if m else None


def parse_due_cell(cell: str) -> tuple[date | None, bool]:
    """(due, unreadable) for a deadline column's cell; ``-`` and friends mean no deadline."""
    text = " ".join((cell or "").split())
    if text.casefold() in _NONE_CELLS:
        return None, False
    found = parse_thai_date(text)
    if found is None:
        found = _due_in_cell(list(find_thai_dates(text)), text)
    if found is None:
        found = next((d for _, _, d in find_month_ends(text)), None) or _fiscal(_FISCAL_RE.search(text))
    if found is None and find_recurrence(text):
        return None, False  # a rhythm in the deadline column is read as the item's recurrence
    return found, found is None


_PERIOD_JOIN_RE = re.compile(r"\s*(?:-|–|—|ถึง|จนถึง)\s*(?:วันที่)?\s*")


def _due_in_cell(dates: list[tuple[int, int, date]], text: str) -> date | None:
    """The deadline among the dates of a deadline cell: a period's end (``1 ต.ค. 68 - 30 ก.ย.
    69``, ``ตั้งแต่ … ถึง …``), else the first (sub-rows folded into one cell keep the first)."""
    if len(dates) == 2 and _PERIOD_JOIN_RE.fullmatch(text[dates[0][1]:dates[1][0]]):
        return dates[1][2]
    return dates[0][2] if dates else None


def _fiscal(match: re.Match[str] | None) -> date | None:
    """The end of the fiscal year a ``_FISCAL_RE`` match names."""
    if not match:
        return None
    year = gregorian_year(match.group(1))
    return date(year, 9, 30) if 1 <= year <= 9999 else None  # the Thai fiscal year ends 30 September


def _after_deadline_word(text: str, start: int) -> bool:
    """Whether a deadline word (``ภายในวันที่``, ``ก่อน``…) comes right before ``text[start]``."""
    return _DEADLINE_TAIL_RE.search(text[max(0, start - 30): start]) is not None


def find_due(text: str) -> date | None:
    """The first date in ``text`` that a deadline word points at, or None."""
    candidates = [(s, d) for finder in (find_thai_dates, find_month_ends) for s, _, d in finder(text)
                  if _after_deadline_word(text, s)]
    fiscal = _FISCAL_RE.search(text)
    if fiscal and (d := _fiscal(fiscal)):
        candidates.append((fiscal.start(), d))
    return min(candidates)[1] if candidates else None


def find_yearless_due(text: str, after: date) -> tuple[date, str] | None:
    """A deadline written without its year (``ก่อนวันที่ ๓๑ ธ.ค. นี้``): (the first such day on or
    after ``after``, the letter's date; the day and month as written), or None."""
    for start, end, month, day in find_days_of_months(text or ""):
        if not _after_deadline_word(text, start):
            continue
        for year in (after.year, after.year + 1):
            try:
                due = date(year, month, day)
            except ValueError:
                continue  # 29 February, 31 April: not in this year
            if due >= after:
                return due, text[start:end]
    return None


def find_recurrence(text: str) -> tuple[str, str | None] | None:
    """(normalised Thai rhythm, ISO-8601 duration or None) for the first rhythm in ``text``."""
    best: tuple[int, str, str | None] | None = None
    for kind, regex in _RHYTHMS:
        m = regex.search(text or "")
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), *_normalise(kind, m))
    return (best[1], best[2]) if best else None


def _normalise(kind: str, m: re.Match[str]) -> tuple[str, str | None]:
    if kind == "day_of_month":
        return f"ทุกวันที่ {int(to_ascii_digits(m.group('n')))} ของเดือน", "P1M"
    if kind == "weekday":
        return f"ทุกวัน{m.group('day')}", "P1W"
    unit = m.group("unit")
    n = int(to_ascii_digits(m.group("n"))) if m.groupdict().get("n") else None
    least = "อย่างน้อย" if m.groupdict().get("least") else ""
    if kind == "per":
        return f"{least} {n} {unit}ต่อครั้ง".strip(), _duration(n or 1, unit)
    if kind == "every":
        end = "สิ้น" if m.group("end") else ""
        return (f"{least}ทุก{end} {n} {unit}" if n else f"{least}ทุก{end}{unit}"), _duration(n or 1, unit)
    if kind == "times":
        if n and n > 1:
            return f"{least}{unit}ละ {n} ครั้ง", None
        return f"{least}{unit}ละครั้ง", _duration(1, unit)
    return f"ราย{unit}", _duration(1, unit)


def _duration(n: int, unit: str) -> str:
    code = _UNITS[unit]
    return f"P{3 * n}M" if code == "Q" else f"P{n}{code}"
