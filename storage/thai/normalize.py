"""Search normalisation for Thai: make equal what a reader sees as equal.

The same Thai word reaches the board in several byte sequences: SARA AM typed as one
code point (ำ) or as NIKHAHIT + SARA AA (ํา); a tone mark typed before or after an
upper vowel (both render the same); a mark typed twice; แ typed as เเ; ``ต่าง ๆ`` with
or without spaces; Thai or ASCII digits. NFC does not unify any of these (Thai upper vowels have
combining class 0). We normalise haystack and query the same way, and keep, for every
normalised character, the span of the original text it came from, so matches can be
highlighted in the text as written.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

from storage.thai.chars import TONE_MARKS, is_mark
from storage.thai.digits import to_ascii_digits
from storage.thai.graphemes import grapheme_boundaries

_Piece = tuple[str, int, int]
"""A normalised character and the (start, end) of the original text it stands for."""

_NIKHAHIT, _SARA_AA, _SARA_AM = "\u0e4d", "\u0e32", "\u0e33"
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
"""Zero-width characters PDF/Word extraction leaves inside words: never significant."""


def _mark_rank(ch: str) -> int:
    """Canonical order of stacked Thai marks: vowel first, then tone, then the rest."""
    if ch in TONE_MARKS:
        return 1
    if ch in "\u0e4c\u0e4d\u0e4e":  # thanthakhat, nikhahit (ำ's ring), yamakkan
        return 2
    return 0


def _base_pieces(text: str) -> list[_Piece]:
    """NFC (per cluster, so offsets survive), casefold, digits, ำ split as ํ + า."""
    pieces: list[_Piece] = []
    start = 0
    while start < len(text):
        end = start + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1  # a starter and its combining marks: the unit NFC may recompose
        chunk = text[start:end]
        chunk = chunk if chunk.isascii() else unicodedata.normalize("NFC", chunk)
        for ch in to_ascii_digits(chunk.casefold()):
            if ch in _INVISIBLE:
                continue
            if ch == _SARA_AM:
                pieces += [(_NIKHAHIT, start, end), (_SARA_AA, start, end)]
            else:
                pieces.append((ch, start, end))
        start = end
    return pieces


def _order_marks(pieces: list[_Piece]) -> list[_Piece]:
    """Sort each run of marks, drop doubled marks, move a tone typed after ำ before it."""
    out: list[_Piece] = []
    k = 0
    while k < len(pieces):
        ch = pieces[k][0]
        if not is_mark(ch) or not out:
            out.append(pieces[k])
            k += 1
            continue
        j = k
        while j < len(pieces) and is_mark(pieces[j][0]):
            j += 1
        run = pieces[k:j]
        # ``น ํ า ่`` (tone after SARA AM) reads as ``น ่ ํ า``: pull the tone into the run.
        if run[-1][0] == _NIKHAHIT and j + 1 < len(pieces) and pieces[j][0] == _SARA_AA:
            while j + 1 < len(pieces) and pieces[j + 1][0] in TONE_MARKS:
                run.append(pieces[j + 1])
                del pieces[j + 1]
        run.sort(key=lambda p: _mark_rank(p[0]))
        for piece in run:
            if out and out[-1][0] == piece[0]:
                prev = out[-1]  # doubled mark: keep one, covering both originals
                out[-1] = (prev[0], min(prev[1], piece[1]), max(prev[2], piece[2]))
            else:
                out.append(piece)
        k = j
    return out


def _compose_and_space(pieces: list[_Piece]) -> list[_Piece]:
    """ํ + า back to ำ; เ + เ to แ; no spaces around ๆ; whitespace runs become one space."""
    out: list[_Piece] = []
    for ch, s, e in pieces:
        if ch == _SARA_AA and out and out[-1][0] == _NIKHAHIT:
            out[-1] = (_SARA_AM, min(out[-1][1], s), max(out[-1][2], e))
        elif ch == "เ" and out and out[-1][0] == "เ":
            # Two SARA E look exactly like SARA AE (แ) and are a common typing habit.
            out[-1] = ("แ", min(out[-1][1], s), max(out[-1][2], e))
        elif ch.isspace():
            if out and out[-1][0] not in (" ", "ๆ"):
                out.append((" ", s, e))
        elif ch == "ๆ":
            if out and out[-1][0] == " ":
                out.pop()
            out.append((ch, s, e))
        else:
            out.append((ch, s, e))
    return out


def _pieces(text: str) -> list[_Piece]:
    return _compose_and_space(_order_marks(_base_pieces(text)))


def normalize_for_search(text: str) -> str:
    """The canonical form used to compare Thai text in search (see module docstring)."""
    return "".join(p[0] for p in _pieces(text)).strip()


def find_matches(haystack: str, query: str) -> list[tuple[int, int]]:
    """Non-overlapping matches of ``query`` in ``haystack``, as spans of the ORIGINAL haystack.

    Spans are widened to grapheme cluster boundaries so a highlight never splits ``ที่``.
    """
    needle = _needle(query)
    if not needle:
        return []
    flat, starts, ends, bounds = _indexed(haystack)
    spans: list[tuple[int, int]] = []
    at = flat.find(needle)
    while at >= 0:
        last = at + len(needle)
        start = bounds[bisect_right(bounds, min(starts[at:last])) - 1]
        end = bounds[bisect_left(bounds, max(ends[at:last]))]
        spans.append((start, end))
        at = flat.find(needle, last)
    return spans


@lru_cache(maxsize=64)
def _needle(query: str) -> str:
    """The normalised query (cached: a search highlights every visible card line with the
    same query on each repaint, and normalising it was nearly all of find_matches' time)."""
    return normalize_for_search(query)


@lru_cache(maxsize=1024)
def _indexed(haystack: str) -> tuple[str, tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Normalised haystack, per-character original spans, cluster boundaries (cached:
    the board highlights the same visible cards on every keystroke of a search)."""
    pieces = _pieces(haystack)
    flat = "".join(p[0] for p in pieces)
    return flat, tuple(p[1] for p in pieces), tuple(p[2] for p in pieces), tuple(grapheme_boundaries(haystack))
