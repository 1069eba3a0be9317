"""ThaiText renders wrapped Thai lines with highlights, as Rich content."""

from __future__ import annotations

from rich.console import Console
from rich.measure import Measurement
from rich.segment import Segment

from storage.thai.normalize import find_matches
from widgets.thai_text import ThaiText

SENTENCE = "ผู้ว่าราชการจังหวัดได้มีโอกาสได้พบกับประชาชน"


def _render(renderable, width: int) -> list[list[Segment]]:
    console = Console(width=width, force_terminal=True, color_system="standard")
    return list(Segment.split_lines(console.render(renderable, console.options)))


def test_lines_break_between_words_where_rich_text_would_cut_mid_word() -> None:
    lines = ["".join(s.text for s in line) for line in _render(ThaiText(SENTENCE), 20)]
    assert lines == ["ผู้ว่าราชการจังหวัดได้มี", "โอกาสได้พบกับประชาชน"]


def test_highlight_spans_land_on_the_match() -> None:
    spans = find_matches(SENTENCE, "โอกาส")
    rendered = _render(ThaiText(SENTENCE, "bold", highlights=spans), 20)
    reversed_text = "".join(s.text for line in rendered for s in line if s.style and s.style.reverse)
    assert reversed_text == "โอกาส"
    assert all(s.style and s.style.bold for line in rendered for s in line if s.text)


def test_tabs_become_spaces_and_newlines_are_kept() -> None:
    lines = ThaiText("ข้อ\tหนึ่ง\nข้อสอง").lines(40)
    assert [line.plain for line in lines] == ["ข้อ หนึ่ง", "ข้อสอง"]


def test_measure_reports_widest_word_and_paragraph() -> None:
    console = Console(width=80)
    m = Measurement.get(console, console.options, ThaiText("ได้มีโอกาส\nกับ"))
    assert m.maximum == 8  # ได้มีโอกาส is 8 cells (marks take none)
    assert m.minimum == 5  # โอกาส
