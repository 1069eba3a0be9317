"""Time the Thai text helpers on the sample letter (a benchmark, not a test).

Prints milliseconds per 200 characters for segment / wrap / normalize, plus the
one-time dictionary load, and — when the ``icu4py`` wheel is installed (the test extras) —
ICU's own line breaker on the same text: its size on disk, its start-up (import and first
break, in a fresh process) and its speed, next to ours (segmenter + ICU-rule engine).
Run: ``python bench/bench_thai.py [letter.txt]``.
"""

from __future__ import annotations

import importlib.util
import statistics
import subprocess
import sys
import time
from pathlib import Path

from storage.thai import dictionary as dictionary_module
from storage.thai import normalize as normalize_module
from storage.thai import wrap as wrap_module
from storage.thai.normalize import find_matches, normalize_for_search
from storage.thai.segment import line_tokens, segment
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
    dictionary_module.prefix_table()
    load_ms = (time.perf_counter() - start) * 1000
    print(f"text: {len(text)} chars; dictionary load (once): {load_ms:.1f} ms")
    print(f"segment:              {_per_200(segment, text):.3f} ms / 200 chars")
    print(f"line_tokens (+ ICU rules): {_per_200(line_tokens, text):.3f} ms / 200 chars")
    print(f"wrap at 40 (cold):    {_per_200(_cold_wrap, text):.3f} ms / 200 chars")
    print(f"wrap at 40 (cached):  {_per_200(lambda t: wrap(t, 40), text):.3f} ms / 200 chars")
    print(f"normalize_for_search: {_per_200(normalize_for_search, text):.3f} ms / 200 chars")
    print(f"find_matches (cold):  {_per_200(_cold_find, text):.3f} ms / 200 chars")
    compare_with_icu(text)


def _fresh(code: str, repeat: int = 5) -> float:
    """Median wall time (ms) of a fresh interpreter running ``code``."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def _size_mb(package: str) -> float:
    """Size on disk of an installed package and its bundled libraries."""
    spec = importlib.util.find_spec(package)
    root = Path(spec.origin).parent
    dirs = [root, *root.parent.glob(f"{package}.libs")]
    return sum(f.stat().st_size for d in dirs for f in d.rglob("*") if f.is_file()) / 1e6


def compare_with_icu(text: str) -> None:
    """ICU's line breaker against ours: size, start-up in a fresh process, speed."""
    if importlib.util.find_spec("icu4py") is None:
        print("icu4py not installed (pip install -e '.[test]'): no ICU comparison")
        return
    from icu4py.breakers import LineBreaker

    ours_dir = Path(dictionary_module.__file__).parent
    ours_mb = sum(f.stat().st_size for f in ours_dir.rglob("*") if f.is_file()) / 1e6
    print(f"size: icu4py {_size_mb('icu4py'):.1f} MB; storage/thai (code + word lists) {ours_mb:.1f} MB")
    bare = _fresh("pass")
    icu_start = _fresh("from icu4py.breakers import LineBreaker; list(LineBreaker('ผู้ว่าราชการจังหวัด', 'th'))")
    our_start = _fresh("from storage.thai.wrap import wrap; wrap('ผู้ว่าราชการจังหวัด', 10)")
    print(f"start-up beyond bare python ({bare:.0f} ms): ICU {icu_start - bare:.0f} ms, ours {our_start - bare:.0f} ms")
    icu_ms = _per_200(lambda t: list(LineBreaker(t, "th").segments()), text)
    print(f"ICU LineBreaker:      {icu_ms:.3f} ms / 200 chars")


if __name__ == "__main__":
    main()
