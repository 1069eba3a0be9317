"""storage's plain width rule (cell_width) agrees with Rich on Thai; the UI and the CLI
measure with Rich itself (see tests/tui/test_emoji_width.py and test_measure_is_rich)."""

from __future__ import annotations

from hypothesis import given, settings
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


def test_the_screen_and_the_cli_measure_with_rich() -> None:
    # The plain rule cannot know emoji sequences; Rich can, and it is what the terminal draws.
    import widgets.textfit
    from tui.cli import board_commands, cells

    # The CLI's is Rich's count answered without Rich for plain text (tests/tui/test_cli_cells.py).
    assert widgets.textfit.MEASURE is cell_len and board_commands.MEASURE is cells.cell_len
    assert cells.cell_len("\u2764\ufe0f") == 2
    assert cell_len("\u2764\ufe0f") == 2 and cell_width("\u2764\ufe0f") == 1


@settings(deadline=None)  # the first wrap loads the word list
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40), st.integers(1, 30))
def test_wrapped_and_cut_lines_fit_by_the_measure_given(text: str, width: int) -> None:
    from storage.thai.graphemes import grapheme_boundaries
    from storage.thai.wrap import truncate, wrap

    for line in wrap(text, width, cell_len):  # only a single cluster wider than the line may overflow
        assert cell_len(line) <= width or len(grapheme_boundaries(line)) == 2, (line, width)
    assert cell_len(truncate(text, width, measure=cell_len)) <= width
