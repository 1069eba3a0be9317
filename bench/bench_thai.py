"""Time the Thai text helpers on the sample letter (a benchmark, not a test).

Prints milliseconds per 200 characters for segment / wrap / normalize, plus the
one-time dictionary load. Run: ``python bench/bench_thai.py [letter.txt]``.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from storage.thai import segment as segment_module
from storage.thai import normalize as normalize_module
from storage.thai import wrap as wrap_module
from storage.thai.normalize import find_matches, normalize_for_search
from storage.thai.segment import segment
from storage.thai.wrap import wrap

SAMPLE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "letters" / "rayong-2565-directives.txt"


def _per_200(func, text: str, repeat: int = 20) -> float:
    """Median milliseconds per 200 characters over ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        func(text)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000 / len(text) * 200


def _cold_wrap(text: str) -> None:
    """Wrap with the (text, width) cache emptied first: the cost of a first paint."""
    wrap_module._wrap_spans_cached.cache_clear()
    wrap(text, 40)


def _cold_find(text: str) -> None:
    """find_matches with its per-haystack cache emptied first."""
    normalize_module._indexed.cache_clear()
    find_matches(text, "จังหวัด")


def main() -> None:
    text = Path(sys.argv[1] if len(sys.argv) > 1 else SAMPLE).read_text(encoding="utf-8-sig")
    start = time.perf_counter()
    segment_module._prefixes()
    load_ms = (time.perf_counter() - start) * 1000
    print(f"text: {len(text)} chars; dictionary load (once): {load_ms:.1f} ms")
    print(f"segment:              {_per_200(segment, text):.3f} ms / 200 chars")
    print(f"wrap at 40 (cold):    {_per_200(_cold_wrap, text):.3f} ms / 200 chars")
    print(f"wrap at 40 (cached):  {_per_200(lambda t: wrap(t, 40), text):.3f} ms / 200 chars")
    print(f"normalize_for_search: {_per_200(normalize_for_search, text):.3f} ms / 200 chars")
    print(f"find_matches (cold):  {_per_200(_cold_find, text):.3f} ms / 200 chars")


if __name__ == "__main__":
    main()
