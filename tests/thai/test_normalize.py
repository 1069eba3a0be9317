"""Search normalisation: spellings a reader cannot tell apart compare equal."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storage.thai.graphemes import grapheme_boundaries
from storage.thai.normalize import find_matches, normalize_for_search as norm


def test_sara_am_one_code_point_or_two() -> None:
    assert norm("น้ํา") == norm("น้ำ")  # ํ + า typed separately
    assert norm("นํ้า") == norm("น้ำ")  # nikhahit before the tone
    assert norm("นำ้") == norm("น้ำ")  # tone typed after SARA AM


def test_tone_and_upper_vowel_order_and_doubled_marks() -> None:
    assert norm("ก่ี") == norm("กี่")
    assert norm("ที่่") == norm("ที่")
    assert norm("ที่") != norm("ท่")


def test_sara_ae_typed_as_two_sara_e() -> None:
    assert norm("เเผนงาน") == norm("แผนงาน")
    text = "ตามเเผนงาน"
    assert [text[s:e] for s, e in find_matches(text, "แผน")] == ["เเผน"]


def test_digits_mai_yamok_case_and_spaces() -> None:
    assert norm("ปี ๒๕๖๕") == norm("ปี 2565")
    assert norm("ต่าง ๆ นานา") == norm("ต่างๆนานา") == norm("ต่างๆ นานา")
    assert norm("  Directive\tBOARD ") == "directive board"
    assert norm("ผู้\u200bว่า") == norm("ผู้ว่า")


def test_find_matches_returns_spans_of_the_original_text() -> None:
    text = "ภายใน ๓๐ ก.ย. ๒๕๖๕ หน่วยงานต่าง ๆ รายงาน น้ํา"
    assert [text[s:e] for s, e in find_matches(text, "2565")] == ["๒๕๖๕"]
    assert [text[s:e] for s, e in find_matches(text, "ต่างๆ")] == ["ต่าง ๆ"]
    assert [text[s:e] for s, e in find_matches(text, "น้ำ")] == ["น้ํา"]


def test_find_matches_widens_to_whole_clusters_and_finds_every_match() -> None:
    text = "ที่นี่ ที่โน่น"
    spans = find_matches(text, "ท")
    assert [text[s:e] for s, e in spans] == ["ที่", "ที่"]


def test_no_match_and_empty_query() -> None:
    assert find_matches("ระยอง", "ชลบุรี") == []
    assert find_matches("ระยอง", "   ") == []


THAIISH = st.text(st.one_of(st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B),
                            st.sampled_from(list(" \t\nAbc019ßİ\u200b\u0301"))), max_size=80)


@settings(max_examples=300, deadline=None)
@given(THAIISH, THAIISH)
def test_property_spans_are_ordered_cluster_aligned_slices(haystack: str, query: str) -> None:
    bounds = set(grapheme_boundaries(haystack))
    last_end = 0
    for start, end in find_matches(haystack, query):
        assert last_end <= start < end <= len(haystack)
        assert start in bounds and end in bounds
        last_end = end


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["น้ำ", "ที่", "แผน", "ต่าง ๆ", "๒๕๖๕", "ก.ย.", " ", "Board"]), max_size=12))
def test_property_a_whole_word_of_the_text_is_always_found(words: list[str]) -> None:
    haystack = "".join(words)
    for word in set(words) - {" "}:
        assert find_matches(haystack, word), (haystack, word)
