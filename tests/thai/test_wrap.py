"""Thai wrapping: word boundaries, line-start/line-end rules, widths, truncation."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from storage.thai.chars import cannot_end_line, cannot_start_line
from storage.thai.width import cell_width
from storage.thai.wrap import truncate, wrap, wrap_spans

SENTENCE = "จะทำให้ผู้ว่าราชการจังหวัดได้มีโอกาสได้พบกับประชาชน"


def _no_space(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_never_cuts_opportunity_mid_word() -> None:
    for width in range(6, 40):
        lines = wrap(SENTENCE, width)
        joined = "|".join(lines)
        assert "มีโ|อกาส" not in joined and "มีโอ|กาส" not in joined, (width, lines)
        assert "".join(lines) == SENTENCE


def test_expected_breaks_in_a_sentence_of_the_letter() -> None:
    assert wrap(SENTENCE, 20) == ["จะทำให้ผู้ว่าราชการจังหวัด", "ได้มีโอกาสได้พบกับ", "ประชาชน"]
    # ผู้ว่า|ราชการ: a compound's parts may part at a line end, as in ICU's line breaker.
    assert wrap(SENTENCE, 12) == ["จะทำให้ผู้ว่า", "ราชการจังหวัด", "ได้มีโอกาสได้พบ", "กับประชาชน"]


def test_letter_item_lines_fit_and_break_only_between_words(letter_text: str) -> None:
    from storage.thai.segment import segment

    for line in letter_text.splitlines()[:80]:
        bounds = {0, len(line)}
        pos = 0
        for tok in segment(line):
            pos += len(tok)
            bounds.add(pos)
        for width in (24, 37, 60):
            for start, end in wrap_spans(line, width):
                assert cell_width(line[start:end]) <= width
                assert start in bounds and end in bounds, (line[start:end], width)


def test_mai_yamok_never_starts_a_line_even_after_a_space() -> None:
    text = "หน่วยงานต่าง ๆ ร่วมกัน"
    for width in range(5, 20):
        assert all(not line.startswith("ๆ") for line in wrap(text, width))


def test_no_break_space_is_never_a_break() -> None:
    text = "ภายใน ๓๐\u00a0ก.ย.\u00a0๒๕๖๕ นะ"
    for width in range(12, 20):  # the glued date is 12 cells: narrower must cut it
        lines = wrap(text, width)
        assert any("๓๐\u00a0ก.ย.\u00a0๒๕๖๕" in line for line in lines), (width, lines)


def test_abbreviations_and_thai_dates_are_not_cut_at_their_dots() -> None:
    lines = wrap("ภายใน ๓๐ ก.ย. ๒๕๖๕ ให้ สนจ.ระยอง รายงาน", 10)
    assert "ก.ย." in " ".join(lines) and any("สนจ.ระยอง" in line for line in lines), lines


def test_existing_newlines_and_crlf_are_kept() -> None:
    assert wrap("ข้อ ๑\r\nข้อ ๒\n\nจบ", 40) == ["ข้อ ๑", "ข้อ ๒", "", "จบ"]


def test_overlong_word_is_cut_between_clusters() -> None:
    lines = wrap("ผู้ว่าราชการจังหวัด", 4)
    assert "".join(lines) == "ผู้ว่าราชการจังหวัด"
    assert all(cell_width(line) <= 4 for line in lines)
    assert all(not cannot_start_line(line[0]) and not cannot_end_line(line[-1]) for line in lines)


def test_overlong_no_break_run_is_cut_where_line_rules_hold_and_lines_are_filled() -> None:
    # The dots glue this into one no-break run (abbreviations); it used to wrap at 9 as
    # ['ก', 'ก.ย.ก.ย.ก', '.ย.']: a one-letter line, then a line starting with ".".
    assert wrap("กก.ย.ก.ย.ก.ย.", 9) == ["กก.ย.ก.ย.", "ก.ย."]
    assert wrap("www.rayong.go.th", 11) == ["www.rayong.", "go.th"]
    for text in ("กก.ย.ก.ย.ก.ย.", "พ.ศ.๒๕๖๕ สนจ.ระยอง", "www.rayong.go.th"):
        for width in range(3, 16):
            lines = wrap(text, width)
            assert "".join(lines).replace(" ", "") == text.replace(" ", ""), (width, lines)
            assert all(cell_width(line) <= width for line in lines), (width, lines)
            assert all(not cannot_start_line(line[0]) for line in lines), (width, lines)
            assert all(not cannot_end_line(line[-1]) for line in lines), (width, lines)


def test_truncate_by_cells_on_cluster_boundaries() -> None:
    assert truncate("สั้น", 10) == "สั้น"
    cut = truncate("ข้อ ๒ สื่อสารกับสังคมที่เป็นหัวใจ", 12)
    assert cut.endswith("…") and cell_width(cut) <= 12
    assert truncate("ที่นี่นั่น", 2) == "ที่…"
    assert truncate("เพื่อเป็นการ", 6) == "เพื่อเป็…"
    assert truncate("abc\ndef", 20) == "abc def"


# A "syllable" is a well-formed Thai cluster; arbitrary code points can violate the
# start/end rules by themselves (a text may start with ะ), so those rules are checked
# on well-formed text, and width/content on anything.
CONS = st.sampled_from(list("กขคงจชดตทนบปผพมยรลวสหอ"))
SYLLABLE = st.builds(
    lambda lead, c, mark, tail: lead + c + mark + tail,
    st.sampled_from(["", "", "เ", "แ", "โ", "ใ", "ไ"]),
    CONS,
    st.sampled_from(["", "", "่", "้", "ั", "ิ", "ี่", "ุ", "็"]),
    st.sampled_from(["", "", "", "า", "ะ", "ำ", "ๆ", "น", "ง"]),
)
WORD = st.one_of(
    st.lists(SYLLABLE, min_size=1, max_size=6).map("".join),
    st.sampled_from(["board", "2565", "๓๐", "(ระยอง)", "ก.ย.", "-", " ", "  ", "\n", "ต่าง ๆ"]),
)
WELL_FORMED = st.lists(WORD, max_size=30).map("".join)
ANY = st.text(st.one_of(st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B),
                        st.sampled_from(list(" \nabcXYZ09.,()中"))), max_size=150)


@settings(max_examples=300, deadline=None)
@given(WELL_FORMED, st.integers(8, 80))
@example("กก.ย.ก.ย.ก.ย.", 9)  # found by hypothesis: a forced cut put "." at a line start
def test_property_well_formed_text(text: str, width: int) -> None:
    spans = wrap_spans(text, width)
    for start, end in spans:
        line = text[start:end]
        assert cell_width(line) <= width
        # Only lines that begin or end at a break we chose are checked; a paragraph
        # is free to start or end however the input does.
        if line and start > 0 and text[start - 1] != "\n":
            assert not cannot_start_line(line[0]), (text, width, line)
        if line and end < len(text) and text[end] != "\n" and text[end:end + 2] != "\r\n":
            assert not cannot_end_line(line[-1]), (text, width, line)
    assert _no_space("".join(text[s:e] for s, e in spans)) == _no_space(text)


@settings(max_examples=300, deadline=None)
@given(ANY, st.integers(8, 80))
def test_property_any_text_fits_and_keeps_content(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_width(line) <= width for line in lines)
    assert _no_space("".join(lines)) == _no_space(text)


def test_empty_blank_and_indented_paragraphs() -> None:
    assert wrap("", 10) == [""]
    assert wrap("a\n   \nb", 5) == ["a", "", "b"]  # a line of spaces is a blank line
    assert wrap("  ย่อหน้า", 10) == ["  ย่อหน้า"]  # indentation that fits is kept
    assert wrap("      word", 4) == ["word"]  # indentation wider than the line is dropped
    assert truncate("", 5) == ""
