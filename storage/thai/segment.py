"""Thai word segmentation by maximal matching over ICU's Thai word list.

Thai has no spaces between words, so a renderer that breaks only at spaces cuts a
sentence mid-word (``มีโ|อกาส``). We split each run of Thai letters into the sequence
of dictionary words that leaves the fewest characters unknown, then uses the fewest
words (ties: the longer first word). Word boundaries may only fall where a Thai
syllable can start, so even unknown text is never cut inside a cluster: a following
vowel or mark stays with its consonant, a leading vowel with the consonant after it.

Everything else (Latin words, digits, punctuation, whitespace) is kept whole, one
token per run. ``"".join(segment(text)) == text`` always holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from storage.thai.chars import (
    CONSONANTS,
    LEADING_VOWELS,
    REPEAT_AND_ABBREV,
    starts_silent_ending,
    is_mark,
    is_thai_letter,
)
from storage.thai.dictionary import EXTRA_WORD, ICU_WORD, prefix_table
from storage.thai.icu_thai import icu_thai_breaks

_OTHER_TOKEN = re.compile(
    r"\s+"  # whitespace runs: the wrapper's break points
    r"|[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uff60]"  # CJK: one char per token, breakable anywhere
    r"|\d+(?:[.,:/]\d+)*"  # numbers, Thai digits included (\d matches them), with 0017.2 or 30/9
    r"|[^\W\d_]+"  # Latin (and other scripts') words
    r"|.",  # any other single character (punctuation, symbols)
    re.DOTALL,
)


_ABBREVIATION_MAX = 5
"""A Thai run this short right before a dot is read as an abbreviation, kept whole."""


def _can_start_unit(run: str, j: int) -> bool:
    """Whether a word may begin at ``run[j]`` (a syllable start, or ๆ/ฯ, which we re-attach later).

    A consonant carrying the silent mark ์ (``ร์`` in อัมรินทร์, ``ธิ์`` in สิทธิ์) is never
    pronounced on its own: it ends the syllable before it, so no word starts there.
    """
    ch = run[j]
    if run[j - 1] in LEADING_VOWELS:
        return False
    if starts_silent_ending(run, j):
        return False
    return ch in CONSONANTS or ch in LEADING_VOWELS or ch in REPEAT_AND_ABBREV


def _segment_thai(run: str) -> list[str]:
    """Maximal matching over one run of Thai letters; unknown stretches grouped whole."""
    n = len(run)
    starts = [True] + [_can_start_unit(run, j) for j in range(1, n)] + [True]
    table = prefix_table()
    # best[i] = (unknown chars, tokens, end of the first token, first token is known)
    best: list[tuple[int, int, int, bool]] = [(0, 0, n, True)] * (n + 1)
    for i in range(n - 1, -1, -1):
        if not starts[i]:
            continue
        nxt = i + 1
        while not starts[nxt]:
            nxt += 1
        unk, cnt = best[nxt][0], best[nxt][1]
        choice = (unk + nxt - i, cnt + 1, nxt, False)
        end = i + 1
        while end <= n:
            flags = table.get(run[i:end])
            if flags is None:
                break
            if flags & (ICU_WORD | EXTRA_WORD) and starts[end]:
                unk, cnt = best[end][0], best[end][1]
                # <= : among equally good splits the longest first word wins.
                if (unk, cnt + 1) <= choice[:2]:
                    choice = (unk, cnt + 1, end, True)
            end += 1
        best[i] = choice
    return _collect(run, best)


def _collect(run: str, best: list[tuple[int, int, int, bool]]) -> list[str]:
    """Follow the best path, merging neighbouring unknown pieces into one token."""
    tokens: list[str] = []
    i, prev_known = 0, True
    while i < len(run):
        _, _, end, known = best[i]
        if not known and not prev_known and tokens:
            tokens[-1] += run[i:end]
        else:
            tokens.append(run[i:end])
        i, prev_known = end, known
    return tokens


def _line_pieces(run: str) -> list[str]:
    """Our words of one Thai run, joined wherever ICU's line breaker would not break.

    A line may break only where both agree: ICU never sees a break we would not make
    (its look-ahead misreads การบูรณาการ as กา|รบู|รณา|การ), and we never break where
    ICU would not (precision 1.0 against ICU, measured in tests/thai/test_icu_breaks.py).
    """
    icu = set(icu_thai_breaks(run))
    pieces: list[str] = []
    pos = 0
    for word in _segment_thai(run):
        if pieces and pos not in icu:
            pieces[-1] += word
        else:
            pieces.append(word)
        pos += len(word)
    return pieces


def _raw_tokens(text: str, split_thai: Callable[[str], list[str]]) -> list[str]:
    """Split into Thai runs (cut by ``split_thai``) and other runs (tokenised by kind)."""
    tokens: list[str] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        thai = is_thai_letter(text[i])
        while j < n and is_thai_letter(text[j]) == thai:
            j += 1
        if thai and j < n and text[j] == "." and j - i <= _ABBREVIATION_MAX:
            tokens.append(text[i:j])  # an abbreviation (สนจ. กรอ. ก.ย.): not words to split
        elif thai:
            tokens.extend(split_thai(text[i:j]))
        else:
            tokens.extend(m.group() for m in _OTHER_TOKEN.finditer(text, i, j))
        i = j
    return tokens


def _attaches_to_previous(token: str) -> bool:
    """Tokens that belong to the word before them: ๆ, ฯ and stray combining marks."""
    first = token[0]
    return first in REPEAT_AND_ABBREV or is_mark(first)


def segment(text: str) -> list[str]:
    """Split ``text`` into words; the tokens concatenate back to ``text`` exactly.

    >>> segment("ผู้ว่าราชการจังหวัดได้มีโอกาส")
    ['ผู้ว่าราชการ', 'จังหวัด', 'ได้', 'มี', 'โอกาส']
    """
    return _attach(_raw_tokens(text, _segment_thai))


def line_tokens(text: str) -> list[str]:
    """Like :func:`segment`, but Thai words stay joined where ICU would not break a line.

    The wrapper's break opportunities: every boundary between these tokens is one ICU's
    line breaker (locale ``th``) also has inside a Thai run. ``"".join(...) == text``.
    """
    return _attach(_raw_tokens(text, _line_pieces))


def _attach(raw: list[str]) -> list[str]:
    """Glue ๆ, ฯ and stray marks to the token before them (unless that is a space)."""
    tokens: list[str] = []
    for tok in raw:
        if tokens and _attaches_to_previous(tok) and not tokens[-1].isspace():
            tokens[-1] += tok
        else:
            tokens.append(tok)
    return tokens
