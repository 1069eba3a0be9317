"""Grapheme clusters: what the cursor moves over and where a long word may be cut."""

from __future__ import annotations

from storage.thai.graphemes import grapheme_boundaries, graphemes, next_boundary, prev_boundary


def test_tee_with_tone_is_one_cluster() -> None:
    assert graphemes("ที่") == ["ที่"]
    assert grapheme_boundaries("ที่นี่") == [0, 3, 6]


def test_sara_am_joins_the_cluster_but_sara_a_and_leading_vowels_do_not() -> None:
    assert graphemes("น้ำ") == ["น้ำ"]
    assert graphemes("กะ") == ["ก", "ะ"]
    assert graphemes("เก่า") == ["เ", "ก่", "า"]


def test_latin_combining_emoji_and_crlf() -> None:
    assert graphemes("e\u0301x") == ["e\u0301", "x"]
    family = "👨\u200d👩\u200d👧"
    assert graphemes(family + "!") == [family, "!"]
    assert graphemes("🇹🇭🇯🇵") == ["🇹🇭", "🇯🇵"]
    assert graphemes("a\r\nb") == ["a", "\r\n", "b"]


def test_next_and_prev_boundary() -> None:
    text = "ที่นี่"
    assert next_boundary(text, 0) == 3
    assert next_boundary(text, 1) == 3
    assert prev_boundary(text, 6) == 3
    assert prev_boundary(text, 3) == 0
    assert prev_boundary(text, 0) == 0
    assert next_boundary(text, 6) == 6


def test_empty_text() -> None:
    assert grapheme_boundaries("") == [0]


def test_current_unicode_rules_prepend_and_indic_conjuncts() -> None:
    # What the hand-written UAX #29 left out: a Prepend mark stays with what follows, and an
    # Indic conjunct (Unicode 15.1, GB9c) is one cluster.
    assert graphemes("\u0600\u0661") == ["\u0600\u0661"]
    assert graphemes("क्षि") == ["क्षि"]
    assert graphemes("❤️a") == ["❤️", "a"]
