"""truncate's fast way for plain text (storage/thai/cut.py) cuts exactly where the general
way does — cluster by cluster with the ``regex`` module's clusters and the caller's measure —
and plain_width is the width every measure gives."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich._unicode_data._versions import VERSIONS
from rich.cells import cell_len, get_character_cell_size

from storage.thai import cut
from storage.thai.graphemes import grapheme_boundaries
from storage.thai.width import PLAIN, cell_width, plain_width

PLAIN_CHARS = [chr(c) for c in range(0x110000) if re.fullmatch(f"[{PLAIN}]", chr(c))]
# Weighted to the hard cases: marks, SARA AM, leading vowels, spaces; every plain character can come.
HARD = list("กนทเแโใไ ำ่้ั็ิีุู์ ") + ["\u0e33", "\u0e4e", "\u0e3a", "a", "…", "\xa0"]
PLAIN_TEXT = st.text(st.one_of(st.sampled_from(HARD), st.sampled_from(PLAIN_CHARS)), max_size=60)


def test_plain_is_ascii_latin1_thai_and_punctuation() -> None:
    assert {"a", "~", " ", "é", "\xa0", "ก", "ำ", "่", "๙", "฿", "–", "…", "“", "⚠"} <= set(PLAIN_CHARS)
    # Not plain: controls, soft hyphen (a cluster of its own), wide or emoji, joiners, unassigned Thai.
    assert not {"\t", "\x7f", "\x85", "\xad", "中", "❤", "\u200d", "\ufe0f", "\u0e3b", "\u0e5c"} & set(PLAIN_CHARS)


def test_every_plain_character_has_the_same_width_in_every_measure() -> None:
    for ch in PLAIN_CHARS:
        rich = {get_character_cell_size(ch, version) for version in VERSIONS}
        assert rich == {cell_width(ch)} == {plain_width(ch)}, hex(ord(ch))


@settings(max_examples=400, deadline=None)
@given(st.text(st.one_of(st.sampled_from(HARD), st.characters(blacklist_categories=("Cs",))), max_size=40))
def test_plain_width_answers_for_plain_text_only_and_then_exactly(text: str) -> None:
    if re.fullmatch(f"[{PLAIN}]*", text):
        assert plain_width(text) == cell_width(text) == cell_len(text)
    else:
        assert plain_width(text) is None


@settings(max_examples=400, deadline=None)
@given(PLAIN_TEXT)
def test_plain_text_clusters_start_at_every_character_but_a_mark_or_sara_am(text: str) -> None:
    starts = [0, *(i for i in range(1, len(text)) if text[i] not in "\u0e31\u0e33" and not
                   ("\u0e34" <= text[i] <= "\u0e3a" or "\u0e47" <= text[i] <= "\u0e4e"))]
    assert grapheme_boundaries(text) == ([0] if not text else starts + [len(text)])


@settings(max_examples=600, deadline=None)
@given(PLAIN_TEXT, st.integers(0, 50))
@example("น้ำ", 1)  # SARA AM past the budget takes its whole cluster with it
@example("\u0e48น้ำ", 0)  # a mark at the start is a cluster of no cells
@example("ำำa", 1)
def test_the_fast_cut_is_the_cluster_by_cluster_cut(text: str, budget: int) -> None:
    for measure in (cell_width, cell_len):
        assert cut._plain_cut(text, budget) == cut._cluster_cut(text, budget, measure), measure


def test_truncate_still_cuts_other_text_cluster_by_cluster() -> None:
    # ❤️ is two cells to Rich (an emoji sequence): never cut between ❤ and its selector.
    assert cut.truncate("ab\u2764\ufe0fcd", 4, measure=cell_len) == "ab…"
    assert cut.truncate("中文中文", 5, measure=cell_len) == "中文…"
    assert cut.truncate("น้ำน้ำน้ำ", 3) == "น้ำ…"
