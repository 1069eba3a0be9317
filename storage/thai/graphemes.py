"""Extended grapheme cluster boundaries (UAX #29), by the ``regex`` module's ``\\X``.

A grapheme cluster is what a reader sees as one character: ``ที่`` is three code points
but one cluster, so a cursor or a line break must never fall inside it. Thai specifics:
above/below vowels and tone marks are Extend, SARA AM (ำ) is a SpacingMark and joins the
cluster before it (``น้ำ`` is one cluster), while ะ า and the leading vowels เ แ โ ใ ไ
are clusters of their own. ``regex`` follows the current Unicode rules (emoji sequences,
Prepend, Indic conjuncts) in C.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex

_CLUSTER = regex.compile(r"\X")


def grapheme_boundaries(text: str) -> list[int]:
    """Offsets where clusters start, plus ``len(text)``; ``[0]`` for empty text."""
    if text.isascii() and "\r" not in text:
        return list(range(len(text) + 1))  # every ASCII character but CR LF is a cluster
    return [0, *(m.end() for m in _CLUSTER.finditer(text))]


def graphemes(text: str) -> list[str]:
    """The clusters of ``text`` in order."""
    b = grapheme_boundaries(text)
    return [text[b[k] : b[k + 1]] for k in range(len(b) - 1)]


def next_boundary(text: str, i: int) -> int:
    """The first cluster boundary after offset ``i`` (``len(text)`` at the end)."""
    bounds = grapheme_boundaries(text)
    at = bisect_right(bounds, i)
    return bounds[at] if at < len(bounds) else len(text)


def prev_boundary(text: str, i: int) -> int:
    """The last cluster boundary before offset ``i`` (0 at the start)."""
    bounds = grapheme_boundaries(text)
    at = bisect_left(bounds, i) - 1
    return bounds[at] if at >= 0 else 0
