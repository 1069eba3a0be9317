"""Cutting one line of text to a width (``truncate``), light enough for ``board list``.

Apart from :mod:`storage.thai.wrap` (word breaks, the Thai dictionary, the ``regex`` module),
so a command that only cuts lines imports none of that. Plain text (:data:`~storage.thai.width.PLAIN`:
ASCII, Latin-1, Thai, punctuation — nearly every card) is cut by two C calls: its grapheme
clusters are known without ``regex`` (every character starts one except the Thai marks and
SARA AM, which join the one before), and its width is the count of characters that are not
marks. Any other text goes the general way, cluster by cluster with the caller's measure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storage.thai.chars import JOINS_CLUSTER_BEFORE, cannot_end_line
from storage.thai.width import ZERO_MARKS, Measure, cell_width, plain_width


@lru_cache(maxsize=4096)  # called per rendered card line on every repaint; pure, so cached
def truncate(text: str, width: int, ellipsis: str = "…", measure: Measure = cell_width) -> str:
    """Cut ``text`` to one line of at most ``width`` cells, ending in ``ellipsis`` if cut.

    Newlines and tabs become spaces (for one-line cards); the cut falls between grapheme
    clusters and never leaves a leading vowel (เ แ โ ใ ไ) or a space before the ellipsis.
    ``measure`` must count plain text as ``cell_width`` does (Rich's ``cell_len`` does).
    """
    flat = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    if measure(flat) <= width:
        return flat
    budget = width - measure(ellipsis)
    if budget < 0:
        return ellipsis[: max(0, width)]
    plain = plain_width(flat) is not None
    kept = flat[: _plain_cut(flat, budget) if plain else _cluster_cut(flat, budget, measure)]
    while kept and (kept[-1].isspace() or cannot_end_line(kept[-1])):
        kept = kept[:-1]
    return kept + ellipsis


@lru_cache(maxsize=64)
def _first_cells(budget: int) -> re.Pattern[str]:
    # Leading marks, then up to ``budget`` characters that take a cell, each with its marks.
    return re.compile(f"[{ZERO_MARKS}]*(?:[^{ZERO_MARKS}][{ZERO_MARKS}]*){{0,{budget}}}")


def _plain_cut(flat: str, budget: int) -> int:
    """The last cluster boundary of plain ``flat`` within ``budget`` cells."""
    cut = _first_cells(budget).match(flat).end()
    # The cut may fall before a SARA AM (a cell of its own, but part of the cluster before it,
    # as in น้ำ): then the whole cluster goes.
    while 0 < cut < len(flat) and flat[cut] in JOINS_CLUSTER_BEFORE:
        cut -= 1
    return cut


def _cluster_cut(flat: str, budget: int, measure: Measure) -> int:
    """The last cluster boundary within ``budget`` cells, cluster by cluster (any text)."""
    from storage.thai.graphemes import grapheme_boundaries  # the ``regex`` module: only here

    bounds = grapheme_boundaries(flat)
    used, cut = 0, 0
    for k in range(len(bounds) - 1):
        used += measure(flat[bounds[k] : bounds[k + 1]])
        if used > budget:
            break
        cut = bounds[k + 1]
    return cut
