"""cell_width counts exactly as Rich does (the UI measures with Rich)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from storage.thai.width import cell_width


def test_thai_marks_take_no_cell_and_sara_am_takes_one() -> None:
    assert cell_width("ที่") == 1
    assert cell_width("น้ำ") == 2  # ำ is a spacing vowel: one cell, as Rich and wcwidth say
    assert cell_width("เก่า") == 3
    assert cell_width("ผู้ว่าราชการ") == 9


def test_wide_and_zero_width() -> None:
    assert cell_width("中文") == 4
    assert cell_width("e\u0301") == 1
    assert cell_width("a\u200bb") == 2


def test_matches_rich_on_every_line_of_the_letter(letter_text: str) -> None:
    for line in letter_text.splitlines():
        assert cell_width(line) == cell_len(line), line


@given(st.text(st.characters(blacklist_characters="\u200d\ufe0f", blacklist_categories=("Cs",)), max_size=40))
def test_matches_rich_on_arbitrary_text(text: str) -> None:
    # ZWJ and VS16 are excluded: Rich joins emoji sequences there, which we do not model.
    assert cell_width(text) == cell_len(text)
