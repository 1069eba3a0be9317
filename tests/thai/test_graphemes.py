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


def test_plain_text_clusters_match_the_unicode_rules_without_regex() -> None:
    """Plain Thai/ASCII/punctuation text is split without the ``regex`` module (the first
    paint does not import it, issue 11). There a cluster depends only on whether the next
    character joins it, so agreeing with ``\\X`` on every pair of such characters — and on
    longer mixes — means agreeing on every text."""
    import random

    import regex

    from storage.thai import graphemes as module

    cluster = regex.compile(r"\X")
    plain = [chr(c) for c in range(0x3000) if module._PLAIN.fullmatch(chr(c))]
    assert "ก" in plain and "\u0e48" in plain and "…" in plain and "\u200d" not in plain and "\r" not in plain
    texts = [a + b for a in plain for b in plain]
    rng = random.Random(11)
    texts += ["".join(rng.choices(plain, k=rng.randrange(1, 40))) for _ in range(2000)]
    texts += ["ที่นี่ น้ำ “ข้อ ๑” — เก่า…", "\u0e48\u0e49ก", "ำ"]
    for text in texts:
        assert module._PLAIN.fullmatch(text)
        assert grapheme_boundaries(text) == [0, *(m.end() for m in cluster.finditer(text))], text


def test_text_outside_the_plain_set_still_goes_through_regex() -> None:
    assert graphemes("ก\u200dข") == ["ก\u200d", "ข"]  # a joiner stays with what it follows
    assert graphemes("ก👍🏽!") == ["ก", "👍🏽", "!"]
    assert graphemes("กक्षि") == ["ก", "क्षि"]
    assert graphemes("ก\r\nข") == ["ก", "\r\n", "ข"]
