"""Fitting Thai text into terminal cells: truncate, wrap, search and dates.

Uses H4's ``storage.thai`` helpers (word-boundary wrap, search normalisation) and
H2's ``storage.thai.dates`` when present; falls back to simple cell-based versions
so the board still runs while those modules are being written.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from rich.cells import cell_len

try:  # H4: wrap at Thai word boundaries
    from storage.thai.wrap import truncate as _truncate
    from storage.thai.wrap import wrap_spans as _wrap_spans
except ImportError:  # pragma: no cover - fallback while storage.thai.wrap is missing
    _wrap_spans = None
    _truncate = None
try:  # H4: Thai-aware search
    from storage.thai.normalize import find_matches as _find_matches
    from storage.thai.normalize import normalize_for_search as _normalize
except ImportError:  # pragma: no cover
    _find_matches = None
    _normalize = None
try:  # H2: B.E. dates
    from storage.thai.dates import format_thai_date as _format_thai_date
except ImportError:  # pragma: no cover
    _format_thai_date = None

_THAI_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
ELLIPSIS = "…"


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me") or char == "\u0e33"


def truncate(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, never splitting a cluster."""
    if width <= 0:
        return ""
    if _truncate is not None:
        return _truncate(text, width)
    if cell_len(text) <= width:
        return text
    out: list[str] = []
    used = 0
    for char in text:
        w = cell_len(char)
        if used + w > width - 1 and not _is_mark(char):
            break
        out.append(char)
        used += w
    return "".join(out).rstrip() + ELLIPSIS


def _fallback_wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if cell_len(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while cell_len(word) > width:
            head = truncate(word, width + 1)[:-1]
            lines.append(head)
            word = word[len(head):]
        line = word
    if line:
        lines.append(line)
    return lines or [""]


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Lines as (start, end) offsets into ``text``, broken at Thai word boundaries."""
    width = max(1, width)
    if _wrap_spans is not None:
        return _wrap_spans(text, width) or [(0, 0)]
    spans, pos = [], 0
    for line in _fallback_wrap(text, width):
        at = text.find(line, pos)
        at = pos if at < 0 else at
        spans.append((at, at + len(line)))
        pos = at + len(line)
    return spans


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` cells, broken at Thai word boundaries."""
    return [text[s:e] for s, e in wrap_spans(text, width)]


def clip_spans(text: str, width: int, max_lines: int) -> list[tuple[int, int, bool]]:
    """At most ``max_lines`` wrapped lines; the last one flagged when an ellipsis must follow.

    The cut line is re-wrapped one cell narrower, so it still ends at a word boundary.
    """
    spans = wrap_spans(text, width)
    if len(spans) <= max_lines:
        return [(s, e, False) for s, e in spans]
    start = spans[max_lines - 1][0]
    first = wrap_spans(text[start:], max(1, width - 1))[0]
    kept = [(s, e, False) for s, e in spans[: max_lines - 1]]
    return kept + [(start + first[0], start + first[1], True)]


def normalize(text: str) -> str:
    """The search key of ``text`` (Thai canonical forms, ASCII digits, casefold)."""
    if _normalize is not None:
        return _normalize(text)
    return unicodedata.normalize("NFC", text).translate(
        str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")).replace("\u0e4d\u0e32", "\u0e33").casefold()


def find_matches(haystack: str, query: str) -> list[tuple[int, int]]:
    """Spans of ``query`` in the original ``haystack`` (for highlighting)."""
    if not query:
        return []
    if _find_matches is not None:
        return list(_find_matches(haystack, query))
    hay, needle = normalize(haystack), normalize(query)
    if len(hay) != len(haystack):
        return [(0, 0)] if needle in hay else []
    spans, start = [], hay.find(needle)
    while start >= 0 and needle:
        spans.append((start, start + len(needle)))
        start = hay.find(needle, start + len(needle))
    return spans


def format_date(iso: str | None, lang: str, *, style: str = "short") -> str:
    """A B.E. date such as ``๓๐ ก.ย. ๖๕`` (Thai digits for th, ASCII for en)."""
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    digits = "thai" if lang == "th" else "ascii"
    if _format_thai_date is not None:
        return _format_thai_date(day, style=style, digits=digits)
    year = day.year + 543
    text = f"{day.day} {_THAI_MONTHS[day.month - 1]} {year % 100 if style == 'short' else year:02d}"
    return text.translate(_THAI_DIGITS) if digits == "thai" else text
