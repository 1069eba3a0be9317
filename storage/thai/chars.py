"""Character classes of the Thai script shared by the segmenter, wrapper and search.

Thai writes no spaces between words, stacks vowels and tone marks above or below a
consonant, and puts some vowels *before* the consonant they are pronounced after.
Each of those facts decides where a line may break, so the classes live in one place.
"""

from __future__ import annotations

import unicodedata

CONSONANTS = frozenset(chr(c) for c in range(0x0E01, 0x0E2F))
"""ก … ฮ (also ฤ ฦ, which the block files among the consonants)."""

LEADING_VOWELS = frozenset("เแโใไ")
"""Written before the consonant they follow in speech: a line must never END with one."""

FOLLOWING_VOWELS = frozenset("ะาๅำ")
"""Spacing vowels that belong to the consonant before them: a line must never START with one."""

REPEAT_AND_ABBREV = frozenset("ๆฯ")
"""Mai yamok (ๆ repeats the word before) and paiyannoi (ฯ abbreviates it)."""

THAI_MARKS = frozenset("\u0e31" + "".join(chr(c) for c in range(0x0E34, 0x0E3B)) + "".join(chr(c) for c in range(0x0E47, 0x0E4F)))
"""Above/below vowels, tone marks and other combining signs (zero width)."""

JOINS_CLUSTER_BEFORE = THAI_MARKS | {"\u0e33"}
"""The Thai characters that belong to the grapheme cluster before them: the marks (Extend) and
SARA AM (SpacingMark) — in plain Thai a cluster is a character with these after it."""

THANTHAKHAT = "\u0e4c"
"""์ (the silent mark): the consonant carrying it is not pronounced, so it ends a syllable."""

TONE_MARKS = frozenset("\u0e48\u0e49\u0e4a\u0e4b")

JOINERS = frozenset("\u200d\u200c\ufe0e\ufe0f")
"""ZWJ, ZWNJ and the variation selectors: they belong to the character before them."""

CLOSING_PUNCT = frozenset(")]}”’»,.;:!?%、。")
"""Punctuation that must not start a line (it closes what precedes it)."""

OPENING_PUNCT = frozenset("([{“‘«")
"""Punctuation that must not end a line (it opens what follows it)."""

NO_BREAK_SPACES = frozenset("\u00a0\u202f\u2007\u2060")
"""No-break spaces and the word joiner: glue their neighbours, never a line break."""


def is_mark(ch: str) -> bool:
    """True for combining marks of any script (zero width, attach to the base before)."""
    return ch in THAI_MARKS or ch in JOINERS or unicodedata.category(ch) in ("Mn", "Me", "Mc")


def is_thai_letter(ch: str) -> bool:
    """True for the characters the dictionary segmenter handles (letters, vowels, marks; not digits)."""
    return "\u0e01" <= ch <= "\u0e4e" and ch != "\u0e3f"


def cannot_start_line(ch: str) -> bool:
    """A line (or a piece of a split word) must not begin with this character."""
    return (
        ch in FOLLOWING_VOWELS or ch in REPEAT_AND_ABBREV or ch in CLOSING_PUNCT
        or ch in NO_BREAK_SPACES or is_mark(ch)
    )


def starts_silent_ending(text: str, j: int) -> bool:
    """Whether ``text[j]`` begins a silent ending: a consonant carrying ์, or one right before it.

    ์ silences the consonant it sits on (``ร์`` in อัมรินทร์, ``ธิ์`` in สิทธิ์) and, in
    ``ตร์``/``ทร์`` (ศาสตร์, จันทร์), the one before that too: such an ending closes the
    syllable before it, so nothing (a word, a line, a forced cut) may begin there —
    อัมรินท|ร์ is the cut this rule forbids. No dictionary word starts this way.
    """
    if text[j] not in CONSONANTS:
        return False
    if _carries_thanthakhat(text, j):
        return True
    return j + 1 < len(text) and text[j + 1] in CONSONANTS and _carries_thanthakhat(text, j + 1)


def _carries_thanthakhat(text: str, j: int) -> bool:
    """Whether the marks stacked on ``text[j]`` include ์."""
    k = j + 1
    while k < len(text) and is_mark(text[k]):
        if text[k] == THANTHAKHAT:
            return True
        k += 1
    return False


def cannot_end_line(ch: str) -> bool:
    """A line must not end with this character (a leading vowel or an opening bracket)."""
    return ch in LEADING_VOWELS or ch in OPENING_PUNCT or ch in NO_BREAK_SPACES


def can_break_between(before: str, after: str) -> bool:
    """Whether a line break is allowed between two adjacent characters."""
    if before == "." and after.isalnum():
        return False  # ก.ย., พ.ศ., สนจ.ระยอง, www.rayong.go.th: a dot inside an abbreviation or address
    return not (cannot_end_line(before) or cannot_start_line(after))
