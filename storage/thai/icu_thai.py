"""Where ICU's line breaker breaks a run of Thai: its dictionary engine, in pure Python.

ICU (the reference every browser and office suite follows) breaks Thai with a
dictionary engine (``ThaiBreakEngine`` in ICU4C, Unicode License): maximal matching
with a three-word look-ahead over its Thai word list, then heuristics that glue an
unknown stretch to the word before it, keep combining marks and the suffixes ๆ ฯ with
their word, and never break a run of four characters or fewer. This module re-expresses
that procedure over the same word list (``data/icubrk_th.txt``), so the wrapper can ask
"would ICU break here?" at run time without shipping ICU itself (a 42 MB library; the
tests compare this module with the real one, ``icu4py``, on every letter they have).

Our own segmenter is better than ICU where ICU's look-ahead goes wrong (ICU cuts
``การบูรณาการ`` as ``กา|รบู|รณา|การ``); :func:`storage.thai.segment.line_tokens` breaks
only where both agree, so no line ever breaks where ICU would not.
"""

from __future__ import annotations

from storage.thai.dictionary import ICU_PREFIX, ICU_WORD, prefix_table

_LOOKAHEAD = 3
_ROOT_COMBINE_THRESHOLD = 3
"""A word shorter than this (code points) may absorb the unknown text after it."""
_PREFIX_COMBINE_THRESHOLD = 3
"""... unless that text starts with at least this many characters of a dictionary word."""
_MIN_WORD_SPAN = 4
"""A run of this many characters or fewer is never broken."""
_MAX_CANDIDATES = 20
_PAIYANNOI, _MAIYAMOK = "\u0e2f", "\u0e46"
_SUFFIXES = frozenset((_PAIYANNOI, _MAIYAMOK))
_MARKS = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B))) + "".join(map(chr, range(0x0E47, 0x0E4F))) + " ")
_BEGIN_WORD = frozenset(map(chr, range(0x0E01, 0x0E2F))) | frozenset("เแโใไ")
"""Where an unknown stretch may end: before a consonant or a leading vowel ..."""


def _can_end_word(ch: str) -> bool:
    """... and after any Thai letter but ั and the leading vowels."""
    in_sa = "\u0e01" <= ch <= "\u0e3a" or "\u0e40" <= ch <= "\u0e4e"
    return in_sa and ch != "\u0e31" and not "\u0e40" <= ch <= "\u0e44"


class _Candidates:
    """The dictionary words starting at one offset (ICU's ``PossibleWord``)."""

    __slots__ = ("offset", "lengths", "prefix", "current", "mark")

    def __init__(self) -> None:
        self.offset, self.lengths, self.prefix, self.current, self.mark = -1, [], 0, -1, -1

    def find(self, text: str, start: int) -> tuple[int, int]:
        """Look up the words at ``start``: (how many, position after the longest)."""
        if start != self.offset:
            self.offset, self.lengths = start, []
            table, end, matched = prefix_table(), start, 0
            while end < len(text):
                end += 1
                matched += 1
                flags = table.get(text[start:end])
                if flags is None or not flags & ICU_PREFIX:
                    break
                if flags & ICU_WORD and len(self.lengths) < _MAX_CANDIDATES:
                    self.lengths.append(end - start)
            self.prefix = matched  # ICU counts the character that failed to match, too
        self.current = self.mark = len(self.lengths) - 1
        return len(self.lengths), start + (self.lengths[-1] if self.lengths else 0)

    def back_up(self) -> int | None:
        """Step to the next shorter word; its end, or None when there is none."""
        if self.current <= 0:
            return None
        self.current -= 1
        return self.offset + self.lengths[self.current]

    def marked_length(self) -> int:
        return self.lengths[self.mark]


def _best_word(text: str, words: list[_Candidates], found: int) -> int:
    """Length of the word to take among several: the longest one two more words follow."""
    first, second, third = (words[(found + k) % _LOOKAHEAD] for k in range(3))
    pos: int | None = first.find(text, first.offset)[1]
    if pos >= len(text):
        return first.marked_length()
    while pos is not None:
        count, pos2 = second.find(text, pos)
        if count > 0:
            first.mark = first.current
            if pos2 >= len(text):
                break
            while pos2 is not None:
                if third.find(text, pos2)[0]:
                    first.mark = first.current
                    return first.marked_length()
                pos2 = second.back_up()
        pos = first.back_up()
    return first.marked_length()


def _skip_unknown(text: str, words: list[_Candidates], found: int, pos: int) -> int:
    """How many characters of unknown text follow ``pos`` (up to a plausible word start)."""
    chars, remaining = 0, len(text) - pos
    while True:
        before = text[pos + chars]
        chars += 1
        remaining -= 1
        if remaining <= 0:
            return chars
        if _can_end_word(before) and text[pos + chars] in _BEGIN_WORD:
            if words[(found + 1) % _LOOKAHEAD].find(text, pos + chars)[0] > 0:
                return chars


def _suffix_length(text: str, pos: int) -> int:
    """ฯ and/or ๆ right after a word (not doubled) belong to it."""
    length = 0
    if text[pos] == _PAIYANNOI and text[pos - 1] not in _SUFFIXES:
        length = 1
    nxt = pos + length
    if nxt < len(text) and text[nxt] == _MAIYAMOK and text[nxt - 1] != _MAIYAMOK:
        length += 1
    return length


def icu_thai_breaks(run: str) -> list[int]:
    """Offsets inside ``run`` (a run of Thai letters) where ICU's line breaker breaks.

    >>> icu_thai_breaks("จังหวัดได้มีโอกาส")
    [7, 10, 12]
    """
    n = len(run)
    if n <= _MIN_WORD_SPAN:
        return []
    words = [_Candidates() for _ in range(_LOOKAHEAD)]
    breaks: list[int] = []
    found = pos = 0
    while pos < n:
        start, length = pos, 0
        count, _ = words[found % _LOOKAHEAD].find(run, pos)
        if count:
            length = _best_word(run, words, found) if count > 1 else words[found % _LOOKAHEAD].marked_length()
            found += 1
        pos = start + length
        if pos < n and length < _ROOT_COMBINE_THRESHOLD:
            following = words[found % _LOOKAHEAD]
            if following.find(run, pos)[0] <= 0 and (length == 0 or following.prefix < _PREFIX_COMBINE_THRESHOLD):
                chars = _skip_unknown(run, words, found, pos)
                found += length == 0
                length += chars
        pos = start + length
        while pos < n and run[pos] in _MARKS:  # never stop before a combining mark
            pos += 1
        if pos < n and pos > start and words[found % _LOOKAHEAD].find(run, pos)[0] <= 0:
            pos += _suffix_length(run, pos) if run[pos] in _SUFFIXES else 0
        if pos > start:
            breaks.append(pos)
        else:  # unreachable in ICU's procedure; guards against an endless loop all the same
            pos += 1
    if breaks and breaks[-1] >= n:
        breaks.pop()
    return breaks
