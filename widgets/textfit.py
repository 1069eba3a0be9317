"""Fitting Thai text into terminal cells: truncate, wrap, search and dates.

Thin board-facing wrappers over ``storage.thai`` (word-boundary wrap, search
normalisation, B.E. dates), so widgets share one set of edge rules.
"""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len

from storage.thai.dates import format_thai_date
from storage.thai.normalize import find_matches as _find_matches
from storage.thai.normalize import normalize_for_search
from storage.thai.wrap import break_points as _break_points
from storage.thai.wrap import truncate as _truncate
from storage.thai.wrap import wrap_spans as _wrap_spans

ELLIPSIS = "…"

MEASURE = cell_len
"""Cells as the terminal draws them (Rich: ``❤️`` is two): passed to storage's wrap and cut."""


def truncate(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, never splitting a cluster."""
    return _truncate(text, width, measure=MEASURE) if width > 0 else ""


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Lines as (start, end) offsets into ``text``, broken at Thai word boundaries."""
    return _wrap_spans(text, max(1, width), MEASURE) or [(0, 0)]


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


def window_start(text: str, start: int, context: int) -> int:
    """Where to begin showing ``text`` so that offset ``start`` is in view.

    The earliest place a line may begin (a line-break opportunity: never mid-word, never
    at a closing bracket or a dot) at most ``context`` cells before ``start``, so a hit deep
    in a long item shows with a little of what precedes it; ``start`` itself when none is.
    """
    for pos in _break_points(text):
        if pos > start:
            break
        if MEASURE(text[pos:start]) <= context:
            return pos
    return start


def normalize(text: str) -> str:
    """The search key of ``text`` (Thai canonical forms, ASCII digits, casefold)."""
    return normalize_for_search(text)


def find_matches(haystack: str, query: str) -> list[tuple[int, int]]:
    """Spans of ``query`` in the original ``haystack`` (for highlighting)."""
    if not query:
        return []
    return list(_find_matches(haystack, query))


def format_date(iso: str | None, lang: str, *, style: str = "short") -> str:
    """A B.E. date such as ``๓๐ ก.ย. ๖๕`` (Thai digits for th, ASCII for en)."""
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return format_thai_date(day, style=style, digits="thai" if lang == "th" else "ascii")
