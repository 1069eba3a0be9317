"""Extended grapheme cluster boundaries (UAX #29), enough for Thai, Latin, Hangul and emoji.

A grapheme cluster is what a reader sees as one character: ``ที่`` is three code points
but one cluster, so a cursor or a line break must never fall inside it. Thai specifics:
above/below vowels and tone marks are Extend, SARA AM (ำ) is a SpacingMark and joins the
cluster before it (``น้ำ`` is one cluster), while ะ า and the leading vowels เ แ โ ใ ไ
are clusters of their own. Prepend characters and Indic conjuncts are not handled.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

_CR, _LF, _CONTROL, _EXTEND, _ZWJ, _SPACING, _RI, _PICT, _OTHER = range(9)
_L, _V, _T, _LV, _LVT = range(9, 14)


def _hangul_class(code: int) -> int | None:
    """Hangul jamo/syllable classes (GB6–GB8), or None."""
    if 0x1100 <= code <= 0x115F or 0xA960 <= code <= 0xA97C:
        return _L
    if 0x1160 <= code <= 0x11A7 or 0xD7B0 <= code <= 0xD7C6:
        return _V
    if 0x11A8 <= code <= 0x11FF or 0xD7CB <= code <= 0xD7FB:
        return _T
    if 0xAC00 <= code <= 0xD7A3:
        return _LV if (code - 0xAC00) % 28 == 0 else _LVT
    return None


def _is_pictographic(code: int, category: str) -> bool:
    """Rough Extended_Pictographic: emoji blocks and the symbol blocks emoji come from."""
    if 0x1F000 <= code <= 0x1FAFF:
        return not 0x1F1E6 <= code <= 0x1F1FF and not 0x1F3FB <= code <= 0x1F3FF
    return category == "So" and (0x2190 <= code <= 0x2BFF or code in (0xA9, 0xAE))


@lru_cache(maxsize=4096)
def _gcb(ch: str) -> int:
    """Grapheme_Cluster_Break class of one code point (simplified)."""
    code = ord(ch)
    if ch == "\r":
        return _CR
    if ch == "\n":
        return _LF
    if code == 0x200D:
        return _ZWJ
    if code in (0x0E33, 0x0EB3):  # SARA AM (Thai, Lao): Lo, but a SpacingMark in UAX #29
        return _SPACING
    if 0x1F3FB <= code <= 0x1F3FF or code == 0x200C:  # skin-tone modifiers, ZWNJ
        return _EXTEND
    if 0x1F1E6 <= code <= 0x1F1FF:
        return _RI
    hangul = _hangul_class(code)
    if hangul is not None:
        return hangul
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me"):
        return _EXTEND
    if cat == "Mc":
        return _SPACING
    if cat in ("Cc", "Zl", "Zp", "Cf"):
        return _CONTROL
    return _PICT if _is_pictographic(code, cat) else _OTHER


_HANGUL_JOINS = {(_L, _L), (_L, _V), (_L, _LV), (_L, _LVT), (_LV, _V), (_LV, _T), (_V, _V), (_V, _T), (_LVT, _T), (_T, _T)}


def _joins(prev: int, cur: int, pict_zwj: bool, ri_odd: bool) -> bool:
    """Whether there is NO boundary between two code points of the given classes."""
    if prev == _CR and cur == _LF:
        return True  # GB3
    if prev in (_CR, _LF, _CONTROL) or cur in (_CR, _LF, _CONTROL):
        return False  # GB4, GB5
    if (prev, cur) in _HANGUL_JOINS:
        return True  # GB6–GB8
    if cur in (_EXTEND, _ZWJ, _SPACING):
        return True  # GB9, GB9a
    if prev == _ZWJ and cur == _PICT and pict_zwj:
        return True  # GB11: emoji ZWJ sequences
    return prev == _RI and cur == _RI and ri_odd  # GB12/13: flags are RI pairs


def grapheme_boundaries(text: str) -> list[int]:
    """Offsets where clusters start, plus ``len(text)``; ``[0]`` for empty text."""
    bounds = [0]
    prev = -1
    in_pict = False  # inside ExtPict Extend* (ZWJ)? for GB11
    ri_count = 0
    for i, ch in enumerate(text):
        cur = _gcb(ch)
        if i and not _joins(prev, cur, in_pict and prev == _ZWJ, ri_count % 2 == 1):
            bounds.append(i)
        if cur == _PICT:
            in_pict = True
        elif cur not in (_EXTEND, _ZWJ):
            in_pict = False
        ri_count = ri_count + 1 if cur == _RI else 0
        prev = cur
    if text:
        bounds.append(len(text))
    return bounds


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
