"""Thai lines break where ICU's line breaker (locale th) breaks them, on every letter we have.

The reference is ICU itself (the ``icu4py`` wheel, a test dependency only): precision is the
share of our break points inside runs of Thai that ICU also has (1.000: we never cut where
ICU would not), recall the share of ICU's that we find (goal ≥ 0.95). Run time stays pure
Python: ``storage.thai.icu_thai`` re-expresses ICU's Thai dictionary engine, and the wrapper
breaks only where it and our segmenter agree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icu4py.breakers import LineBreaker

from storage.thai.chars import is_thai_letter
from storage.thai.dictionary import ICU_WORD, prefix_table
from storage.thai.icu_thai import icu_thai_breaks
from storage.thai.segment import segment
from storage.thai.wrap import break_points, wrap
from tests.conftest import ITEM_TEXTS

ROOT = Path(__file__).resolve().parents[2]
LETTERS = sorted((ROOT / "tests" / "fixtures" / "letters").glob("*.txt"))
SAMPLE = ROOT.parent.parent / "shared" / "samples" / "rayong-2565-directives.txt"


def _board_texts() -> str:
    """The item texts of the bundled board.json and of the test board."""
    board = json.loads((ROOT / "board.json").read_text(encoding="utf-8"))
    items = board.get("items", {})
    rows = items.values() if isinstance(items, dict) else items
    return "\n".join([str(row.get("text", "")) for row in rows] + list(ITEM_TEXTS.values()))


CORPORA = {path.name: path.read_text(encoding="utf-8-sig") for path in LETTERS}
CORPORA["board texts"] = _board_texts()


def _thai_runs(text: str) -> list[tuple[int, int]]:
    runs, i = [], 0
    while i < len(text):
        if is_thai_letter(text[i]):
            j = i
            while j < len(text) and is_thai_letter(text[j]):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _icu(run: str) -> set[int]:
    return {end for _, end in LineBreaker(run, "th").segments()} - {len(run)}


def _compare(text: str) -> tuple[int, int, int, list[str]]:
    """(both, ours only, ICU only, our breaks ICU lacks shown as ``before|after``)."""
    ours = set(break_points(text))
    both = ours_only = icu_only = 0
    wrong = []
    for start, end in _thai_runs(text):
        icu = {start + b for b in _icu(text[start:end])}
        mine = {b for b in ours if start < b < end}
        both += len(mine & icu)
        ours_only += len(mine - icu)
        icu_only += len(icu - mine)
        wrong += [f"{text[max(start, b - 8):b]}|{text[b:min(end, b + 8)]}" for b in sorted(mine - icu)]
    return both, ours_only, icu_only, wrong


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_thai_line_breaks_match_icu(name: str) -> None:
    both, ours_only, icu_only, wrong = _compare(CORPORA[name])
    assert wrong == [], f"breaks ICU would not make: {wrong}"
    precision, recall = both / (both + ours_only), both / (both + icu_only)
    assert precision == 1.0
    assert recall >= 0.95, f"{name}: recall {recall:.3f}"


@pytest.mark.skipif(not SAMPLE.exists(), reason="the shared sample letter sits outside the repository")
def test_the_shared_sample_letter_too() -> None:
    both, ours_only, icu_only, wrong = _compare(SAMPLE.read_text(encoding="utf-8-sig"))
    assert wrong == [] and both / (both + icu_only) >= 0.95


def test_the_engine_is_icus_on_every_run_of_every_letter() -> None:
    runs = [text[s:e] for text in CORPORA.values() for s, e in _thai_runs(text)]
    assert len(runs) > 400
    assert [icu_thai_breaks(run) for run in runs] == [sorted(_icu(run)) for run in runs]


_WORDS = sorted(w for w, flags in prefix_table().items() if flags & ICU_WORD)
_PIECE = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(lambda w: w[:3]),  # unknown stretches: ICU's resynchronising heuristics
    st.text(st.characters(min_codepoint=0x0E01, max_codepoint=0x0E4E, exclude_categories=("Cn", "Sc")),
            min_size=1, max_size=3),
    st.sampled_from(["ๆ", "ฯ", "ฯๆ", "บูรณาการ"]),
)


@settings(deadline=None, max_examples=300)
@given(st.lists(_PIECE, min_size=1, max_size=8).map("".join))
def test_the_engine_is_icus_on_any_thai(run: str) -> None:
    assert icu_thai_breaks(run) == sorted(_icu(run))


def test_never_before_a_consonant_carrying_thanthakhat() -> None:
    assert not any(tok.startswith("ร์") for tok in segment("อัมรินทร์"))  # was อัมรินท|ร์
    for text in ("ถนนอัมรินทร์อเวนิว", "สถานที่ศักดิ์สิทธิ์ของจังหวัด", "วิทยาศาสตร์"):
        for width in range(3, 12):  # at 2 cells some cut must give way
            for line in wrap(text, width)[1:]:
                assert not line.startswith(("ร์", "ธิ์", "ตร์")), (text, width, wrap(text, width))


def test_words_icu_misreads_are_not_broken_where_icu_would_not() -> None:
    # ICU reads การบูรณาการ as กา|รบู|รณา|การ, we as การ|บูรณาการ: neither break is made.
    assert wrap("การบูรณาการร่วมกัน", 12) == ["การบูรณาการ", "ร่วมกัน"]
    assert wrap("ถนนอัมรินทร์อเวนิว", 10)[0] != "ถนนอัมรินท"
