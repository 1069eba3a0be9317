"""The Thai dictionary: ICU's word list plus our few additions, as one prefix table."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent / "data"
_ICU_WORDS = _DATA / "icubrk_th.txt"
"""ICU's Thai word list (Unicode License): the dictionary ICU's own line breaker uses."""
_EXTRA_WORDS = _DATA / "extra_words.txt"
"""Our few additions for official letters (the segmenter uses them, ICU's rules do not)."""

ICU_PREFIX, ICU_WORD, EXTRA_WORD = 4, 1, 2
"""Flags of a prefix-table entry: a prefix of an ICU word, an ICU word, one of our extra words."""


@lru_cache(maxsize=1)
def prefix_table() -> dict[str, int]:
    """Every prefix of every dictionary word -> flags (``ICU_PREFIX | ICU_WORD | EXTRA_WORD``).

    Loaded once, on first use: a dict lookup per character lets the matcher stop as soon
    as no word can continue, which is what keeps segmentation well under a millisecond.
    One table serves both readers: the segmenter takes any word (``flags & 3``), and
    :mod:`storage.thai.icu_thai` sees only ICU's own list, as ICU's line breaker does.
    """
    table: dict[str, int] = {}
    for path, prefix_flag, word_flag in ((_ICU_WORDS, ICU_PREFIX, ICU_WORD), (_EXTRA_WORDS, 0, EXTRA_WORD)):
        with path.open(encoding="utf-8") as f:
            for line in f:
                word = line.strip()
                if not word or word.startswith("#"):
                    continue
                for end in range(1, len(word) + 1):
                    table[word[:end]] = table.get(word[:end], 0) | prefix_flag
                table[word] |= word_flag
    return table
