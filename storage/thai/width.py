"""How many terminal cells text takes, by the plain Unicode rule — for code without a terminal.

What the terminal draws is what Rich measures (``rich.cells.cell_len``): it knows emoji
sequences (``❤️`` is two cells, ``👨‍👩‍👧`` two) and follows ``UNICODE_VERSION``. The screen and
the CLI measure with it and pass it as the ``measure`` of :mod:`storage.thai.wrap`'s
functions. storage cannot import Rich, so where it needs a width of its own (the importer's
layout columns, the wrap functions' default) it uses this rule: control, combining and format
characters take no cell, East Asian wide and full-width ones two, the rest one. On Thai —
what letters hold — it agrees with Rich (tests/thai/test_width.py checks the sample letter).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

Measure = Callable[[str], int]
"""Cells a piece of text takes: ``cell_width`` here, ``rich.cells.cell_len`` in the UI and CLI."""

_ZERO_CATEGORIES = frozenset(("Mn", "Me", "Mc", "Cf", "Cc"))


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    """Cells taken by one code point: 0, 1 or 2."""
    if ch == "\u00ad":  # soft hyphen: Cf, but terminals draw it
        return 1
    if unicodedata.category(ch) in _ZERO_CATEGORIES:
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """Cells ``text`` takes by the plain rule (no newlines expected; tabs count 0)."""
    if text.isascii():
        return sum(1 for ch in text if " " <= ch < "\x7f")
    return sum(map(char_width, text))


PLAIN = "\x20-\x7e\xa0-\xac\xae-\xff\u0e01-\u0e3a\u0e3f-\u0e5b\u2010-\u2027\u26a0"
"""What nearly every card holds — printable ASCII and Latin-1, the Thai block, general
punctuation (– — “ ” …) and ⚠ — as a regex class: characters that every measure here counts
alike (``cell_width``, and Rich in every Unicode version it knows; tests/thai/test_width.py),
none of them wide, and none but the Thai marks joining the character before (no emoji
sequences, controls or soft hyphen)."""

ZERO_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
"""The plain characters that take no cell: Thai vowels above/below and tone marks (a regex class)."""

_NOT_PLAIN = re.compile(f"[^{PLAIN}]")
_ZERO = re.compile(f"[{ZERO_MARKS}]")


def plain_width(text: str) -> int | None:
    """Cells of ``text`` when it is all plain characters (:data:`PLAIN`), else None.

    The fast path of measuring: a few C calls instead of one per character, and equal to
    ``cell_width`` and to Rich's ``cell_len`` wherever it answers."""
    if _NOT_PLAIN.search(text):
        return None
    return len(text) - len(_ZERO.findall(text))
