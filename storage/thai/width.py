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
