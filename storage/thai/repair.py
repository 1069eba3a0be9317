"""Repair the damage text extraction does to Thai (PDF text layers, ``pdftotext``, OCR).

Thai PDFs come out of extractors with characteristic faults, each undone here:

- **Private Use Area glyphs** (U+F700–U+F71A): fonts such as TH SarabunPSK draw a tone mark
  or vowel shifted down/left (above a short consonant, beside ป ฝ ฟ) with a separate glyph
  that has a PUA code point, and a PDF without a proper ToUnicode map hands that code point
  out instead of the real character. The table is the Windows Thai PUA convention (the one
  HarfBuzz's Thai fallback shaper uses), read backwards.
- **Sara am split** into nikhahit + sara aa (``ํา``, often with the tone mark between).
- **Marks out of order**: a tone mark before the vowel sign of the same consonant
  (``น่ี`` for ``นี่``), or a mark doubled.
- **Spaces around marks**: a space before a combining mark or a following vowel, or after a
  leading vowel (``เ ริ่ม``) — never right in Thai — is removed; a space after a tone mark or upper vowel (``หน่ วยงาน``,
  ``ป้ องกัน``) is removed when the word before it is not a word and joining makes one.
- **A tone mark moved past the next letter** (``นอ้ ย`` for ``น้อย``): put back when that
  makes a word.

The last two are judged with the dictionary (storage.thai.dictionary): a place is touched
only when the text there is not made of words and the repair makes it so, so clean text —
``ที่ รย``, ``ได้ มา`` — is never changed, and repairing twice changes nothing more.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storage.thai.chars import CONSONANTS
from storage.thai.dictionary import prefix_table
from storage.thai.segment import segment

_PUA = {
    0xF700: "ฐ", 0xF70F: "ญ",  # the consonant drawn without its descender
    0xF701: "ิ", 0xF702: "ี", 0xF703: "ึ", 0xF704: "ื", 0xF710: "ั", 0xF711: "ํ", 0xF712: "็",  # shifted left
    0xF705: "่", 0xF706: "้", 0xF707: "๊", 0xF708: "๋", 0xF709: "์",  # shifted down and left
    0xF70A: "่", 0xF70B: "้", 0xF70C: "๊", 0xF70D: "๋", 0xF70E: "์",  # shifted down
    0xF713: "่", 0xF714: "้", 0xF715: "๊", 0xF716: "๋", 0xF717: "์",  # shifted left
    0xF718: "ุ", 0xF719: "ู", 0xF71A: "ฺ",  # below marks, drawn lower
}
_PUA_RE = re.compile("[\uf700-\uf71a]")
_TONES = "\u0e48-\u0e4b"
_VOWEL_SIGNS = "\u0e31\u0e34-\u0e3a"
_MARKS = f"{_VOWEL_SIGNS}\u0e47-\u0e4e"
_SARA_AM_RE = re.compile(f"\u0e4d([{_TONES}]?)\u0e32")
_TONE_BEFORE_VOWEL_RE = re.compile(f"([{_TONES}\u0e4c])([{_VOWEL_SIGNS}])")
_DOUBLED_RE = re.compile(f"([{_MARKS}])\\1+")
_SPACE_BEFORE_MARK_RE = re.compile(f"(?<=[\u0e01-\u0e4e])[ \u00a0]+(?=[{_MARKS}\u0e30\u0e32\u0e33\u0e45])")
_SPACE_AFTER_LEADING_RE = re.compile("(?<![\u0e01-\u0e4e])([\u0e40-\u0e44])[ \u00a0]+(?=[\u0e01-\u0e2e])")
"""``เ ริ่ม``: a leading vowel standing alone belongs to the consonant after it."""
_SPACE_AFTER_MARK_RE = re.compile(f"(?<=[{_MARKS}]) (?=[\u0e01-\u0e2e\u0e30-\u0e45])")
_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")
_WINDOW = 24
_UPPER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37"
_TONES_SET = "\u0e48\u0e49\u0e4a\u0e4b"


def _known(token: str) -> bool:
    return bool(prefix_table().get(token, 0) & 3)


@lru_cache(maxsize=4096)  # a letter repeats its words (and their damage) on every page
def _unknown(text: str) -> int:
    """Characters of ``text`` in Thai runs that the dictionary does not cover."""
    return sum(len(t) for t in segment(text) if "\u0e01" <= t[0] <= "\u0e4e" and not _known(t))


def _left_run(text: str, end: int) -> int:
    start = end
    while start > 0 and end - start < _WINDOW and "\u0e01" <= text[start - 1] <= "\u0e4e":
        start -= 1
    return start


def _right_run(text: str, start: int) -> int:
    end = start
    while end < len(text) and end - start < _WINDOW and "\u0e01" <= text[end] <= "\u0e4e":
        end += 1
    return end


def _moved_tone(left: str) -> str | None:
    """``นอ้`` → ``น้อ``, ``ทัง้`` → ``ทั้ง``: a final tone mark moved back over one letter."""
    if (len(left) >= 3 and left[-1] in _TONES_SET and left[-2] in CONSONANTS
            and (left[-3] in CONSONANTS or left[-3] in _UPPER_VOWELS)):
        return left[:-2] + left[-1] + left[-2]
    return None


def _fix_space(text: str, space: int) -> str | None:
    """The text with the space at ``space`` repaired, or None when it is not damage."""
    begin, end = _left_run(text, space), _right_run(text, space + 1)
    left, right = text[begin:space], text[space + 1:end]
    if not left or not right:
        return None
    tail = segment(left)[-1]
    if _known(tail) and (len(right) > 1 or text[end:end + 1] == "."):
        return None  # a word ends here: a real space between words (ที่ รย), or before an
        # abbreviation's letter (หู ก.ย.)
    # A word, a space and a lone letter (pdftotext's ``ปี ก``) is mended only if that makes words.
    before = _unknown(left) + _unknown(right)
    options = [left + right]
    moved = _moved_tone(left)
    if moved:
        options.append(moved + right)
    best = min(options, key=_unknown)
    if _unknown(best) >= before:
        return None
    return text[:begin] + best + text[end:]


def _fix_spaces(text: str) -> str:
    """Every damaged space after a mark, left to right, until none is left to repair."""
    pos = 0
    while True:
        m = _SPACE_AFTER_MARK_RE.search(text, pos)
        if m is None:
            return text
        fixed = _fix_space(text, m.start())
        if fixed is None:
            pos = m.end()
        else:
            text, pos = fixed, _left_run(fixed, m.start())


_MOVED_TONE_RE = re.compile(
    f"[\u0e01-\u0e2e\u0e31\u0e34-\u0e37][\u0e01-\u0e2e][{_TONES}]|[{_TONES}][\u0e01-\u0e2e][\u0e31\u0e34-\u0e37]")


def _fix_run(run: re.Match[str]) -> str:
    """A Thai run with a tone mark moved past a letter (no space): put back if that makes words."""
    word = run.group(0)
    if not _MOVED_TONE_RE.search(word) or not _unknown(word):
        return word
    for i in range(2, len(word)):
        if word[i] in _TONES_SET and word[i - 1] in CONSONANTS and (word[i - 2] in CONSONANTS or word[i - 2] in _UPPER_VOWELS):
            candidate = word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]
        elif (i >= 3 and word[i] in _UPPER_VOWELS and word[i - 1] in CONSONANTS and word[i - 2] in _TONES_SET
              and word[i - 3] in CONSONANTS):  # พ้นื → พื้น: a vowel sign carried past the next letter
            candidate = word[:i - 2] + word[i] + word[i - 2] + word[i - 1] + word[i + 1:]
        else:
            continue
        lo, hi = max(0, i - 16), i + 16
        if _unknown(candidate[lo:hi]) < _unknown(word[lo:hi]) and not _known_at(word[lo:hi], i - lo) \
                and _known_at(candidate[lo:hi], i - lo):
            return candidate
    return word


def _known_at(text: str, at: int) -> bool:
    """Whether the word covering ``text[at]`` is a dictionary word."""
    end = 0
    for token in segment(text):
        end += len(token)
        if at < end:
            return _known(token)
    return False


def repair(text: str) -> str:
    """``text`` with the extraction damage above undone; clean text comes back unchanged.

    Idempotent: passes run until one changes nothing (one repair can expose another, e.g.
    removing a space brings two marks together), so ``repair(repair(t)) == repair(t)``.
    """
    if not text or not ("\u0e00" <= max(text)):
        return text  # nothing Thai (or PUA) in it: the common case for every other line
    for _ in range(64):  # each pass shortens the text or puts marks in order: few are ever needed
        repaired = _one_pass(text)
        if repaired == text:
            break
        text = repaired
    return text


def _one_pass(text: str) -> str:
    text = _PUA_RE.sub(lambda m: _PUA[ord(m.group(0))], text)
    text = _SARA_AM_RE.sub("\\1\u0e33", text)
    text = _TONE_BEFORE_VOWEL_RE.sub(r"\2\1", text)
    text = _DOUBLED_RE.sub(r"\1", text)
    text = _SPACE_BEFORE_MARK_RE.sub("", text)
    text = _SPACE_AFTER_LEADING_RE.sub(r"\1", text)
    text = _fix_spaces(text)
    return _THAI_RUN.sub(_fix_run, text)
