"""Terminal cell width of text, matching what Rich's ``cell_len`` measures.

The UI measures with Rich, so the wrapper must count exactly as Rich does or a line
we think fits would be cut (or padded) by Rich. For Thai that means: consonants and
spacing vowels (ะ า ำ เ …) are one cell, above/below vowels and tone marks are zero.
Rich gives ำ one cell (wcwidth does too), though some terminals draw its ring over
the consonant; we follow Rich. Rich's tables are not importable here (storage stays
UI-free), so the rule is rebuilt from ``unicodedata``; tests/thai/test_width.py
checks it against Rich character by character.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from functools import lru_cache

_ZERO_CATEGORIES = frozenset(("Mn", "Me", "Mc", "Cf", "Cc"))
_ZERO_EXTRA = frozenset(
    # Hangul medial vowels / final consonants: combine into the syllable before them.
    [chr(c) for c in range(0x1160, 0x1200)]
    + [chr(c) for c in range(0xD7B0, 0xD800)]
)
# Where Rich 15's Unicode tables (newer than this Python's unicodedata) disagree with the
# rule below: (first, last, width). Regenerate with bench/gen_width_exceptions.py after a Rich bump.
_RICH_EXCEPTIONS: tuple[tuple[int, int, int], ...] = (
    (0x600, 0x605, 1), (0x6DD, 0x6DD, 1), (0x70F, 0x70F, 1), (0x890, 0x891, 1), (0x897, 0x897, 0),
    (0x8E2, 0x8E2, 1), (0xCF3, 0xCF3, 0), (0xECE, 0xECE, 0), (0x1ACF, 0x1ADD, 0),
    (0x1AE0, 0x1AEB, 0), (0x2028, 0x2029, 0), (0x2065, 0x2065, 0), (0x2630, 0x2637, 2),
    (0x268A, 0x268F, 2), (0x2FFC, 0x2FFF, 2), (0x3164, 0x3164, 0), (0x31E4, 0x31E5, 2),
    (0x31EF, 0x31EF, 2), (0x4DC0, 0x4DFF, 2), (0xFA6E, 0xFA6F, 2), (0xFADA, 0xFAFF, 2),
    (0xFFA0, 0xFFA0, 0), (0xFFF0, 0xFFF8, 0), (0x10D69, 0x10D6D, 0), (0x10EFA, 0x10EFF, 0),
    (0x110BD, 0x110BD, 1), (0x110CD, 0x110CD, 1), (0x11241, 0x11241, 0), (0x113B8, 0x113C0, 0),
    (0x113C2, 0x113C2, 0), (0x113C5, 0x113C5, 0), (0x113C7, 0x113CA, 0), (0x113CC, 0x113D0, 0),
    (0x113D2, 0x113D2, 0), (0x113E1, 0x113E2, 0), (0x11B60, 0x11B67, 0), (0x11F00, 0x11F01, 0),
    (0x11F03, 0x11F03, 0), (0x11F34, 0x11F3A, 0), (0x11F3E, 0x11F42, 0), (0x11F5A, 0x11F5A, 0),
    (0x13439, 0x13440, 0), (0x13447, 0x13455, 0), (0x1611E, 0x1612F, 0), (0x16FF2, 0x16FF6, 2),
    (0x187F8, 0x187FF, 2), (0x18CFF, 0x18CFF, 2), (0x18D09, 0x18D1E, 2), (0x18D80, 0x18DF2, 2),
    (0x1B132, 0x1B132, 2), (0x1B155, 0x1B155, 2), (0x1D300, 0x1D356, 2), (0x1D360, 0x1D376, 2),
    (0x1E08F, 0x1E08F, 0), (0x1E4EC, 0x1E4EF, 0), (0x1E5EE, 0x1E5EF, 0), (0x1E6E3, 0x1E6E3, 0),
    (0x1E6E6, 0x1E6E6, 0), (0x1E6EE, 0x1E6EF, 0), (0x1E6F5, 0x1E6F5, 0), (0x1F3FB, 0x1F3FF, 0),
    (0x1F6D8, 0x1F6D8, 2), (0x1F6DC, 0x1F6DC, 2), (0x1FA75, 0x1FA77, 2), (0x1FA87, 0x1FA8A, 2),
    (0x1FA8E, 0x1FA8F, 2), (0x1FAAD, 0x1FAAF, 2), (0x1FABB, 0x1FABF, 2), (0x1FAC6, 0x1FAC6, 2),
    (0x1FAC8, 0x1FAC8, 2), (0x1FACD, 0x1FACF, 2), (0x1FADA, 0x1FADC, 2), (0x1FADF, 0x1FADF, 2),
    (0x1FAE8, 0x1FAEA, 2), (0x1FAEF, 0x1FAEF, 2), (0x1FAF7, 0x1FAF8, 2), (0x2A6E0, 0x2A6FF, 2),
    (0x2B739, 0x2B73F, 2), (0x2B81E, 0x2B81F, 2), (0x2CEA2, 0x2CEAF, 2), (0x2EBE1, 0x2F7FF, 2),
    (0x2FA1E, 0x2FFFD, 2), (0x3134B, 0x3FFFD, 2), (0xE0000, 0xE0000, 0), (0xE0002, 0xE001F, 0),
    (0xE0080, 0xE00FF, 0), (0xE01F0, 0xE0FFF, 0),
)
_EXCEPTION_STARTS = [r[0] for r in _RICH_EXCEPTIONS]

_NOT_ZERO = frozenset("\u00ad")
"""Soft hyphen: Cf, but Rich (like wcwidth) gives it one cell."""


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    """Cells taken by one code point: 0, 1 or 2."""
    code = ord(ch)
    if code < 0x7F:
        return 1 if code >= 0x20 else 0
    at = bisect_right(_EXCEPTION_STARTS, code) - 1
    if at >= 0 and code <= _RICH_EXCEPTIONS[at][1]:
        return _RICH_EXCEPTIONS[at][2]
    if ch in _NOT_ZERO:
        return 1
    if unicodedata.category(ch) in _ZERO_CATEGORIES or ch in _ZERO_EXTRA:
        return 0
    if unicodedata.category(ch) != "Cn" and unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


def cell_width(text: str) -> int:
    """Cells ``text`` takes in a terminal (no newlines expected; tabs count 0 as in Rich)."""
    if text.isascii():
        return sum(1 for ch in text if " " <= ch < "\x7f")
    return sum(map(char_width, text))
